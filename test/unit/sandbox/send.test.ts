import * as assert from 'node:assert/strict';
import type { SandboxServer } from '../../../src/sandbox';
import { accountPath, call, send, startFast } from './helpers';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** `count` distinct valid US numbers. */
function usNumbers(count: number, start = 0): string[] {
  return Array.from({ length: count }, (_, i) => `+1415${String(2000000 + start + i).padStart(7, '0')}`);
}

describe('sandbox POST Message', () => {
  let sandbox: SandboxServer;
  before(async () => {
    sandbox = await startFast({ rateLimitPer5s: 10_000 });
  });
  after(() => sandbox.close());

  it('202 with exactly the documented body for a single valid number (JSON)', async () => {
    const res = await send(sandbox, { dst: '+1 (415) 555-1111' });
    assert.equal(res.status, 202);
    assert.deepEqual(Object.keys(res.json), ['api_id', 'message', 'message_uuid']);
    assert.equal(res.json.message, 'message(s) queued');
    assert.match(res.json.api_id, UUID);
    assert.equal(res.json.message_uuid.length, 1);
    assert.match(res.json.message_uuid[0], UUID);
    assert.equal(res.headers['content-type'], 'application/json');
  });

  it('accepts form-encoded bodies too', async () => {
    const res = await call(sandbox, 'POST', accountPath(sandbox, 'Message/'), {
      form: { src: '14155550000', dst: '14155551111<14155552222', text: 'form' },
    });
    assert.equal(res.status, 202);
    assert.equal(res.json.message_uuid.length, 2);
  });

  it('bulk: sanitises, removes duplicates, keeps order and lists invalid entries as given', async () => {
    const res = await send(sandbox, { dst: '14155551111<+1-415-555-2222<jsgf3dsjh28372<1 415 555 1111<12<14155553333' });
    assert.equal(res.status, 202);
    assert.equal(res.json.message_uuid.length, 3);
    assert.deepEqual(res.json.invalid_number, ['jsgf3dsjh28372', '12']);
    assert.deepEqual(Object.keys(res.json), ['api_id', 'message', 'message_uuid', 'invalid_number']);
    const tos = [];
    for (const uuid of res.json.message_uuid) {
      tos.push((await call(sandbox, 'GET', accountPath(sandbox, `Message/${uuid}/`))).json.to_number);
    }
    assert.deepEqual(tos, ['14155551111', '14155552222', '14155553333']);
  });

  it('requires the country code: a national-format number is invalid', async () => {
    const res = await send(sandbox, { dst: '4155551111' });
    assert.equal(res.status, 400);
    assert.equal(res.json.error, "'4155551111' is not a valid phone number.");
  });

  it('single invalid dst → 400 quoting the sanitised number', async () => {
    const res = await send(sandbox, { dst: '+1 (111) 111-1' });
    assert.equal(res.status, 400);
    assert.deepEqual(Object.keys(res.json), ['api_id', 'error']);
    assert.equal(res.json.error, "'11111111' is not a valid phone number.");
  });

  it('rejects numbers over 14 digits', async () => {
    const res = await send(sandbox, { dst: '441234567890123' });
    assert.equal(res.json.error, "'441234567890123' is not a valid phone number.");
  });

  it('every bulk destination invalid → 400 invalid phone numbers.', async () => {
    const res = await send(sandbox, { dst: '12<abc<999' });
    assert.equal(res.status, 400);
    assert.equal(res.json.error, 'invalid phone numbers.');
  });

  it('1,000 unique destinations pass; 1,001 → 400 (duplicates do not count)', async () => {
    const thousand = usNumbers(1000);
    const ok = await send(sandbox, { dst: [...thousand, ...thousand.slice(0, 50)].join('<') });
    assert.equal(ok.status, 202);
    assert.equal(ok.json.message_uuid.length, 1000);
    assert.equal(new Set(ok.json.message_uuid).size, 1000);
    const tooMany = await send(sandbox, { dst: usNumbers(1001).join('<') });
    assert.equal(tooMany.status, 400);
    assert.match(tooMany.json.error, /at most 1000/);
  });

  describe('sender rules', () => {
    const cases: Array<[string, Record<string, unknown>, number, RegExp?]> = [
      ['a phone-number src with punctuation', { src: '+1 (415) 555-0000' }, 202],
      ['a short code', { src: '12345' }, 202],
      ['an alphanumeric sender of 11 characters', { src: 'MyCompany11' }, 202],
      ['an alphanumeric sender of 12 characters', { src: 'MyCompany123' }, 400, /not a valid source/],
      ['a src of 15 digits', { src: '123456789012345' }, 400, /not a valid source/],
      ['neither src nor powerpack_uuid', { src: undefined }, 400, /either src or powerpack_uuid/],
      ['both src and powerpack_uuid', { powerpack_uuid: '9b9c7a5e-2b1a-4c5d-8e9f-0a1b2c3d4e5f' }, 400, /both src and powerpack_uuid/],
      ['a powerpack_uuid alone', { src: undefined, powerpack_uuid: '9b9c7a5e-2b1a-4c5d-8e9f-0a1b2c3d4e5f' }, 202],
      ['a malformed powerpack_uuid', { src: undefined, powerpack_uuid: 'pool-1' }, 400, /powerpack_uuid/],
    ];
    for (const [name, params, status, error] of cases) {
      it(`${name} → ${status}`, async () => {
        const res = await send(sandbox, { dst: '14155551111', ...params });
        assert.equal(res.status, status, res.text);
        if (error) assert.match(res.json.error, error);
      });
    }

    it('a powerpack message records its powerpack id', async () => {
      const res = await send(sandbox, { dst: '14155551111', src: undefined, powerpack_uuid: '9b9c7a5e-2b1a-4c5d-8e9f-0a1b2c3d4e5f' });
      const message = await call(sandbox, 'GET', accountPath(sandbox, `Message/${res.json.message_uuid[0]}/`));
      assert.equal(message.json.powerpack_id, '9b9c7a5e-2b1a-4c5d-8e9f-0a1b2c3d4e5f');
    });
  });

  describe('text rules and units', () => {
    async function unitsFor(text: string): Promise<number> {
      const res = await send(sandbox, { dst: '14155551111', text });
      assert.equal(res.status, 202, res.text);
      return (await call(sandbox, 'GET', accountPath(sandbox, `Message/${res.json.message_uuid[0]}/`))).json.units;
    }

    it('units follow the segments: 160/153 GSM-7, 70/67 UCS-2', async () => {
      assert.equal(await unitsFor('a'.repeat(160)), 1);
      assert.equal(await unitsFor('a'.repeat(161)), 2);
      assert.equal(await unitsFor('a'.repeat(306)), 2);
      assert.equal(await unitsFor('a'.repeat(307)), 3);
      assert.equal(await unitsFor('é'.repeat(160)), 1); // é is in the GSM-7 alphabet
      assert.equal(await unitsFor('ą'.repeat(70)), 1);
      assert.equal(await unitsFor('ą'.repeat(71)), 2);
    });

    it('amounts are 5-decimal strings proportional to units', async () => {
      const res = await send(sandbox, { dst: '14155551111', text: 'a'.repeat(161) });
      const message = (await call(sandbox, 'GET', accountPath(sandbox, `Message/${res.json.message_uuid[0]}/`))).json;
      assert.match(message.total_rate, /^\d+\.\d{5}$/);
      assert.equal(Number(message.total_amount), Number(message.total_rate) * 2);
    });

    it('missing text → 400; 1,600 GSM-7 characters pass, 1,601 fail', async () => {
      assert.equal((await send(sandbox, { dst: '14155551111', text: undefined })).status, 400);
      assert.equal((await send(sandbox, { dst: '14155551111', text: '' })).status, 400);
      assert.equal((await send(sandbox, { dst: '14155551111', text: 'a'.repeat(1600) })).status, 202);
      const long = await send(sandbox, { dst: '14155551111', text: 'a'.repeat(1601) });
      assert.equal(long.status, 400);
      assert.equal(long.json.error, 'text parameter length exceeds 1600 characters');
    });

    it('UCS-2 text over 737 → the documented error', async () => {
      assert.equal((await send(sandbox, { dst: '14155551111', text: 'ą'.repeat(737) })).status, 202);
      const long = await send(sandbox, { dst: '14155551111', text: 'ą'.repeat(738) });
      assert.equal(long.status, 400);
      assert.equal(long.json.error, 'text parameter length exceeds 737 unicode characters');
    });

    it('type whatsapp is refused, unknown types too; mms needs media or text', async () => {
      assert.match((await send(sandbox, { dst: '14155551111', type: 'whatsapp' })).json.error, /not supported/);
      assert.equal((await send(sandbox, { dst: '14155551111', type: 'fax' })).status, 400);
      assert.equal((await send(sandbox, { dst: '14155551111', type: 'mms', text: '' })).status, 400);
      const mms = await send(sandbox, { dst: '14155551111', type: 'mms', media_urls: ['https://127.0.0.1:9/a.png'] });
      assert.equal(mms.status, 202);
    });
  });

  describe('callback url and method', () => {
    const cases: Array<[Record<string, unknown>, number]> = [
      [{ url: 'https://127.0.0.1:9/status' }, 202],
      [{ url: 'http://127.0.0.1:9/cb?x=1', method: 'GET' }, 202],
      [{ url: 'http://127.0.0.1:9/cb', method: 'post' }, 202],
      [{ url: 'ftp://127.0.0.1/x' }, 400],
      [{ url: 'not a url' }, 400],
      [{ url: 'https://127.0.0.1:9/status', method: 'PUT' }, 400],
    ];
    for (const [params, status] of cases) {
      it(`${JSON.stringify(params)} → ${status}`, async () => {
        assert.equal((await send(sandbox, { dst: '14155551111', ...params })).status, status);
      });
    }
  });

  it('message_expiry must be 5–10,799 seconds', async () => {
    assert.equal((await send(sandbox, { dst: '14155551111', message_expiry: 5 })).status, 202);
    assert.equal((await send(sandbox, { dst: '14155551111', message_expiry: 10_799 })).status, 202);
    assert.equal((await send(sandbox, { dst: '14155551111', message_expiry: 4 })).status, 400);
    assert.equal((await send(sandbox, { dst: '14155551111', message_expiry: 10_800 })).status, 400);
  });

  it('missing dst and malformed JSON → 400 in Plivo’s error shape', async () => {
    const missing = await send(sandbox, { dst: undefined });
    assert.equal(missing.status, 400);
    assert.match(missing.json.error, /dst/);
    const broken = await call(sandbox, 'POST', accountPath(sandbox, 'Message/'), { rawBody: '{"dst": ', headers: { 'content-type': 'application/json' } });
    assert.equal(broken.status, 400);
    assert.deepEqual(Object.keys(broken.json), ['api_id', 'error']);
  });

  it('accepts a GET with Content-Type application/json and a "" body, as the node SDK sends', async () => {
    const res = await call(sandbox, 'GET', accountPath(sandbox, 'Message/?limit=1'), { rawBody: '""', headers: { 'content-type': 'application/json' } });
    assert.equal(res.status, 200);
    assert.equal(res.json.meta.limit, 1);
  });
});
