import * as assert from 'node:assert/strict';
import {
  PlivoClient,
  type PlivoClientOptions,
  type PlivoError,
  type PlivoNetworkError,
  type PlivoTimeoutError,
} from '../../../../src/core/client';
import type { MessageRequest } from '../../../../src/core/request';
import { assertNoSecrets, AUTH_ID, AUTH_TOKEN, closedPort, postCount, startTestServer, type TestServer, whenClientHasHeaders } from './testServer';

const REQUEST: MessageRequest = { src: '14155550000', dst: '14155551111', text: 'Hello' };
const SHORT = 150;

describe('PlivoClient — network failures, timeouts and cancellation', () => {
  let server: TestServer;
  let client: PlivoClient;

  function makeClient(options: Partial<PlivoClientOptions> = {}): PlivoClient {
    client = new PlivoClient({ authId: AUTH_ID, authToken: AUTH_TOKEN, baseUrl: server.origin, ...options });
    return client;
  }

  beforeEach(async () => {
    server = await startTestServer();
  });
  afterEach(async () => {
    await server.close(); // drops hanging sockets first, so the client can close promptly
    await client?.close();
  });

  async function failure(promise: Promise<unknown>): Promise<PlivoError> {
    const error = await promise.then(() => assert.fail('expected a failure'), (thrown: PlivoError) => thrown);
    await new Promise((resolve) => setTimeout(resolve, 30)); // a retry would land in this window
    assertNoSecrets(error);
    return error;
  }

  it('connection refused → network error, certainly not sent', async () => {
    const port = await closedPort();
    const refused = new PlivoClient({ authId: AUTH_ID, authToken: AUTH_TOKEN, baseUrl: `http://127.0.0.1:${port}` });
    try {
      const error = (await failure(refused.sendMessage(REQUEST))) as PlivoNetworkError;
      assert.equal(error.kind, 'network');
      assert.equal(error.code, 'ECONNREFUSED');
      assert.equal(error.mayHaveReachedServer, false);
      assert.equal(error.message, `Could not reach 127.0.0.1:${port} (connection refused); nothing was sent. Check the base URL and that the server is running, then try again.`);
    } finally {
      await refused.close();
    }
  });

  it('socket closed before any answer → network error that may have reached the server', async () => {
    server.respond = (req) => req.socket.destroy();
    const error = (await failure(makeClient().sendMessage(REQUEST))) as PlivoNetworkError;
    assert.equal(error.kind, 'network');
    assert.equal(error.mayHaveReachedServer, true);
    assert.match(error.message, /broke .* after the request was sent, so it may have reached Plivo\. The messages may have been queued/);
    assert.equal(postCount(server), 1);
  });

  it('reset in the middle of the body → network error that may have reached the server', async () => {
    server.respond = (_req, res) => {
      res.writeHead(202, { 'content-type': 'application/json', 'content-length': '200' });
      whenClientHasHeaders(server.origin, () => res.socket?.destroy());
      res.write('{"api_id":"x","message_uuid":[');
    };
    const error = (await failure(makeClient().sendMessage(REQUEST))) as PlivoNetworkError;
    assert.equal(error.kind, 'network');
    assert.equal(error.mayHaveReachedServer, true);
    assert.equal(postCount(server), 1);
  });

  it('no answer → headers timeout that may have reached the server', async () => {
    server.respond = () => undefined;
    const error = (await failure(makeClient({ timeouts: { headersMs: SHORT } }).sendMessage(REQUEST))) as PlivoTimeoutError;
    assert.equal(error.kind, 'timeout');
    assert.equal(error.phase, 'headers');
    assert.equal(error.timeoutMs, SHORT);
    assert.equal(error.mayHaveReachedServer, true);
    assert.match(error.message, /^Plivo did not answer within 150 ms, and the request may have reached it\. The messages may have been queued/);
    assert.equal(postCount(server), 1);
  });

  it('body stalls → body timeout that reached the server', async () => {
    server.respond = (_req, res) => {
      res.writeHead(202, { 'content-type': 'application/json' });
      res.write('{"api_id":');
    };
    const error = (await failure(makeClient({ timeouts: { bodyMs: SHORT } }).sendMessage(REQUEST))) as PlivoTimeoutError;
    assert.deepEqual([error.kind, error.phase, error.mayHaveReachedServer], ['timeout', 'body', true]);
    assert.equal(postCount(server), 1);
  });

  it('a GET that times out gets the same classification, with GET advice', async () => {
    server.respond = () => undefined;
    const error = (await failure(makeClient({ timeouts: { headersMs: SHORT } }).getAccount())) as PlivoTimeoutError;
    assert.equal(error.phase, 'headers');
    assert.match(error.message, /Try again\.$/);
    assert.equal(server.requests.length, 1);
  });

  it('abort while waiting → aborted, may have reached the server', async () => {
    const controller = new AbortController();
    // The server has read the whole POST and never answers: the user cancels while waiting.
    server.respond = () => controller.abort();
    const pending = makeClient().sendMessage(REQUEST, { signal: controller.signal });
    const error = await failure(pending);
    assert.equal(error.kind, 'aborted');
    assert.equal(error.mayHaveReachedServer, true);
    assert.equal(postCount(server), 1);
  });

  it('abort while the body arrives → aborted', async () => {
    server.respond = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"api_id":');
    };
    const controller = new AbortController();
    whenClientHasHeaders(server.origin, () => controller.abort());
    const pending = makeClient().getAccount({ signal: controller.signal });
    assert.equal((await failure(pending)).kind, 'aborted');
  });

  it('an already aborted signal → aborted, nothing sent', async () => {
    const error = await failure(makeClient().sendMessage(REQUEST, { signal: AbortSignal.abort() }));
    assert.equal(error.kind, 'aborted');
    assert.equal(error.mayHaveReachedServer, false);
    assert.equal(server.requests.length, 0);
  });

  it('a closed client refuses to send', async () => {
    await makeClient().close();
    const error = await failure(client.sendMessage(REQUEST));
    assert.deepEqual([error.kind, error.mayHaveReachedServer], ['network', false]);
    assert.equal(server.requests.length, 0);
  });

  it('errors serialise to plain data for the UI', async () => {
    server.respond = () => undefined;
    const error = await failure(makeClient({ timeouts: { headersMs: SHORT } }).sendMessage(REQUEST));
    const data = JSON.parse(JSON.stringify(error)) as Record<string, unknown>;
    assert.deepEqual(
      { name: data.name, kind: data.kind, method: data.method, mayHaveReachedServer: data.mayHaveReachedServer, phase: data.phase },
      { name: 'PlivoTimeoutError', kind: 'timeout', method: 'POST', mayHaveReachedServer: true, phase: 'headers' },
    );
    assert.equal(data.message, error.message);
    assert.equal(data.url, `${server.origin}/v1/Account/${AUTH_ID}/Message/`);
  });
});
