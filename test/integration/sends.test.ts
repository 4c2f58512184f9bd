// The Sends view's parts in the real extension host: a send to the sandbox recorded through the
// send engine, the tree built from it with real TreeItems, a status refresh that
// reaches `delivered` and `failed` through the sandbox's magic numbers, and history re-read from
// storage. Then the wired commands that need no dialog.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { PlivoClient } from '../../src/core/client';
import { Commands, StorageKeys } from '../../src/constants';
import { startSandbox, type SandboxServer } from '../../src/sandbox';
import { runSend } from '../../src/core/sends/sendEngine';
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { MIGRATED_HISTORY_KEY, SendHistory } from '../../src/sends/historyStore';
import { newSendRecord, syncDeliveryStates, type BatchRecord, type SendRecord } from '../../src/sends/sendRecord';
import { allUuids, mayChange } from '../../src/sends/sendSummary';
import { SendsTreeProvider } from '../../src/sends/sendsTree';
import { StatusRefreshService } from '../../src/sends/status/statusRefreshService';
import type { SendsNode } from '../../src/sends/treeNodes';
import { EXTENSION_ID } from './extensionId';
import { JsonMemento } from '../helpers/jsonMemento';
import { waitFor } from '../helpers/waitFor';


const DELIVERS = '+14155550401';
const FAILS_30 = '+12015550130';
const UNDELIVERED_70 = '+12015550170';

function label(item: vscode.TreeItem): string {
  return typeof item.label === 'string' ? item.label : (item.label?.label ?? '');
}

