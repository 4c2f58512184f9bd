import * as assert from 'node:assert/strict';
import { request } from 'undici';
import type { SandboxServer } from '../../../src/sandbox';
import type { InboxEvent, InboxMessage } from '../../../src/sandbox/inboxTypes';
import { basic, call, send, startFast, waitFor } from './helpers';

async function inbox(sandbox: SandboxServer, query: Record<string, string>): Promise<{ total: number; messages: InboxMessage[] }> {
  const res = await call(sandbox, 'GET', `/__sandbox/messages?${new URLSearchParams(query)}`);
  assert.equal(res.status, 200, res.text);
  return res.json;
}

/** Reads the event stream into `events` until `stop()`. */
async function subscribe(sandbox: SandboxServer): Promise<{ events: InboxEvent[]; stop(): void }> {
  const { authId, authToken } = sandbox.accounts[0];
  const controller = new AbortController();
  const res = await request(`${sandbox.baseUrl}/__sandbox/events`, { headers: { authorization: basic(authId, authToken) }, signal: controller.signal });
  assert.equal(res.statusCode, 200);
  assert.match(String(res.headers['content-type']), /^text\/event-stream/);
  const events: InboxEvent[] = [];
  let buffer = '';
  res.body.setEncoding('utf8');
  res.body.on('data', (chunk: string) => {
    buffer += chunk;
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const frame = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const data = frame.split('\n').find((line) => line.startsWith('data: '));
      if (data) events.push(JSON.parse(data.slice(6)) as InboxEvent);
    }
  });
  res.body.on('error', () => undefined);
  return { events, stop: () => controller.abort() };
}

