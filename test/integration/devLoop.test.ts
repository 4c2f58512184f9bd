// Copy Request as… and Export Send… in the real extension host: a send made through the send engine
// against a sandbox, its code run with curl against the extension's own Local sandbox, and the
// exported files parsed back.
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { parse } from 'csv-parse/sync';
import * as vscode from 'vscode';
import { PlivoClient } from '../../src/core/client';
import { runSend } from '../../src/core/sends/sendEngine';
import { Commands } from '../../src/constants';
import type { BulkMessagingApi } from '../../src/extension';
import { startSandbox, type SandboxServer } from '../../src/sandbox';
import { SendHistory } from '../../src/sends/historyStore';
import { newSendRecord, syncDeliveryStates, type BatchRecord, type SendRecord } from '../../src/sends/sendRecord';
import type { SendsCommandContext } from '../../src/sends/commandContext';
import { exportHistory } from '../../src/sends/exportCommands';
import { SendsTreeProvider } from '../../src/sends/sendsTree';
import type { SendsNode } from '../../src/sends/treeNodes';
import { EXTENSION_ID } from './extensionId';

const TEXT = `It's "50% off" \\ $5 {today} 🎉\nReply STOP`;
const NUMBERS = ['+14155550401', '+12015550130', '+447400123456'];

