// Battery: hostile and broken requests to the sandbox at its default settings. Each gets a
// Plivo-shaped JSON error (`{"api_id": …, "error": "…"}`; a 401 for missing credentials may omit
// api_id, as Plivo's does), and a valid send right after it — on the same keep-alive pool —
// succeeds: nothing a client sends can take the server down or wedge a connection.
import * as assert from 'node:assert/strict';
import { Pool } from 'undici';
import type { SandboxServer } from '../../../src/sandbox';
import { basic, startFast } from '../sandbox/helpers';

interface HostileRequest {
  name: string;
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';
  /** Path below `/v1/Account/{id}/` unless it starts with `/`. */
  path?: string;
  body?: string | Buffer;
  contentType?: string;
  /** Authorization header; the account's own when absent, none when null. */
  auth?: (authId: string) => string | null;
  status: number;
  error: RegExp;
}

const VALID = JSON.stringify({ src: '14155550100', dst: '14155551111', text: 'After the storm' });
const numbers = (count: number) => Array.from({ length: count }, (_, i) => `1415${2_000_000 + i}`).join('<');
const json = (value: unknown) => JSON.stringify(value);

const CASES: HostileRequest[] = [
  { name: 'malformed JSON', body: '{"src": "14155550100", "dst": ', status: 400, error: /^request body is not valid JSON$/ },
  { name: 'JSON that is an array, not an object', body: '[{"dst": "14155551111"}]', status: 400, error: /must be a JSON object/ },
  { name: 'JSON nested 100,000 levels deep', body: '['.repeat(100_000), status: 400, error: /not valid JSON/ },
  { name: 'binary data with NUL bytes as JSON', body: Buffer.from([0x7b, 0, 0xff, 0xfe, 0, 0x22, 0x80, 0x7d]), status: 400, error: /not valid JSON/ },
  { name: 'fields of the wrong type', body: json({ src: '14155550100', dst: ['14155551111'], text: { a: 1 } }), status: 400, error: /^dst is required$/ },
  { name: 'wrong content type: XML', body: '<Message><dst>14155551111</dst></Message>', contentType: 'application/xml', status: 400, error: /^dst is required$/ },
  {
    name: 'wrong content type: multipart form data',
    body: '--b\r\nContent-Disposition: form-data; name="dst"\r\n\r\n14155551111\r\n--b--\r\n',
    contentType: 'multipart/form-data; boundary=b',
    status: 400,
    error: /^dst is required$/,
  },
  { name: 'an empty body', body: '', status: 400, error: /^dst is required$/ },
  { name: 'a 5 MB body (the cap is 1 MB)', body: json({ src: '14155550100', dst: '14155551111', text: 'x'.repeat(5 * 1024 * 1024) }), status: 413, error: /request body exceeds 1048576 bytes/ },
  { name: '1,001 unique destinations', body: json({ src: '14155550100', dst: numbers(1001), text: 'Hi' }), status: 400, error: /too many destination numbers: at most 1000/ },
  { name: '50,000 destinations (under the body cap)', body: json({ src: '14155550100', dst: numbers(50_000), text: 'Hi' }), status: 400, error: /too many destination numbers/ },
  { name: 'destinations that are markup and NUL bytes', body: json({ src: '14155550100', dst: '<script>alert(1)</script>\u0000', text: 'Hi' }), status: 400, error: /^invalid phone numbers\.$/ },
  { name: 'a sender that is markup', body: json({ src: '<img src=x onerror=alert(1)>', dst: '14155551111', text: 'Hi' }), status: 400, error: /is not a valid source number/ },
  { name: 'missing credentials', auth: () => null, body: VALID, status: 401, error: /^authentication credentials were not provided$/ },
  { name: 'a wrong token', auth: (id) => basic(id, 'wrong-token'), body: VALID, status: 401, error: /^incorrect authentication credentials$/ },
  { name: 'an unknown auth ID', auth: () => basic('MAUNKNOWNACCOUNT0000', 'x'), body: VALID, status: 401, error: /^incorrect authentication credentials$/ },
  { name: 'an Authorization header that is not Basic', auth: () => 'Bearer abc.def', body: VALID, status: 401, error: /^authentication credentials were not provided$/ },
  { name: 'a Basic header that is not base64', auth: () => 'Basic !!!%%%', body: VALID, status: 401, error: /^authentication credentials were not provided$/ },
  { name: 'another account’s path', path: '/v1/Account/MAOTHERACCOUNT0000001/Message/', body: VALID, status: 401, error: /incorrect authentication credentials/ },
  { name: 'an unknown route under the account', method: 'GET', path: 'Call/', status: 404, error: /^not found$/ },
  { name: 'an unknown route at the root', method: 'GET', path: '/', status: 404, error: /^not found$/ },
  { name: 'a path with broken percent-encoding', method: 'GET', path: 'Message/%E0%A4%A/', status: 404, error: /^not found$/ },
  { name: 'a method the route does not allow', method: 'DELETE', path: 'Message/', status: 405, error: /^method not allowed$/ },
  { name: 'PUT on the account', method: 'PUT', path: '', body: VALID, status: 405, error: /^method not allowed$/ },
  { name: 'a list query out of range', method: 'GET', path: 'Message/?limit=abc&offset=-1', status: 400, error: /limit should be an integer/ },
];

