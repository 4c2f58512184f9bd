import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Commands } from '../../src/constants';
import type { BulkMessagingApi } from '../../src/extension';
import { sandboxProfile } from '../../src/profiles/profile';
import { EXTENSION_ID } from './extensionId';
import { PlivoClient } from '../../src/core/client';
import { startSandbox, type SandboxServer } from '../../src/sandbox';

// The sandbox and the client run here inside the real extension host (its Node runtime, undici and
// loopback networking), which is where the Local sandbox profile runs them for the user.
describe('sandbox in the extension host', () => {
  let sandbox: SandboxServer | undefined;
  let client: PlivoClient | undefined;

  before(async () => {
    sandbox = await startSandbox({ timings: { sentAfterMs: 0, deliveredAfterMs: 100 } });
    const { authId, authToken } = sandbox.accounts[0];
    client = new PlivoClient({ authId, authToken, baseUrl: sandbox.baseUrl });
  });

  after(async () => {
    await client?.close();
    await sandbox?.close();
  });

  it('answers a bulk send with 202, one message_uuid per valid number and the invalid entry listed', async () => {
    assert.ok(client);
    const response = await client.sendMessage({
      src: '+12015550100',
      dst: '+12015550101<+61491570156<not-a-number',
      text: 'Hello from the integration tests',
    });
    assert.equal(response.status, 202);
    assert.equal(response.body.message_uuid.length, 2);
    assert.deepEqual(response.body.invalid_number, ['not-a-number']);
  });

  it('knows a sent message by its UUID', async () => {
    assert.ok(client);
    const sent = await client.sendMessage({ src: '+12015550100', dst: '+12015550102', text: 'Look me up' });
    const [uuid] = sent.body.message_uuid;
    const record = await client.getMessage(uuid);
    assert.equal(record.body.message_uuid, uuid);
    assert.equal(record.body.to_number, '12015550102');
  });
});

describe('Local sandbox started by the extension', () => {
  it('Test Connection with the built-in profile starts the sandbox and succeeds', async () => {
    const ok = await vscode.commands.executeCommand<boolean>(Commands.testConnection, sandboxProfile);
    assert.equal(ok, true);
  });

  it('the running sandbox answers a send made with its own credentials', async () => {
    const extension = vscode.extensions.getExtension<BulkMessagingApi>(EXTENSION_ID);
    assert.ok(extension);
    const api = await extension.activate();
    const endpoint = await api.localSandbox();
    assert.match(endpoint.baseUrl, /^http:\/\/127\.0\.0\.1:\d+$/);
    const client = new PlivoClient(endpoint);
    try {
      const response = await client.sendMessage({ src: '+12015550100', dst: '+12015550103<+12015550104', text: 'From the extension host' });
      assert.equal(response.status, 202);
      assert.equal(response.body.message_uuid.length, 2);
    } finally {
      await client.close();
    }
  });
});