describe('Copy Request as… and Export (extension host)', function () {
  this.timeout(60_000);
  let sandbox: SandboxServer;
  let dir: string;
  let history: SendHistory;
  let record: SendRecord;
  let node: SendsNode;
  let api: BulkMessagingApi;

  before(async function () {
    api = (await vscode.extensions.getExtension<BulkMessagingApi>(EXTENSION_ID)?.activate()) as BulkMessagingApi;
    if (!(await vscode.commands.getCommands(true)).includes(Commands.copyRequestAs)) this.skip();
    sandbox = await startSandbox({ messagesPerSecond: 1000, timings: { sentAfterMs: 20, deliveredAfterMs: 100 } });
    const { authId, authToken } = sandbox.accounts[0];
    const client = new PlivoClient({ authId, authToken, baseUrl: sandbox.baseUrl });
    dir = await fs.mkdtemp(path.join(tmpdir(), 'devloop-host-'));
    history = new SendHistory({ dir, warn: (message) => assert.fail(`unexpected warning: ${message}`) });
    await history.ready;
    record = newSendRecord(
      { sender: { kind: 'src', value: '14155550100' }, text: TEXT, destinations: '', callbackUrl: 'https://example.com/status', callbackMethod: 'POST', type: 'sms' },
      { id: 'local-sandbox', name: 'Local sandbox', isSandbox: true },
      NUMBERS,
      [],
    );
    await history.add(record);
    await runSend(record, {
      client,
      save: async (journal, changed) => {
        for (const batch of changed as BatchRecord[]) syncDeliveryStates(batch);
        await history.saveBatches(journal, changed as BatchRecord[]);
      },
      batchesPerSecond: 0,
      reconcile: { listRequestsPerMinute: 6000, settleMs: 0 },
    });
    await client.close();
    node = new SendsTreeProvider(history, 0).getChildren()[0];
  });
  after(async () => {
    history?.dispose();
    await sandbox?.close();
  });

  it('Copy Request as… curl copies a script that, run, sends one message per destination to the Local sandbox', async () => {
    const code = await vscode.commands.executeCommand<string>(Commands.copyRequestAs, node, { language: 'curl', target: 'clipboard' });
    assert.equal(await vscode.env.clipboard.readText(), code);
    const local = await api.localSandbox();
    assert.ok(code.includes(`BASE_URL='${local.baseUrl}'`), 'targets the profile (Local sandbox) URL');
    assert.ok(!code.includes(local.authToken) && !code.includes(sandbox.accounts[0].authToken), 'no token');
    const before = await messageCount(local);
    const script = path.join(dir, 'send.sh');
    await fs.writeFile(script, code);
    await new Promise<void>((resolve, reject) =>
      execFile('sh', [script], { env: { PATH: process.env.PATH, PLIVO_AUTH_ID: local.authId, PLIVO_AUTH_TOKEN: local.authToken } }, (error, _out, stderr) => (error ? reject(new Error(stderr)) : resolve())),
    );
    assert.equal((await messageCount(local)) - before, NUMBERS.length);
  });

  it('Copy Request as… Python opens an untitled Python editor with the request', async () => {
    await vscode.commands.executeCommand(Commands.copyRequestAs, node, { language: 'python', target: 'editor' });
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor);
    assert.equal(editor.document.isUntitled, true);
    assert.equal(editor.document.languageId, 'python');
    assert.match(editor.document.getText(), /client\.messages\.create\(/);
    assert.match(editor.document.getText(), /url="https:\/\/example\.com\/status"/);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('Export Send… writes CSV and JSON that parse back to one row per destination with UUID and state', async () => {
    const csvUri = vscode.Uri.file(path.join(dir, 'send.csv'));
    await vscode.commands.executeCommand(Commands.exportSend, node, undefined, { format: 'csv', uri: csvUri });
    const rows = parse(await fs.readFile(csvUri.fsPath, 'utf8'), { columns: true }) as Array<Record<string, string>>;
    assert.deepEqual(rows.map((r) => r.destination), NUMBERS);
    assert.deepEqual(rows.map((r) => r.uuid), record.batches[0].destinations.map((d) => d.uuid));
    assert.deepEqual(rows.map((r) => r.country), ['US', 'US', 'GB']);
    assert.ok(rows.every((r) => r.state === 'queued'));

    const jsonUri = vscode.Uri.file(path.join(dir, 'send.json'));
    await vscode.commands.executeCommand(Commands.exportSend, node, undefined, { format: 'json', uri: jsonUri });
    const text = await fs.readFile(jsonUri.fsPath, 'utf8');
    const exported = JSON.parse(text) as { sends: Array<{ profile: string; request: { text: string }; destinations: unknown[] }> };
    assert.equal(exported.sends[0].request.text, TEXT);
    assert.equal(exported.sends[0].destinations.length, 3);
    assert.ok(!text.includes(sandbox.accounts[0].authToken));
  });

  it('Export History… writes every stored send, newest first, through the same export', async () => {
    const second = newSendRecord(
      { sender: { kind: 'powerpack_uuid', value: 'pp-77' }, text: 'Second', destinations: '', callbackUrl: '', callbackMethod: 'POST', type: 'sms' },
      { id: 'local-sandbox', name: 'Local sandbox', isSandbox: true },
      ['+14155550402'],
      [],
    );
    await history.add(second);
    const uri = vscode.Uri.file(path.join(dir, 'history.json'));
    // The command's own code over this suite's history (the extension's holds other suites' sends).
    const written = await exportHistory({ history } as SendsCommandContext, { format: 'json', uri });
    assert.equal(written?.fsPath, uri.fsPath);
    const exported = JSON.parse(await fs.readFile(uri.fsPath, 'utf8')) as { sends: Array<{ id: string; request: { powerpack_uuid: string | null }; destinations: Array<{ state: string }> }> };
    assert.deepEqual(exported.sends.map((s) => s.id), [second.id, record.id]);
    assert.equal(exported.sends[0].request.powerpack_uuid, 'pp-77');
    assert.deepEqual(exported.sends[0].destinations.map((d) => d.state), ['not sent']);
  });
});

async function messageCount(local: { baseUrl: string; authId: string; authToken: string }): Promise<number> {
  const res = await fetch(`${local.baseUrl}/v1/Account/${local.authId}/Message/?limit=1`, {
    headers: { authorization: `Basic ${Buffer.from(`${local.authId}:${local.authToken}`).toString('base64')}` },
  });
  return ((await res.json()) as { meta: { total_count: number } }).meta.total_count;
}
