import * as assert from 'node:assert/strict';
import { inspect } from 'node:util';
import { PlivoClient } from '../../../../src/core/client';
import { AUTH_ID, AUTH_TOKEN, BASIC_CREDENTIALS, sendJson, startTestServer, type TestServer } from './testServer';

const UUIDS = ['0f5d6a2e-4b1c-11ef-9c7a-0242ac120002', '0f5d6a2e-4b1c-11ef-9c7a-0242ac120003'];
const RECORD = {
  api_id: 'api-1',
  error_code: null,
  from_number: '14155550000',
  to_number: '14155551111',
  message_direction: 'outbound',
  message_state: 'delivered',
  message_time: '2025-01-02 03:04:05+00:00',
  message_type: 'sms',
  message_uuid: UUIDS[0],
  total_amount: '0.00500',
  total_rate: '0.00250',
  units: 2,
};

describe('PlivoClient — successful calls', () => {
  let server: TestServer;
  let client: PlivoClient;

  before(async () => {
    server = await startTestServer();
  });
  beforeEach(() => {
    server.requests.length = 0;
    client = new PlivoClient({ authId: AUTH_ID, authToken: AUTH_TOKEN, baseUrl: server.origin });
  });
  afterEach(async () => client.close());
  after(async () => server.close());

  it('sendMessage POSTs the JSON body with Basic auth and returns UUIDs and invalid numbers', async () => {
    server.respond = (_req, res) =>
      sendJson(res, 202, { api_id: 'api-9', message: 'message(s) queued', message_uuid: UUIDS, invalid_number: ['12ab'] });
    const result = await client.sendMessage({ src: '14155550000', dst: '14155551111<14155552222<12ab', text: 'Hi', url: undefined });

    assert.equal(result.status, 202);
    assert.deepEqual(result.body, { api_id: 'api-9', message: 'message(s) queued', message_uuid: UUIDS, invalid_number: ['12ab'] });
    assert.ok(result.elapsedMs > 0);
    assert.equal(server.requests.length, 1);
    const [seen] = server.requests;
    assert.equal(seen.method, 'POST');
    assert.equal(seen.url, `/v1/Account/${AUTH_ID}/Message/`);
    assert.equal(seen.headers.authorization, `Basic ${BASIC_CREDENTIALS}`);
    assert.equal(seen.headers['content-type'], 'application/json');
    assert.equal(seen.headers['user-agent'], 'bulk-messaging-workbench');
    assert.deepEqual(JSON.parse(seen.body), { src: '14155550000', dst: '14155551111<14155552222<12ab', text: 'Hi' });
  });

  it('sendMessage leaves invalid_number out when Plivo does', async () => {
    server.respond = (_req, res) => sendJson(res, 202, { api_id: 'a', message: 'message(s) queued', message_uuid: [UUIDS[0]] });
    const { body } = await client.sendMessage({ src: '14155550000', dst: '14155551111', text: 'Hi' });
    assert.deepEqual(body.message_uuid, [UUIDS[0]]);
    assert.equal('invalid_number' in body, false);
  });

  it('getMessage GETs the message by UUID and keeps every field', async () => {
    server.respond = (_req, res) => sendJson(res, 200, RECORD);
    const result = await client.getMessage(UUIDS[0]);
    assert.equal(server.requests[0].method, 'GET');
    assert.equal(server.requests[0].url, `/v1/Account/${AUTH_ID}/Message/${UUIDS[0]}/`);
    assert.deepEqual(result.body, RECORD);
    await assert.rejects(client.getMessage(' '), /message UUID is required/);
    assert.equal(server.requests.length, 1);
  });

  it('listMessages sends limit, offset and filters and returns the page', async () => {
    const page = {
      api_id: 'api-2',
      meta: { limit: 2, offset: 4, total_count: 9, next: `/v1/Account/${AUTH_ID}/Message/?limit=2&offset=6`, previous: null },
      objects: [RECORD, { ...RECORD, message_uuid: UUIDS[1], message_state: 'queued' }],
    };
    server.respond = (_req, res) => sendJson(res, 200, page);
    const result = await client.listMessages({
      limit: 2,
      offset: 4,
      filters: { message_state: 'delivered', message_time__gte: '2025-01-01 00:00', to_number: undefined },
    });
    const url = new URL(server.requests[0].url, server.origin);
    assert.equal(url.pathname, `/v1/Account/${AUTH_ID}/Message/`);
    assert.deepEqual(Object.fromEntries(url.searchParams), {
      limit: '2',
      offset: '4',
      message_state: 'delivered',
      message_time__gte: '2025-01-01 00:00',
    });
    assert.deepEqual(result.body, page);
  });

  it('listMessages refuses a limit Plivo would reject, without a request', async () => {
    await assert.rejects(client.listMessages({ limit: 21 }), /limit must be a whole number from 1 to 20/);
    await assert.rejects(client.listMessages({ offset: -1 }), /offset/);
    assert.equal(server.requests.length, 0);
  });

  it('getAccount GETs the account resource', async () => {
    server.respond = (_req, res) => sendJson(res, 200, { api_id: 'a', auth_id: AUTH_ID, cash_credits: '12.50000', name: 'Acme' });
    const result = await client.getAccount();
    assert.equal(server.requests[0].url, `/v1/Account/${AUTH_ID}/`);
    assert.equal(result.body.cash_credits, '12.50000');
  });

  it('reuses keep-alive connections instead of opening one per request', async () => {
    server.respond = (_req, res) => sendJson(res, 200, { api_id: 'a' });
    await client.getAccount();
    await new Promise(setImmediate); // let undici return the socket to the pool
    await client.getAccount();
    assert.equal(server.requests[0].remotePort, server.requests[1].remotePort);
    // Back-to-back calls may overlap the pool's bookkeeping and open a second socket, never more.
    for (let i = 0; i < 5; i++) await client.getAccount();
    assert.ok(new Set(server.requests.map((seen) => seen.remotePort)).size <= 2);
  });

  it('puts a base URL path prefix in front of every path', async () => {
    const prefixed = new PlivoClient({ authId: AUTH_ID, authToken: AUTH_TOKEN, baseUrl: `${server.origin}/plivo/api/`, userAgent: 'test-agent/1' });
    server.respond = (_req, res) => sendJson(res, 200, { api_id: 'a' });
    try {
      await prefixed.getAccount();
      assert.equal(server.requests[0].url, `/plivo/api/v1/Account/${AUTH_ID}/`);
      assert.equal(server.requests[0].headers['user-agent'], 'test-agent/1');
    } finally {
      await prefixed.close();
    }
  });

  it('logs one line per request without the token or credentials', async () => {
    const lines: string[] = [];
    const logged = new PlivoClient({ authId: AUTH_ID, authToken: AUTH_TOKEN, baseUrl: server.origin, log: (line) => lines.push(line) });
    try {
      server.respond = (_req, res) => sendJson(res, 200, { api_id: 'a' });
      await logged.getAccount();
      server.respond = (_req, res) => sendJson(res, 401, { error: 'authentication credentials were not provided' });
      await assert.rejects(logged.getAccount());
    } finally {
      await logged.close();
    }
    assert.equal(lines.length, 2);
    assert.match(lines[0], new RegExp(`^GET ${server.origin}/v1/Account/${AUTH_ID}/ → 200 in \\d+ ms$`));
    assert.match(lines[1], /→ api 401 after \d+ ms$/);
    for (const line of lines) assert.equal(line.includes(AUTH_TOKEN) || line.includes(BASIC_CREDENTIALS), false);
  });

  it('keeps the token out of the client object itself', () => {
    assert.equal(inspect(client, { depth: 5, showHidden: true }).includes(AUTH_TOKEN), false);
    assert.equal(JSON.stringify(client).includes(AUTH_TOKEN), false);
  });
});

