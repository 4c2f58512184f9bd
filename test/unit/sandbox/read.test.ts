import * as assert from 'node:assert/strict';
import type { SandboxServer } from '../../../src/sandbox';
import { accountPath, call, send, startFast } from './helpers';

describe('sandbox GET message, list, routes', () => {
  let sandbox: SandboxServer;
  let uuids: string[];
  before(async () => {
    // Slow delivery: the messages stay `queued`/`sent` while the list is read.
    sandbox = await startFast({ messagesPerSecond: 1, timings: { sentAfterMs: 60_000 } });
    const numbers = Array.from({ length: 25 }, (_, i) => `1415555${String(3000 + i)}`);
    uuids = (await send(sandbox, { dst: numbers.join('<') })).json.message_uuid;
    assert.equal(uuids.length, 25);
  });
  after(() => sandbox.close());

  it('GET one message: the documented shape, numbers without +', async () => {
    const res = await call(sandbox, 'GET', accountPath(sandbox, `Message/${uuids[0]}/`));
    assert.equal(res.status, 200);
    const m = res.json;
    assert.deepEqual(Object.keys(m).sort(), [
      'api_id', 'destination_country_iso2', 'error_code', 'error_message', 'from_number', 'is_domestic',
      'message_direction', 'message_sent_time', 'message_state', 'message_time', 'message_type',
      'message_updated_time', 'message_uuid', 'powerpack_id', 'resource_uri', 'to_number', 'total_amount',
      'total_rate', 'units',
    ]);
    assert.equal(m.from_number, '14155550000');
    assert.equal(m.to_number, '14155553000');
    assert.equal(m.message_state, 'queued');
    assert.equal(m.message_direction, 'outbound');
    assert.equal(m.message_type, 'sms');
    assert.equal(m.error_code, null);
    assert.equal(m.destination_country_iso2, 'US');
    assert.equal(m.resource_uri, accountPath(sandbox, `Message/${uuids[0]}/`));
    assert.match(m.message_time, /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\+00:00$/);
    assert.ok(Math.abs(Date.parse(m.message_time.replace(' ', 'T')) - Date.now()) < 60_000);
  });

  it('unknown uuid → 404 JSON', async () => {
    const res = await call(sandbox, 'GET', accountPath(sandbox, 'Message/00000000-0000-0000-0000-000000000000/'));
    assert.equal(res.status, 404);
    assert.equal(typeof res.json.error, 'string');
  });

  it('list: newest first, default limit 20, meta.next / previous links', async () => {
    const first = await call(sandbox, 'GET', accountPath(sandbox, 'Message/'));
    assert.equal(first.status, 200);
    assert.equal(first.json.objects.length, 20);
    assert.equal(first.json.meta.total_count, 25);
    assert.equal(first.json.meta.limit, 20);
    assert.equal(first.json.meta.offset, 0);
    assert.equal(first.json.meta.previous, null);
    assert.equal(first.json.meta.next, `/v1/Account/${sandbox.accounts[0].authId}/Message/?limit=20&offset=20`);
    assert.equal(first.json.objects[0].api_id, undefined);
    // Same request time for all 25: newest first means the last created comes first.
    assert.equal(first.json.objects[0].message_uuid, uuids[24]);
    const second = await call(sandbox, 'GET', first.json.meta.next);
    assert.equal(second.json.objects.length, 5);
    assert.equal(second.json.meta.next, null);
    assert.equal(second.json.meta.previous, `/v1/Account/${sandbox.accounts[0].authId}/Message/?limit=20&offset=0`);
    const all = [...first.json.objects, ...second.json.objects].map((o: { message_uuid: string }) => o.message_uuid);
    assert.deepEqual(all, [...uuids].reverse());
  });

  it('limit 1–20 is enforced; offset pages', async () => {
    assert.equal((await call(sandbox, 'GET', accountPath(sandbox, 'Message/?limit=21'))).status, 400);
    assert.equal((await call(sandbox, 'GET', accountPath(sandbox, 'Message/?limit=0'))).status, 400);
    assert.equal((await call(sandbox, 'GET', accountPath(sandbox, 'Message/?offset=-1'))).status, 400);
    const page = await call(sandbox, 'GET', accountPath(sandbox, 'Message/?limit=5&offset=10'));
    assert.deepEqual(page.json.objects.map((o: { message_uuid: string }) => o.message_uuid), [...uuids].reverse().slice(10, 15));
  });

  it('filters: to_number, message_state, message_type, time bounds; kept in next links', async () => {
    const one = await call(sandbox, 'GET', accountPath(sandbox, 'Message/?to_number=%2B14155553007'));
    assert.equal(one.json.meta.total_count, 1);
    assert.equal(one.json.objects[0].message_uuid, uuids[7]);
    assert.equal((await call(sandbox, 'GET', accountPath(sandbox, 'Message/?message_state=delivered'))).json.meta.total_count, 0);
    assert.equal((await call(sandbox, 'GET', accountPath(sandbox, 'Message/?message_state=queued'))).json.meta.total_count, 25);
    assert.equal((await call(sandbox, 'GET', accountPath(sandbox, 'Message/?message_type=mms'))).json.meta.total_count, 0);
    const past = '2000-01-01 00:00';
    const future = '2999-01-01 00:00:00.000000';
    assert.equal((await call(sandbox, 'GET', accountPath(sandbox, `Message/?message_time__gte=${encodeURIComponent(past)}`))).json.meta.total_count, 25);
    assert.equal((await call(sandbox, 'GET', accountPath(sandbox, `Message/?message_time__gt=${encodeURIComponent(future)}`))).json.meta.total_count, 0);
    assert.equal((await call(sandbox, 'GET', accountPath(sandbox, `Message/?message_time__lt=${encodeURIComponent(future)}`))).json.meta.total_count, 25);
    assert.equal((await call(sandbox, 'GET', accountPath(sandbox, 'Message/?message_time__gt=yesterday'))).status, 400);
    const paged = await call(sandbox, 'GET', accountPath(sandbox, 'Message/?limit=10&message_state=queued'));
    assert.match(paged.json.meta.next, /limit=10&offset=10&message_state=queued$/);
  });

  it('unknown routes → 404 JSON, wrong methods → 405 JSON with Allow', async () => {
    for (const path of [accountPath(sandbox, 'Call/'), '/v2/Whatever/', accountPath(sandbox, 'Message')]) {
      const res = await call(sandbox, 'GET', path);
      assert.equal(res.status, 404, path);
      assert.equal(res.headers['content-type'], 'application/json');
      assert.equal(typeof res.json.error, 'string');
    }
    const del = await call(sandbox, 'DELETE', accountPath(sandbox, 'Message/'));
    assert.equal(del.status, 405);
    assert.equal(del.headers.allow, 'GET, POST');
    assert.equal(typeof del.json.error, 'string');
    const postOne = await call(sandbox, 'POST', accountPath(sandbox, `Message/${uuids[0]}/`), { body: {} });
    assert.equal(postOne.status, 405);
  });
});