describe('Sends view (extension host)', function () {
  this.timeout(30_000);
  let sandbox: SandboxServer;
  let client: PlivoClient;
  let dir: string;
  let history: SendHistory;
  let tree: SendsTreeProvider;
  let record: SendRecord;

  before(async () => {
    sandbox = await startSandbox({ messagesPerSecond: 1000, timings: { sentAfterMs: 20, deliveredAfterMs: 200 } });
    const { authId, authToken } = sandbox.accounts[0];
    client = new PlivoClient({ authId, authToken, baseUrl: sandbox.baseUrl });
    dir = await fs.mkdtemp(path.join(tmpdir(), 'sends-host-'));
    history = new SendHistory({ dir, warn: (message) => assert.fail(`unexpected warning: ${message}`) });
    await history.ready;
    tree = new SendsTreeProvider(history, 0);
    record = newSendRecord(
      { sender: { kind: 'src', value: '14155550100' }, text: 'Integration hello', destinations: '', callbackUrl: '', callbackMethod: 'POST', type: 'sms' },
      { id: 'local-sandbox', name: 'Local sandbox', isSandbox: true },
      [DELIVERS, FAILS_30, UNDELIVERED_70],
      ['not-a-number'],
    );
    await history.add(record);
    const result = await runSend(record, {
      client,
      save: async (journal, changed) => {
        for (const batch of changed as BatchRecord[]) syncDeliveryStates(batch);
        await history.saveBatches(journal, changed as BatchRecord[]);
      },
    });
    assert.equal(result.stop, 'complete');
  });

  after(async () => {
    tree?.dispose();
    history?.dispose();
    await client?.close();
    await sandbox?.close();
    if (dir) await fs.rm(dir, { recursive: true, force: true });
  });

  it('shows the send with one item per destination and its skipped entry', () => {
    const [sendNode] = tree.getChildren();
    const sendItem = tree.getTreeItem(sendNode);
    // Time and counts in the label (failures first), the text in the description.
    assert.match(label(sendItem), /^\d\d:\d\d · 1 invalid · 3 queued$/);
    assert.equal(sendItem.description, 'Integration hello · Local sandbox');
    assert.equal(sendItem.contextValue, 'send:uuids:response');
    assert.equal(sendItem.collapsibleState, vscode.TreeItemCollapsibleState.Expanded);
    const children = tree.getChildren(sendNode);
    const items = children.map((node) => tree.getTreeItem(node));
    assert.deepEqual(items.map(label), [DELIVERS, FAILS_30, UNDELIVERED_70, 'Skipped locally: 1']);
    for (const [index, item] of items.slice(0, 3).entries()) {
      assert.equal(item.contextValue, 'destination:uuid');
      assert.equal(item.description, `queued · ${record.batches[0].destinations[index].uuid}`);
      assert.ok(item.iconPath instanceof vscode.ThemeIcon);
      assert.equal((item.iconPath as vscode.ThemeIcon).id, 'clock');
      assert.ok(item.tooltip instanceof vscode.MarkdownString);
    }
  });

  it('refreshes statuses until delivered, failed and undelivered, with error meanings in the tree', async () => {
    const service = new StatusRefreshService(history, { connect: async () => ({ baseUrl: sandbox.baseUrl, ...sandbox.accounts[0] }) });
    const redraws: unknown[] = [];
    const subscription = tree.onDidChangeTreeData((node) => redraws.push(node));
    try {
      // The sandbox delivers in its own time: refresh until no message may change any more.
      await waitFor(async () => {
        const report = await service.refresh([{ sendId: record.id, uuids: allUuids(record) }]);
        assert.deepEqual(report.problems, []);
        return record.batches[0].destinations.some(mayChange) ? undefined : true;
      }, 10_000, 'final delivery states', 100);
      // Redraws are coalesced on a timer: wait for it to fire.
      await waitFor(() => (redraws.length > 0 ? true : undefined), 3000, 'a redraw of the view');
    } finally {
      subscription.dispose();
    }
    const [sendNode] = tree.getChildren();
    // Grouped by state now that they differ: failed or undelivered first, then delivered.
    const groups = tree.getChildren(sendNode).filter((node) => node.kind === 'group');
    assert.deepEqual(groups.map((node) => label(tree.getTreeItem(node))), ['Failed or undelivered: 2', 'Delivered: 1']);
    const items = groups.flatMap((group) => tree.getChildren(group)).map((node) => tree.getTreeItem(node));
    const uuids = record.batches[0].destinations.map((d) => d.uuid);
    assert.deepEqual(items.map((i) => i.description), [
      `failed · error 30 (spam detected) · ${uuids[1]}`,
      `undelivered · error 70 (destination permanently unavailable) · ${uuids[2]}`,
      `delivered · ${uuids[0]}`,
    ]);
    assert.deepEqual(items.map((i) => (i.iconPath as vscode.ThemeIcon).id), ['error', 'warning', 'pass']);
  });

  it('keeps the history when the store is read again from storage', async () => {
    await history.flush();
    const reread = new SendHistory({ dir, warn: (message) => assert.fail(message) });
    try {
      await reread.ready;
      const [again] = reread.list();
      assert.equal(again.id, record.id);
      assert.deepEqual(again.batches[0].destinations.map((d) => [d.number, d.state, d.errorCode]), [
        [DELIVERS, 'delivered', '000'],
        [FAILS_30, 'failed', '30'],
        [UNDELIVERED_70, 'undelivered', '70'],
      ]);
      assert.deepEqual(again.skippedInvalid, ['not-a-number']);
    } finally {
      reread.dispose();
    }
  });

  it('leaves a newer-schema globalState history untouched with a notice, and keeps new sends in files', async () => {
    const damaged = new JsonMemento();
    const raw = { schemaVersion: 99, sends: [{ id: 'from-the-future' }] };
    await damaged.update(StorageKeys.history, raw);
    const warnings: string[] = [];
    const otherDir = await fs.mkdtemp(path.join(tmpdir(), 'sends-host-'));
    const store = new SendHistory({ dir: otherDir, legacyState: damaged, warn: (message) => warnings.push(message) });
    try {
      await store.ready;
      assert.equal(store.list().length, 0);
      assert.equal(warnings.length, 1);
      assert.match(warnings[0], /left as it is/);
      await store.add({ ...record, id: 'after-the-failure' });
      await store.flush();
      assert.deepEqual(damaged.get(StorageKeys.history), raw);
      assert.equal(damaged.get(MIGRATED_HISTORY_KEY), undefined);
      const again = new SendHistory({ dir: otherDir, legacyState: damaged, warn: () => undefined });
      await again.ready;
      assert.deepEqual(again.list().map((s) => s.id), ['after-the-failure']);
      again.dispose();
    } finally {
      store.dispose();
      await fs.rm(otherDir, { recursive: true, force: true });
    }
  });

  it('bounds the stored history to the newest sends', async () => {
    const boundedDir = await fs.mkdtemp(path.join(tmpdir(), 'sends-host-'));
    const bounded = new SendHistory({ dir: boundedDir, maxSends: 3, warn: (message) => assert.fail(message) });
    try {
      await bounded.ready;
      for (let i = 0; i < 5; i++) await bounded.add({ ...record, id: `send-${i}`, createdAt: new Date(Date.UTC(2025, 0, 1, 0, i)).toISOString() });
      assert.deepEqual(bounded.list().map((s) => s.id), ['send-4', 'send-3', 'send-2']);
      assert.equal(await bounded.remove('send-3'), true);
      await bounded.clear();
      assert.equal(bounded.list().length, 0);
      assert.deepEqual(await fs.readdir(boundedDir), []);
    } finally {
      bounded.dispose();
      await fs.rm(boundedDir, { recursive: true, force: true });
    }
  });

  describe('wired commands', () => {
    before(async function () {
      await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
      const registered = await vscode.commands.getCommands(true);
      // Until extension.ts calls registerSends these cannot run; say so instead of failing.
      if (!registered.includes(Commands.copyAllUuids)) this.skip();
    });

    const node = (): SendsNode => tree.getChildren()[0];

    /** The tree node of the batch's n-th destination, wherever its state group lists it. */
    const destinationNode = (index: number): SendsNode => {
      const rows = (parent: SendsNode): SendsNode[] => tree.getChildren(parent).flatMap((child) => (child.kind === 'destination' ? [child] : rows(child)));
      const wanted = record.batches[0].destinations[index].number;
      const found = rows(node()).find((child) => child.kind === 'destination' && child.destination.number === wanted);
      assert.ok(found, `no row for ${wanted}`);
      return found;
    };

    it('copies all UUIDs of a send, one per line, and one destination’s UUID', async () => {
      await vscode.commands.executeCommand(Commands.copyAllUuids, node());
      assert.equal(await vscode.env.clipboard.readText(), allUuids(record).join('\n'));
      await vscode.commands.executeCommand(Commands.copyUuid, destinationNode(0));
      assert.equal(await vscode.env.clipboard.readText(), record.batches[0].destinations[0].uuid);
    });

    it('copies the response JSON as the API returned it', async () => {
      await vscode.commands.executeCommand(Commands.copyResponse, node());
      const copied = JSON.parse(await vscode.env.clipboard.readText());
      assert.deepEqual(copied.message_uuid, allUuids(record));
    });

    it('opens message details as a read-only JSON document even when the API cannot be read', async () => {
      // A send whose profile is unknown to the extension: the details fall back to the history.
      const orphan: SendsNode = { ...destinationNode(1), record: { ...record, profileId: 'no-such-profile' } } as SendsNode;
      await vscode.commands.executeCommand(Commands.openMessageDetails, orphan);
      const editor = vscode.window.activeTextEditor;
      assert.ok(editor);
      assert.equal(editor.document.uri.scheme, 'bulk-messaging-message');
      assert.equal(editor.document.languageId, 'json');
      const shown = JSON.parse(editor.document.getText());
      assert.equal(shown.message_uuid, record.batches[0].destinations[1].uuid);
      assert.equal(shown.message_state, 'failed');
      assert.match(shown.note, /no longer exists/);
      assert.ok(!editor.document.getText().includes(sandbox.accounts[0].authToken));
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    });
  });
});