describe('PlivoClient — options', () => {
  it('refuses base URLs that would carry credentials or are not http(s), without echoing them', () => {
    const withCredentials = `https://${AUTH_ID}:${AUTH_TOKEN}@api.plivo.com`;
    assert.throws(() => new PlivoClient({ authId: AUTH_ID, authToken: AUTH_TOKEN, baseUrl: withCredentials }), (error: Error) => {
      assert.match(error.message, /must not contain credentials/);
      assert.equal(error.message.includes(AUTH_TOKEN), false);
      return true;
    });
    assert.throws(() => new PlivoClient({ authId: AUTH_ID, authToken: AUTH_TOKEN, baseUrl: 'ftp://x' }), /http:\/\/ or https:\/\//);
    assert.throws(() => new PlivoClient({ authId: AUTH_ID, authToken: AUTH_TOKEN, baseUrl: 'not a url' }), /not a valid URL/);
    assert.throws(() => new PlivoClient({ authId: '', authToken: AUTH_TOKEN }), /authId is required/);
    assert.throws(() => new PlivoClient({ authId: AUTH_ID, authToken: '' }), /authToken is required/);
  });

  it('defaults to https://api.plivo.com', async () => {
    const client = new PlivoClient({ authId: AUTH_ID, authToken: AUTH_TOKEN });
    assert.equal(client.baseUrl, 'https://api.plivo.com');
    await client.close();
  });
});
