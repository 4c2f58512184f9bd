import * as assert from 'node:assert/strict';
import {
  PlivoApiError,
  PlivoClient,
  PlivoMalformedResponseError,
  PlivoNetworkError,
  PlivoRateLimitError,
  PlivoTimeoutError,
} from '../../../src/core/client';
import type { SandboxServer } from '../../../src/sandbox';
import { startFast } from './helpers';

// The workbench's own client against the sandbox: the pairing the extension ships with.
describe('sandbox with the project’s Plivo client', () => {
  let sandbox: SandboxServer;
  let client: PlivoClient;
  before(async () => {
    sandbox = await startFast();
    const { authId, authToken } = sandbox.accounts[0];
    client = new PlivoClient({ authId, authToken, baseUrl: sandbox.baseUrl, timeouts: { headersMs: 500 } });
  });
  beforeEach(() => sandbox.reset());
  after(async () => {
    await client.close();
    await sandbox.close();
  });

  it('sends in bulk, reads the message back, lists and checks the account', async () => {
    const sent = await client.sendMessage({ src: '14155550000', dst: '14155551111<bogus<14155552222<14155551111', text: 'hi' });
    assert.equal(sent.status, 202);
    assert.equal(sent.body.message_uuid.length, 2);
    assert.deepEqual(sent.body.invalid_number, ['bogus']);
    const message = await client.getMessage(sent.body.message_uuid[1]);
    assert.equal(message.body.to_number, '14155552222');
    const page = await client.listMessages({ limit: 1 });
    assert.equal(page.body.meta.total_count, 2);
    assert.equal(page.body.objects[0].message_uuid, sent.body.message_uuid[1]);
    assert.match(String(page.body.meta.next), /offset=1/);
    const account = await client.getAccount();
    assert.equal(account.body.auth_id, sandbox.accounts[0].authId);
  });

  it('400 and 401 become API errors with Plivo’s text', async () => {
    await assert.rejects(client.sendMessage({ src: '14155550000', dst: '12', text: 'hi' }), (err: unknown) => {
      assert.ok(err instanceof PlivoApiError);
      assert.equal(err.status, 400);
      assert.equal(err.serverMessage, "'12' is not a valid phone number.");
      return true;
    });
    const wrong = new PlivoClient({ authId: sandbox.accounts[0].authId, authToken: 'wrong', baseUrl: sandbox.baseUrl });
    try {
      await assert.rejects(wrong.getAccount(), (err: unknown) => err instanceof PlivoApiError && err.status === 401);
    } finally {
      await wrong.close();
    }
  });

  it('faults reach the client as the error kinds it must handle', async () => {
    sandbox.injectFault({ kind: 'rate-limit', retryAfterSeconds: 3 });
    await assert.rejects(client.getAccount(), (err: unknown) => err instanceof PlivoRateLimitError && err.retryAfterSeconds === 3);
    sandbox.injectFault({ kind: 'unavailable-html' });
    await assert.rejects(client.getAccount(), (err: unknown) => err instanceof PlivoMalformedResponseError && err.status === 503 && /503/.test(err.snippet));
    sandbox.injectFault({ kind: 'truncated-json' });
    await assert.rejects(client.sendMessage({ src: '14155550000', dst: '14155551111', text: 'hi' }), (err: unknown) => {
      assert.ok(err instanceof PlivoMalformedResponseError);
      assert.equal(err.mayHaveReachedServer, true);
      return true;
    });
    // The truncated response still queued the message — exactly why such a POST must not be retried.
    assert.equal(sandbox.messageCount(), 1);
  });

  it('a reset or unanswered POST is reported as possibly sent, and the client sends it only once', async () => {
    sandbox.injectFault({ kind: 'connection-reset', method: 'POST' });
    await assert.rejects(client.sendMessage({ src: '14155550000', dst: '14155551111', text: 'hi' }), (err: unknown) => {
      assert.ok(err instanceof PlivoNetworkError);
      assert.equal(err.mayHaveReachedServer, true);
      return true;
    });
    sandbox.injectFault({ kind: 'no-response', method: 'POST' });
    await assert.rejects(client.sendMessage({ src: '14155550000', dst: '14155551111', text: 'hi' }), (err: unknown) => {
      assert.ok(err instanceof PlivoTimeoutError);
      assert.equal(err.mayHaveReachedServer, true);
      return true;
    });
    assert.equal(sandbox.requestLog().counts['POST /v1/Account/{auth_id}/Message/'], 2);
  });
});