describe('battery: hostile requests to the sandbox', function () {
  this.timeout(20_000);
  let sandbox: SandboxServer;
  let pool: Pool;
  let authId: string;
  let authorization: string;

  before(async () => {
    sandbox = await startFast({ rateLimitPer5s: 10_000 });
    authId = sandbox.accounts[0].authId;
    authorization = basic(authId, sandbox.accounts[0].authToken);
  });
  beforeEach(() => {
    // One connection, so the valid request after a hostile one rides the same socket when it survives.
    pool = new Pool(sandbox.baseUrl, { connections: 1 });
  });
  afterEach(() => pool.close());
  after(() => sandbox.close());

  async function send(method: string, path: string, body: string | Buffer | undefined, headers: Record<string, string>) {
    const res = await pool.request({ path, method: method as 'GET', headers, body });
    const text = await res.body.text();
    return { status: res.statusCode, contentType: String(res.headers['content-type']), text };
  }

  for (const hostile of CASES) {
    it(`${hostile.name} → ${hostile.status}, and the next request succeeds`, async () => {
      const path = hostile.path?.startsWith('/') ? hostile.path : `/v1/Account/${authId}/${hostile.path ?? 'Message/'}`;
      const auth = hostile.auth ? hostile.auth(authId) : authorization;
      const headers: Record<string, string> = {};
      if (auth !== null) headers.authorization = auth;
      if (hostile.body !== undefined) headers['content-type'] = hostile.contentType ?? 'application/json';
      const started = Date.now();
      const answer = await send(hostile.method ?? 'POST', path, hostile.body, headers);
      assert.ok(Date.now() - started < 5000, `answered after ${Date.now() - started} ms`);

      assert.equal(answer.status, hostile.status, answer.text.slice(0, 200));
      assert.equal(answer.contentType, 'application/json');
      const parsed = JSON.parse(answer.text) as { api_id?: unknown; error?: unknown };
      assert.equal(typeof parsed.error, 'string');
      assert.match(parsed.error as string, hostile.error);
      if (!(hostile.status === 401 && parsed.api_id === undefined)) assert.match(String(parsed.api_id), /^[0-9a-f-]{36}$/);
      assert.deepEqual(Object.keys(parsed).filter((key) => key !== 'api_id'), ['error'], 'nothing but api_id and error');

      const after = await send('POST', `/v1/Account/${authId}/Message/`, VALID, { authorization, 'content-type': 'application/json' });
      assert.equal(after.status, 202, after.text);
    });
  }

  it('keeps serving after all of them at once, interleaved with valid sends', async () => {
    const before = sandbox.messageCount();
    const concurrent = new Pool(sandbox.baseUrl, { connections: 8 });
    try {
      const requests = CASES.flatMap((hostile) => {
        const path = hostile.path?.startsWith('/') ? hostile.path : `/v1/Account/${authId}/${hostile.path ?? 'Message/'}`;
        const auth = hostile.auth ? hostile.auth(authId) : authorization;
        const headers: Record<string, string> = { 'content-type': hostile.contentType ?? 'application/json' };
        if (auth !== null) headers.authorization = auth;
        const hostileRequest = concurrent.request({ path, method: (hostile.method ?? 'POST') as 'GET', headers, body: hostile.body }).then(async (res) => {
          await res.body.dump();
          return res.statusCode;
        });
        const valid = concurrent
          .request({ path: `/v1/Account/${authId}/Message/`, method: 'POST', headers: { authorization, 'content-type': 'application/json' }, body: VALID })
          .then(async (res) => {
            await res.body.dump();
            return res.statusCode;
          });
        return [hostileRequest, valid];
      });
      const statuses = await Promise.all(requests);
      assert.deepEqual(statuses.filter((_, i) => i % 2 === 1), CASES.map(() => 202));
      assert.deepEqual(statuses.filter((_, i) => i % 2 === 0), CASES.map((hostile) => hostile.status));
      assert.equal(sandbox.messageCount() - before, CASES.length);
    } finally {
      await concurrent.close();
    }
  });
});