describe('sandbox inbox API', () => {
  let sandbox: SandboxServer;
  let beforeAll: number;
  before(async () => {
    sandbox = await startFast();
    await call(sandbox, 'POST', '/__sandbox/reset');
    await send(sandbox, { dst: '14155551111', text: 'Your code is 1234' });
    // `since` = one millisecond after the first message; the next ones are sent once the clock passed it.
    beforeAll = Date.parse((await inbox(sandbox, {})).messages[0].time) + 1;
    await waitFor(() => (Date.now() > beforeAll ? true : undefined), 1000, 'the clock to move on');
    await send(sandbox, { dst: '14155552222<+1 (415) 555-1111', text: 'Sale: 20% off ✨' });
    await send(sandbox, { dst: '12015550130', text: 'spam test' });
    await waitFor(async () => ((await inbox(sandbox, { to: '12015550130', state: 'failed' })).total === 1 ? true : undefined), 5000, 'the magic number to fail');
  });
  after(() => sandbox.close());

  it('lists messages newest first with their text, parts, encoding and state timeline', async () => {
    const page = await inbox(sandbox, {});
    assert.equal(page.total, 4);
    assert.deepEqual(page.messages.map((m) => m.text), ['spam test', 'Sale: 20% off ✨', 'Sale: 20% off ✨', 'Your code is 1234']);
    const failed = page.messages[0];
    assert.equal(failed.state, 'failed');
    assert.equal(failed.errorCode, '30');
    assert.equal(failed.errorMeaning, 'spam detected');
    assert.deepEqual(failed.timeline.map((c) => c.state), ['queued', 'failed']);
    assert.equal(page.messages[1].encoding, 'UCS-2');
    assert.equal(page.messages[3].encoding, 'GSM-7');
    assert.equal(page.messages[3].parts, 1);
  });

  it('to= accepts the number as the user wrote it or as Plivo stores it', async () => {
    for (const written of ['14155551111', '+14155551111', '+1 (415) 555-1111', '1-415-555-1111', '+1.415.555.1111']) {
      const page = await inbox(sandbox, { to: written });
      assert.deepEqual(page.messages.map((m) => m.text), ['Sale: 20% off ✨', 'Your code is 1234'], written);
    }
    assert.equal((await inbox(sandbox, { to: '+14155559999' })).total, 0);
  });

  it('text= matches a fragment, any case; since= keeps later messages; limit and offset page', async () => {
    assert.deepEqual((await inbox(sandbox, { text: 'CODE IS' })).messages.map((m) => m.to), ['14155551111']);
    const since = await inbox(sandbox, { since: new Date(beforeAll).toISOString() });
    assert.equal(since.total, 3);
    assert.equal((await inbox(sandbox, { since: String(beforeAll) })).total, 3);
    const first = await inbox(sandbox, { limit: '2' });
    const second = await inbox(sandbox, { limit: '2', offset: '2' });
    assert.equal(first.total, 4);
    assert.deepEqual([...first.messages, ...second.messages].map((m) => m.uuid), (await inbox(sandbox, {})).messages.map((m) => m.uuid));
    const combined = await inbox(sandbox, { to: '+1 415 555 1111', text: 'sale' });
    assert.equal(combined.total, 1);
  });

  it('bad filters get a 400 that names them; no credentials get 401', async () => {
    for (const [key, value] of [['limit', '0'], ['limit', '1001'], ['since', 'yesterday'], ['state', 'lost'], ['offset', '-1']]) {
      const res = await call(sandbox, 'GET', `/__sandbox/messages?${key}=${value}`);
      assert.equal(res.status, 400, `${key}=${value}`);
      assert.match(res.json.error, new RegExp(key));
    }
    assert.equal((await call(sandbox, 'GET', '/__sandbox/messages', { auth: null })).status, 401);
    assert.equal((await call(sandbox, 'GET', '/__sandbox/events', { auth: null })).status, 401);
    assert.equal((await call(sandbox, 'GET', '/__sandbox/phones', { auth: basic(sandbox.accounts[0].authId, 'wrong') })).status, 401);
  });

  it('phones: each number with its message count, newest activity first, searchable by number or text', async () => {
    const res = await call(sandbox, 'GET', '/__sandbox/phones');
    assert.deepEqual(res.json.phones.map((p: { phone: string; messages: number }) => [p.phone, p.messages]), [
      ['12015550130', 1],
      ['14155551111', 2],
      ['14155552222', 1],
    ]);
    const byText = await call(sandbox, 'GET', '/__sandbox/phones?search=code');
    assert.deepEqual(byText.json.phones.map((p: { phone: string }) => p.phone), ['14155551111']);
    const byNumber = await call(sandbox, 'GET', `/__sandbox/phones?search=${encodeURIComponent('(415) 555-2222')}`);
    assert.deepEqual(byNumber.json.phones.map((p: { phone: string }) => p.phone), ['14155552222']);
  });

  it('the event stream pushes each new message and its state changes as they happen', async () => {
    const stream = await subscribe(sandbox);
    try {
      const sent = await send(sandbox, { dst: '14155553333', text: 'live one' });
      const uuid = sent.json.message_uuid[0];
      const delivered = await waitFor(
        () => stream.events.find((e) => e.type === 'message' && e.message.uuid === uuid && e.message.state === 'delivered'),
        5000,
        'the delivered event',
      );
      assert.equal(delivered.type === 'message' && delivered.message.text, 'live one');
      await call(sandbox, 'DELETE', '/__sandbox/messages');
      await waitFor(() => stream.events.find((e) => e.type === 'reset'), 2000, 'the reset event');
      assert.equal((await inbox(sandbox, {})).total, 0);
    } finally {
      stream.stop();
    }
  });

  it('deliver now, fail with a code, mark undelivered: only for queued or sent messages', async () => {
    const slow = await startFast({ timings: { sentAfterMs: 60_000 } });
    try {
      const sent = await send(slow, { dst: '14155551111<14155552222<14155553333<14155554444' });
      const [a, b, c, d] = sent.json.message_uuid as string[];
      const fail = await call(slow, 'POST', `/__sandbox/messages/${a}/fail`, { body: { errorCode: '420' } });
      assert.equal(fail.status, 200, fail.text);
      assert.equal(fail.json.state, 'failed');
      assert.equal(fail.json.errorMeaning, 'message expired');
      const deliver = await call(slow, 'POST', `/__sandbox/messages/${b}/deliver`);
      assert.deepEqual(deliver.json.timeline.map((t: { state: string }) => t.state), ['queued', 'sent', 'delivered']);
      const undeliver = await call(slow, 'POST', `/__sandbox/messages/${c}/undeliver`, { body: { errorCode: '70' } });
      assert.equal(undeliver.json.state, 'undelivered');
      assert.equal((await call(slow, 'POST', `/__sandbox/messages/${a}/deliver`)).status, 409, 'a failed message stays failed');
      const unknownCode = await call(slow, 'POST', `/__sandbox/messages/${d}/fail`, { body: { errorCode: '12345' } });
      assert.equal(unknownCode.status, 409);
      assert.match(unknownCode.json.error, /Plivo's codes/);
      assert.equal((await call(slow, 'GET', `/__sandbox/messages/${d}`)).json.state, 'queued');
      const plivo = await call(slow, 'GET', `/v1/Account/${slow.accounts[0].authId}/Message/${a}/`);
      assert.equal(plivo.json.message_state, 'failed');
      assert.equal(plivo.json.error_code, '420');
    } finally {
      await slow.close();
    }
  });
});
