import * as assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import type { SandboxServer } from '../../../src/sandbox';
import { startSandbox } from '../../../src/sandbox';
import { accountPath, basic, call, FAST, send, startReceiver, waitFor } from './helpers';

interface Plain {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
}

/** A request as a web page could make it: any Host, any headers, a raw body (node:http sends Host as given). */
function raw(sandbox: SandboxServer, method: string, path: string, headers: Record<string, string>, body?: string): Promise<Plain> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${sandbox.baseUrl}${path}`, { method, headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** A GET with no Host header at all. */
function rawWithoutHost(sandbox: SandboxServer, path: string, authorization: string): Promise<Plain> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${sandbox.baseUrl}${path}`, { headers: { authorization }, setHost: false, agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text: '' }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('sandbox privacy: cross-origin style requests change nothing and read nothing', () => {
  let sandbox: SandboxServer;
  let auth: string;
  const sendBody = (dst: string) => JSON.stringify({ src: '14155550000', dst, text: 'from a web page' });

  before(async () => {
    sandbox = await startSandbox({ ...FAST, allowHosts: ['sandbox.test'] });
    auth = basic(sandbox.accounts[0].authId, sandbox.accounts[0].authToken);
  });
  beforeEach(async () => {
    assert.equal((await call(sandbox, 'POST', '/__sandbox/reset')).status, 200);
    assert.equal((await call(sandbox, 'POST', '/__sandbox/faults', { body: { kind: 'server-error', count: 1, method: 'POST', path: '/Message/' } })).status, 201);
    assert.equal((await send(sandbox, { dst: '14155551111', text: 'the user’s own message' })).status, 500, 'the fault is armed');
    assert.equal((await call(sandbox, 'POST', '/__sandbox/faults', { body: { kind: 'server-error', count: 1, method: 'POST', path: '/Message/' } })).status, 201);
  });
  after(() => sandbox.close());

  async function assertNothingChanged(): Promise<void> {
    const faults = await call(sandbox, 'GET', '/__sandbox/faults');
    assert.equal(faults.json.faults.length, 1, 'the queued fault is still waiting');
    const log = await call(sandbox, 'GET', '/__sandbox/requests');
    assert.deepEqual(log.json.counts, { 'POST /v1/Account/{auth_id}/Message/': 1 }, 'only the user’s own request is counted');
    assert.equal(sandbox.messageCount(), 0);
    assert.equal(log.json.entries.length, 1, 'no entry of the refused requests');
  }

  it('an unauthenticated text/plain POST (a "simple" request any page can send) gets 401 and uses up no fault', async () => {
    const host = `127.0.0.1:${sandbox.port}`;
    const res = await raw(sandbox, 'POST', accountPath(sandbox, 'Message/'), { host, 'content-type': 'text/plain' }, sendBody('14155552222'));
    assert.equal(res.status, 401);
    const control = await raw(sandbox, 'POST', '/__sandbox/reset', { host, 'content-type': 'text/plain' }, '');
    assert.equal(control.status, 401);
    await assertNothingChanged();
  });

  it('a foreign Host (DNS rebinding) gets 403 even with valid credentials, and reads nothing', async () => {
    for (const host of ['evil.example', `evil.example:${sandbox.port}`, `127.0.0.1.evil.example:${sandbox.port}`, `127.0.0.1:${sandbox.port + 1}`]) {
      const post = await raw(sandbox, 'POST', accountPath(sandbox, 'Message/'), { host, authorization: auth, 'content-type': 'application/json' }, sendBody('14155552222'));
      assert.equal(post.status, 403, host);
      const read = await raw(sandbox, 'GET', '/__sandbox/requests', { host, authorization: auth });
      assert.equal(read.status, 403, host);
      assert.equal(read.text.includes('14155551111'), false, 'no inbox content in the answer');
      const inbox = await raw(sandbox, 'GET', '/__sandbox/messages', { host, authorization: auth });
      assert.equal(inbox.status, 403, host);
    }
    const missing = await rawWithoutHost(sandbox, accountPath(sandbox, 'Message/'), auth);
    assert.ok(missing.status === 400 || missing.status === 403, `no Host at all: ${missing.status}`);
    await assertNothingChanged();
  });

  it('with a message in the inbox, simple requests without credentials read none of it and steer, clear, reply or change rules not at all', async () => {
    const host = `127.0.0.1:${sandbox.port}`;
    const text = 'your code is 314159';
    assert.equal((await send(sandbox, { dst: '14155553333', text })).status, 500, 'the armed fault goes first');
    const sent = await send(sandbox, { dst: '14155553333', text });
    assert.equal(sent.status, 202);
    const uuid: string = sent.json.message_uuid[0];
    const reads = ['/__sandbox/messages', `/__sandbox/messages/${uuid}`, '/__sandbox/phones', '/__sandbox/events', '/__sandbox/requests', '/__sandbox/callbacks', '/__sandbox/chaos', '/__sandbox/inbound', accountPath(sandbox, 'Message/'), accountPath(sandbox, `Message/${uuid}/`)];
    for (const path of reads) {
      const res = await raw(sandbox, 'GET', path, { host });
      assert.equal(res.status, 401, path);
      for (const secret of ['14155553333', text, uuid]) assert.equal(res.text.includes(secret), false, `${path} shows ${secret}`);
    }
    const plain = { host, 'content-type': 'text/plain' };
    const writes: Array<[string, string, string]> = [
      ['POST', `/__sandbox/messages/${uuid}/fail`, '{"errorCode":"30"}'],
      ['POST', `/__sandbox/messages/${uuid}/undeliver`, '{"errorCode":"30"}'],
      ['DELETE', '/__sandbox/messages', ''],
      ['PUT', '/__sandbox/chaos', '{"rules":[{"probability":1,"effect":{"kind":"server-error"}}]}'],
      ['PUT', '/__sandbox/inbound', '{"url":"http://127.0.0.1:9/steal"}'],
      ['POST', '/__sandbox/replies', '{"from":"14155553333","text":"STOP"}'],
      ['POST', '/__sandbox/reset', ''],
    ];
    for (const [method, path, body] of writes) assert.equal((await raw(sandbox, method, path, plain, body)).status, 401, `${method} ${path}`);
    const message = await call(sandbox, 'GET', `/__sandbox/messages/${uuid}`);
    assert.equal(message.status, 200, 'the message is still there');
    assert.deepEqual(
      message.json.timeline.filter((change: { by?: string }) => change.by !== undefined),
      [],
      'no state was chosen from outside',
    );
    assert.equal(message.json.state === 'failed' || message.json.state === 'undelivered', false, message.json.state);
    assert.equal(sandbox.messageCount(), 1, 'nothing cleared, no reply stored');
    assert.equal((await call(sandbox, 'GET', '/__sandbox/chaos')).json.rules.length, 0, 'no rules put in force');
    assert.equal((await call(sandbox, 'GET', '/__sandbox/inbound')).json.url, null, 'no inbound URL set');
  });

  it('loopback names with the port, and names given to allowHosts, are served', async () => {
    for (const host of [`127.0.0.1:${sandbox.port}`, `localhost:${sandbox.port}`, `LOCALHOST:${sandbox.port}`, `[::1]:${sandbox.port}`, `sandbox.test:${sandbox.port}`]) {
      const res = await raw(sandbox, 'GET', accountPath(sandbox), { host, authorization: auth });
      assert.equal(res.status, 200, host);
    }
  });

  it('answers no CORS headers, preflight included, so a browser keeps every answer from the page', async () => {
    const host = `127.0.0.1:${sandbox.port}`;
    const origin = { host, origin: 'https://evil.example' };
    const answers = [
      await raw(sandbox, 'OPTIONS', accountPath(sandbox, 'Message/'), { ...origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization' }),
      await raw(sandbox, 'GET', accountPath(sandbox, 'Message/'), { ...origin, authorization: auth }),
      await raw(sandbox, 'GET', '/__sandbox/', { ...origin, authorization: auth }),
    ];
    for (const res of answers) {
      const cors = Object.keys(res.headers).filter((name) => name.startsWith('access-control-'));
      assert.deepEqual(cors, [], `${res.status}: ${cors.join(', ')}`);
    }
    assert.notEqual(answers[0].status, 200, 'a preflight is not approved');
  });

  it('logs redact userinfo and secret-looking query parameters of callback URLs', async () => {
    const lines: string[] = [];
    const receiver = await startReceiver();
    const logged = await startSandbox({ ...FAST, log: (line) => lines.push(line) });
    try {
      const hostPort = receiver.url.replace('http://', '');
      const callbackUrl = `http://alice:pw-in-url@${hostPort}/cb?apikey=KEY-IN-URL&access_token=TOKEN-IN-URL&tag=kept`;
      assert.equal((await send(logged, { dst: '14155551111', url: callbackUrl })).status, 202);
      const form = await call(logged, 'POST', accountPath(logged, 'Message/'), { form: { src: '14155550000', dst: '14155551112', text: 'hi', url: callbackUrl } });
      assert.equal(form.status, 202);
      await call(logged, 'GET', accountPath(logged, 'Message/?api_key=QUERY-KEY'));
      await waitFor(() => logged.callbackLog().length >= 2 || undefined, 5000, 'callbacks attempted');
      const shown = JSON.stringify([logged.requestLog(), logged.callbackLog(), (await call(logged, 'GET', '/__sandbox/callbacks')).json, lines]);
      for (const secret of ['pw-in-url', 'KEY-IN-URL', 'TOKEN-IN-URL', 'QUERY-KEY', 'alice']) assert.equal(shown.includes(secret), false, secret);
      assert.ok(shown.includes('tag=kept'), 'the harmless parts of the URL stay readable');
      assert.ok(receiver.received.some((r) => r.url.includes('apikey=KEY-IN-URL')), 'the callback itself still goes to the URL as given');
    } finally {
      await logged.close();
      await receiver.close();
    }
  });
});
