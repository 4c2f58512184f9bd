// VS Code's `http.proxy` in the real extension host: set in the user settings, it is used by the
// extension's own requests (Test Connection on the Local sandbox, through the bundle's wiring) and
// by a send through the send engine; `http.noProxy` sends around it; a wrong proxy password gives
// the 407 message. The proxy is a loopback test proxy whose log proves which way each request went.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { PlivoClient } from '../../src/core/client';
import { runSend } from '../../src/core/sends/sendEngine';
import { createJournal } from '../../src/core/sends/journal';
import { Commands } from '../../src/constants';
import { registerNetwork } from '../../src/network/registerNetwork';
import { sandboxProfile } from '../../src/profiles/profile';
import { startSandbox, type SandboxServer } from '../../src/sandbox';
import { startTestProxy, type TestProxy } from '../helpers/testProxy';

type Shown = { kind: 'info' | 'error'; text: string };

describe('http.proxy in the extension host', function () {
  this.timeout(30_000);
  const http = () => vscode.workspace.getConfiguration('http');
  let proxy: TestProxy;
  let sandbox: SandboxServer;
  const shown: Shown[] = [];
  const originals = { info: vscode.window.showInformationMessage, error: vscode.window.showErrorMessage };

  before(async () => {
    proxy = await startTestProxy({ auth: { user: 'alice', password: 'pr0xy-pw' } });
    sandbox = await startSandbox({ timings: { sentAfterMs: 0, deliveredAfterMs: 0, slowDeliveredAfterMs: 0 } });
    const window = vscode.window as { -readonly [K in keyof typeof vscode.window]: (typeof vscode.window)[K] };
    window.showInformationMessage = (async (text: string) => void shown.push({ kind: 'info', text })) as typeof vscode.window.showInformationMessage;
    window.showErrorMessage = (async (text: string) => void shown.push({ kind: 'error', text })) as typeof vscode.window.showErrorMessage;
  });
  beforeEach(async () => {
    proxy.log.length = 0;
    shown.length = 0;
    await http().update('proxy', proxy.urlWith('alice', 'pr0xy-pw'), vscode.ConfigurationTarget.Global);
  });
  after(async () => {
    Object.assign(vscode.window, { showInformationMessage: originals.info, showErrorMessage: originals.error });
    await http().update('proxy', undefined, vscode.ConfigurationTarget.Global);
    await http().update('noProxy', undefined, vscode.ConfigurationTarget.Global);
    await proxy?.close();
    await sandbox?.close();
  });

  it('Test Connection on the Local sandbox goes through the proxy and names it (never its password)', async () => {
    const ok = await vscode.commands.executeCommand<boolean>(Commands.testConnection, sandboxProfile);
    assert.equal(ok, true, JSON.stringify(shown));
    assert.equal(proxy.log.length, 1, JSON.stringify(proxy.log));
    assert.match(proxy.log[0].target, /^http:\/\/127\.0\.0\.1:\d+\/v1\/Account\/\w+\/$/);
    assert.equal(proxy.log[0].status, 200);
    assert.match(shown[0].text, new RegExp(`works via proxy ${proxy.url} \\(http\\.proxy\\)`));
    assert.ok(!shown[0].text.includes('pr0xy-pw') && !shown[0].text.includes('alice'));
  });

  it('a send through the send engine goes through the proxy, logged to the output with the proxy; http.noProxy sends around it', async () => {
    const lines: string[] = [];
    const registration = registerNetwork({ appendLine: (line) => lines.push(line) });
    try {
      const { authId, authToken } = sandbox.accounts[0];
      const send = async () => {
        const client = new PlivoClient({ authId, authToken, baseUrl: sandbox.baseUrl });
        try {
          return await runSend(createJournal({ src: '14155550100', text: 'through http.proxy' }, ['+14155550401', '+14155550402']), { client, save: async () => undefined });
        } finally {
          await client.close();
        }
      };
      assert.equal((await send()).stop, 'complete');
      assert.deepEqual(proxy.log.map((e) => `${e.method} ${e.status}`), ['POST 202']);
      assert.equal(proxy.log[0].target, `${sandbox.baseUrl}/v1/Account/${authId}/Message/`);
      assert.equal(sandbox.messageCount(), 2);
      assert.match(lines[0], new RegExp(`^POST ${sandbox.baseUrl}/v1/Account/${authId}/Message/ via proxy ${proxy.url} \\(http\\.proxy\\) → 202`));
      assert.ok(lines.every((line) => !line.includes('pr0xy-pw')));

      await http().update('noProxy', ['127.0.0.1'], vscode.ConfigurationTarget.Global);
      assert.equal((await send()).stop, 'complete');
      assert.equal(proxy.log.length, 1, 'the second send bypassed the proxy');
      assert.equal(sandbox.messageCount(), 4);
      assert.match(lines.at(-1) ?? '', /direct \(http\.noProxy\) → 202/);
    } finally {
      registration.dispose();
      await http().update('noProxy', undefined, vscode.ConfigurationTarget.Global);
    }
  });

  it('a wrong proxy password: Test Connection shows the 407 message with the setting that fixes it', async () => {
    await http().update('proxy', proxy.urlWith('alice', 'wrong-pw'), vscode.ConfigurationTarget.Global);
    const ok = await vscode.commands.executeCommand<boolean>(Commands.testConnection, sandboxProfile);
    assert.equal(ok, false);
    assert.deepEqual(proxy.log.map((e) => e.status), [407]);
    assert.equal(shown[0].kind, 'error');
    assert.match(shown[0].text, /Proxy authentication required \(407\)\. The proxy http:\/\/127\.0\.0\.1:\d+ \(from http\.proxy\) asks for credentials \(HTTP 407\); nothing was sent\. .*http\.proxyAuthorization.* Change the setting the message names, then test again\./);
    assert.ok(!shown[0].text.includes('wrong-pw'));
  });
});
