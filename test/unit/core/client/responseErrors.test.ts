import * as assert from 'node:assert/strict';
import {
  type PlivoApiError,
  PlivoClient,
  type PlivoError,
  type PlivoMalformedResponseError,
  type PlivoRateLimitError,
  SNIPPET_MAX_CHARS,
} from '../../../../src/core/client';
import type { MessageRequest } from '../../../../src/core/request';
import { assertNoSecrets, AUTH_ID, AUTH_TOKEN, BASIC_CREDENTIALS, postCount, sendJson, startTestServer, type TestServer } from './testServer';

const REQUEST: MessageRequest = { src: '14155550000', dst: '14155551111<1111111', text: 'Hello' };

describe('PlivoClient — error responses', () => {
  let server: TestServer;
  let client: PlivoClient;

  beforeEach(async () => {
    server = await startTestServer();
    client = new PlivoClient({ authId: AUTH_ID, authToken: AUTH_TOKEN, baseUrl: server.origin });
  });
  afterEach(async () => {
    await server.close();
    await client.close();
  });

  /** Sends once, expects a client error, and checks the invariants every failed send must keep. */
  async function failedSend(): Promise<PlivoError> {
    const error = await client.sendMessage(REQUEST).then(
      () => assert.fail('expected the send to fail'),
      (thrown: PlivoError) => thrown,
    );
    await new Promise((resolve) => setTimeout(resolve, 30)); // a retry would land in this window
    assert.equal(postCount(server), 1, 'the POST must be sent exactly once');
    assertNoSecrets(error);
    return error;
  }

  async function failedGet(call: () => Promise<unknown>): Promise<PlivoError> {
    const error = await call().then(() => assert.fail('expected the call to fail'), (thrown: PlivoError) => thrown);
    assertNoSecrets(error);
    return error;
  }

  describe('Plivo error bodies', () => {
    it('400 → api error with status, api_id and Plivo’s words, and what to do', async () => {
      server.respond = (_req, res) => sendJson(res, 400, { api_id: 'api-400', error: "'1111111' is not a valid phone number." });
      const error = (await failedSend()) as PlivoApiError;
      assert.equal(error.kind, 'api');
      assert.equal(error.status, 400);
      assert.equal(error.apiId, 'api-400');
      assert.equal(error.serverMessage, "'1111111' is not a valid phone number.");
      assert.equal(error.message, "Plivo rejected the request (HTTP 400): '1111111' is not a valid phone number. Fix the request and send again.");
      assert.equal(error.mayHaveReachedServer, true);
      assert.equal(error.method, 'POST');
    });

    it('401 without api_id → tells the user to check the auth ID and token', async () => {
      server.respond = (_req, res) => sendJson(res, 401, { error: 'authentication credentials were not provided' });
      const error = (await failedSend()) as PlivoApiError;
      assert.equal(error.kind, 'api');
      assert.equal(error.status, 401);
      assert.equal(error.apiId, undefined);
      assert.match(error.message, /refused the credentials \(HTTP 401\): authentication credentials were not provided\. Check the auth ID and token\./);
    });

    it('404 on a message → names the path and what to check', async () => {
      server.respond = (_req, res) => sendJson(res, 404, { api_id: 'api-404', error: 'not found' });
      const error = (await failedGet(() => client.getMessage('no-such-uuid'))) as PlivoApiError;
      assert.equal(error.kind, 'api');
      assert.equal(error.status, 404);
      assert.match(error.message, new RegExp(`GET /v1/Account/${AUTH_ID}/Message/no-such-uuid/ \\(HTTP 404\\): not found\\. Check the base URL`));
    });

    it('405 → points at the base URL', async () => {
      server.respond = (_req, res) => sendJson(res, 405, { api_id: 'api-405', error: 'Method Not Allowed' });
      const error = (await failedSend()) as PlivoApiError;
      assert.deepEqual([error.kind, error.status], ['api', 405]);
      assert.match(error.message, /Check that the base URL points at the Plivo API/);
    });

    it('500 on a send → warns that messages may have been queued', async () => {
      server.respond = (_req, res) => sendJson(res, 500, { api_id: 'api-500', error: 'internal error' });
      const error = (await failedSend()) as PlivoApiError;
      assert.deepEqual([error.kind, error.status], ['api', 500]);
      assert.match(error.message, /may have been queued: check the message list before sending again/);
    });

    it('redacts a token the server echoes back in its error', async () => {
      server.respond = (_req, res) => sendJson(res, 400, { api_id: 'a', error: `bad credentials ${AUTH_TOKEN}` });
      const error = (await failedSend()) as PlivoApiError;
      assert.equal(error.serverMessage, 'bad credentials [redacted]');
    });
  });

  describe('429 rate limiting', () => {
    it('carries Retry-After given in seconds', async () => {
      server.respond = (_req, res) => sendJson(res, 429, { api_id: 'api-429', error: 'too many requests' }, { 'retry-after': '30' });
      const error = (await failedSend()) as PlivoRateLimitError;
      assert.equal(error.kind, 'rate-limited');
      assert.equal(error.status, 429);
      assert.equal(error.retryAfterSeconds, 30);
      assert.equal(error.apiId, 'api-429');
      assert.equal(error.message, 'Plivo is rate-limiting this account (HTTP 429: too many requests). Wait 30 s before trying again.');
    });

    it('carries Retry-After given as an HTTP date', async () => {
      const at = new Date(Date.now() + 120_000).toUTCString();
      server.respond = (_req, res) => sendJson(res, 429, { error: 'too many requests' }, { 'retry-after': at });
      const error = (await failedSend()) as PlivoRateLimitError;
      assert.ok(error.retryAfterSeconds !== undefined && error.retryAfterSeconds >= 118 && error.retryAfterSeconds <= 120, String(error.retryAfterSeconds));
    });

    it('still reports rate limiting when the body is plain text and no Retry-After is given', async () => {
      server.respond = (_req, res) => res.writeHead(429, { 'content-type': 'text/plain' }).end('Too Many Requests');
      const error = (await failedSend()) as PlivoRateLimitError;
      assert.equal(error.kind, 'rate-limited');
      assert.equal(error.retryAfterSeconds, undefined);
      assert.match(error.message, /\(HTTP 429: Too Many Requests\)\. Wait a few seconds/);
    });
  });

  describe('malformed bodies', () => {
    it('503 with an HTML page → quotes a short redacted snippet', async () => {
      const html = `<html><head><title>503 Service Unavailable</title></head><body>Authorization: Basic ${BASIC_CREDENTIALS} token=${AUTH_TOKEN} ${'padding '.repeat(100)}</body></html>`;
      server.respond = (_req, res) => res.writeHead(503, { 'content-type': 'text/html' }).end(html);
      const error = (await failedSend()) as PlivoMalformedResponseError;
      assert.equal(error.kind, 'malformed-response');
      assert.equal(error.status, 503);
      assert.ok(error.snippet.length <= SNIPPET_MAX_CHARS, `snippet is ${error.snippet.length} chars`);
      assert.match(error.snippet, /^<html><head><title>503 Service Unavailable<\/title>.*Authorization: \[redacted\].* token=\[redacted\] padding/);
      assert.ok(error.message.includes(error.snippet));
      assert.match(error.message, /HTTP 503 to POST .*is not Plivo error JSON/);
    });

    it('truncated JSON on 202 → malformed, and warns the messages may be queued', async () => {
      server.respond = (_req, res) => res.writeHead(202, { 'content-type': 'application/json' }).end('{"api_id":"x","message_uuid":["0f5d6a2e');
      const error = (await failedSend()) as PlivoMalformedResponseError;
      assert.deepEqual([error.kind, error.status, error.problem], ['malformed-response', 202, 'is not JSON']);
      assert.match(error.message, /"\{"api_id":"x","message_uuid":\["0f5d6a2e"\. The messages may have been queued/);
      assert.equal(error.mayHaveReachedServer, true);
    });

    it('200 without a message_uuid list → malformed', async () => {
      server.respond = (_req, res) => sendJson(res, 200, { api_id: 'x', message: 'message(s) queued', message_uuid: 'not-a-list' });
      const error = (await failedSend()) as PlivoMalformedResponseError;
      assert.deepEqual([error.kind, error.status, error.problem], ['malformed-response', 200, 'has no message_uuid list']);
    });

    it('202 with an empty body → malformed', async () => {
      server.respond = (_req, res) => res.writeHead(202).end();
      const error = (await failedSend()) as PlivoMalformedResponseError;
      assert.equal(error.problem, 'is empty');
      assert.match(error.message, /but the body is empty\. The messages may have been queued/);
    });

    it('a message or page of the wrong shape → malformed', async () => {
      server.respond = (_req, res) => sendJson(res, 200, { api_id: 'x', message_state: 'sent' });
      assert.equal(((await failedGet(() => client.getMessage('u1'))) as PlivoMalformedResponseError).problem, 'has no message_uuid');
      server.respond = (_req, res) => sendJson(res, 200, { api_id: 'x', meta: { limit: 20, offset: 0, total_count: 1, next: null, previous: null }, objects: [{}] });
      const error = (await failedGet(() => client.listMessages())) as PlivoMalformedResponseError;
      assert.equal(error.problem, 'has objects[0] that has no message_uuid');
    });

    it('an error status with a JSON body that is not Plivo’s → malformed, not an api error', async () => {
      server.respond = (_req, res) => sendJson(res, 502, { detail: 'bad gateway' });
      const error = (await failedSend()) as PlivoMalformedResponseError;
      assert.deepEqual([error.kind, error.status], ['malformed-response', 502]);
    });
  });
});
