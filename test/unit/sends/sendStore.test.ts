// The file-per-send history on real files in a temp folder; two stores on one folder are two windows.
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { serialiseJournal } from '../../../src/core/sends/journalFile';
import type { BatchRecord, SendRecord } from '../../../src/sends/sendRecord';
import { sendFileName, SendStore, type SendStoreOptions } from '../../../src/sends/sendStore';
import { waitFor } from '../../helpers/waitFor';
import { batch, destination, destinations, send } from './builders';

/** Resolves once `condition` holds; fails after `ms`. */
const until = (condition: () => boolean, ms = 2000): Promise<true> => waitFor(() => condition() || undefined, ms);

describe('send store (one file per send)', () => {
  let dir: string;
  const stores: SendStore[] = [];
  const warnings: string[] = [];
  const open = async (options: Partial<SendStoreOptions> = {}): Promise<SendStore> => {
    const store = new SendStore({ dir, pollMs: 0, watch: false, warn: (m) => warnings.push(m), ...options });
    stores.push(store);
    await store.ready;
    return store;
  };
  const fileOf = (id: string) => path.join(dir, sendFileName(id));

  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(tmpdir(), 'sends-'));
    warnings.length = 0;
  });
  afterEach(async () => {
    for (const store of stores.splice(0)) {
      await store.flush();
      store.dispose();
    }
    await fs.rm(dir, { recursive: true, force: true });
  });

  it('stores each send in its own file, holds records by reference, and reads them back', async () => {
    const a = await open();
    const record = send();
    await a.add(record);
    assert.equal(a.get(record.id), record);
    const text = await fs.readFile(fileOf(record.id), 'utf8');
    assert.equal(text, serialiseJournal(record));
    record.batches[0].destinations[0].state = 'delivered';
    await a.saveBatches(record, [record.batches[0]]);
    const again = await open();
    assert.equal(again.get(record.id)?.batches[0].destinations[0].state, 'delivered');
    assert.deepEqual(again.get(record.id), record);
    assert.deepEqual(warnings, []);
  });

  it('two windows: both sends survive, and each sees the other’s', async () => {
    const a = await open();
    const b = await open();
    const fromA = send();
    const fromB = send();
    await a.add(fromA);
    await b.add(fromB);
    await a.refresh();
    await b.refresh();
    assert.deepEqual(new Set(a.list().map((s) => s.id)), new Set([fromA.id, fromB.id]));
    assert.deepEqual(new Set(b.list().map((s) => s.id)), new Set([fromA.id, fromB.id]));
  });

  it('two windows on one send: A’s status update and B’s new batch both survive', async () => {
    const a = await open();
    const first = destination('+14155550001');
    const record = send({ batches: [batch(0, [first]), { index: 1, state: 'pending', attempts: 0, invalidNumbers: [], destinations: [{ number: '+14155550002', state: 'unknown' }] }] });
    await a.add(record);
    const b = await open();
    const inB = b.get(record.id) as SendRecord;
    assert.equal(await a.applyDestinationUpdates(record.id, new Map([[first.uuid as string, { state: 'delivered' }]])), 1);
    const sentInB: BatchRecord = { ...inB.batches[1], state: 'accepted', destinations: [{ number: '+14155550002', uuid: 'uuid-b', result: 'accepted', state: 'queued' }] };
    inB.batches[1] = sentInB;
    await b.saveBatches(inB, [sentInB]);
    await a.refresh();
    await b.refresh();
    for (const store of [a, b, await open()]) {
      const seen = store.get(record.id) as SendRecord;
      assert.equal(seen.batches[0].destinations[0].state, 'delivered');
      assert.equal(seen.batches[1].destinations[0].uuid, 'uuid-b');
    }
    // A's in-memory record took B's batch in place: the send service's reference stays current.
    assert.equal(a.get(record.id), record);
  });

  it('notices another window’s new, changed and removed sends through the poll within 2 s', async () => {
    const a = await open();
    const b = await open({ pollMs: 20 });
    const events: Array<SendRecord | undefined> = [];
    b.onDidChange((e) => events.push(e));
    const record = send();
    await a.add(record);
    await until(() => b.get(record.id) !== undefined);
    assert.equal(events.at(-1)?.id, record.id);
    const uuid = record.batches[0].destinations[0].uuid as string;
    await a.applyDestinationUpdates(record.id, new Map([[uuid, { state: 'failed', errorCode: '30' }]]));
    await until(() => b.get(record.id)?.batches[0].destinations[0].state === 'failed');
    await a.remove(record.id);
    await until(() => b.get(record.id) === undefined);
  });

  it('notices another window’s send through fs.watch without a poll', async function () {
    const a = await open();
    const b = await open({ watch: true });
    const record = send();
    await a.add(record);
    await until(() => b.get(record.id) !== undefined).catch(() => this.skip());
  });

  it('drops a torn last line (a save that never finished) and keeps the rest', async () => {
    const record = send();
    const sent = JSON.stringify({ t: 'batch', batch: { ...record.batches[0], state: 'rejected' } });
    await fs.writeFile(fileOf(record.id), `${serialiseJournal(record)}${sent.slice(0, 40)}`);
    const a = await open();
    assert.equal(a.get(record.id)?.batches[0].state, 'accepted');
    assert.deepEqual(warnings, []);
  });

  it('lists a newer-schema send read-only, never writes it, and tells once', async () => {
    const record = send();
    const text = serialiseJournal({ ...record, schemaVersion: 2 as 1 }).replace('"schemaVersion":2', '"schemaVersion":2,"futureField":true');
    await fs.writeFile(fileOf(record.id), text);
    const a = await open();
    assert.equal(a.get(record.id)?.id, record.id);
    assert.equal(a.isReadOnly(record.id), true);
    const uuid = record.batches[0].destinations[0].uuid as string;
    assert.equal(await a.applyDestinationUpdates(record.id, new Map([[uuid, { state: 'delivered' }]])), 0);
    await assert.rejects(a.saveBatches(a.get(record.id) as SendRecord, record.batches), /newer version/);
    assert.equal(await a.remove(record.id), false);
    await a.clear();
    for (let i = 0; i < 3; i++) await a.add(send());
    await a.refresh();
    assert.ok(a.knownUuids('other').has(uuid));
    assert.equal(await fs.readFile(fileOf(record.id), 'utf8'), text);
    assert.equal(warnings.filter((w) => /newer version/.test(w)).length, 1);
  });

  it('leaves an unreadable file untouched and reports it once', async () => {
    await fs.writeFile(path.join(dir, 'broken.jsonl'), 'not json\n');
    const a = await open();
    await a.add(send());
    await a.refresh();
    await a.refresh();
    assert.equal(a.list().length, 1);
    assert.equal(await fs.readFile(path.join(dir, 'broken.jsonl'), 'utf8'), 'not json\n');
    assert.equal(warnings.length, 1);
    assert.match(warnings[0], /could not be read .*left as it is/);
  });

  it('compacts a file whose appended lines pass 4× its batches', async () => {
    const a = await open();
    const record = send();
    await a.add(record);
    const uuid = record.batches[0].destinations[0].uuid as string;
    for (let i = 0; i < 12; i++) await a.applyDestinationUpdates(record.id, new Map([[uuid, { updatedAt: String(i), state: 'sent' }]]));
    const lines = (await fs.readFile(fileOf(record.id), 'utf8')).split('\n').length - 1;
    assert.ok(lines <= 6, `${lines} lines`);
    assert.equal((await open()).get(record.id)?.batches[0].destinations[0].updatedAt, '11');
  });

  it('a scan queued while a removal is pending never reads the send back', async () => {
    const a = await open();
    await a.add(send({ id: 'keep-gone' }));
    await a.add(send({ id: 'also-gone' }));
    void a.refresh();
    const removed = a.remove('keep-gone');
    void a.refresh();
    await removed;
    await a.clear();
    await a.refresh();
    assert.deepEqual(a.list(), []);
    assert.deepEqual(await fs.readdir(dir), []);
  });

  it('keeps at most maxSends, dropping the oldest files', async () => {
    const a = await open({ maxSends: 3 });
    for (let i = 0; i < 5; i++) await a.add(send({ id: `s-${i}`, createdAt: new Date(Date.UTC(2025, 0, 1, 0, i)).toISOString() }));
    assert.deepEqual(a.list().map((s) => s.id), ['s-4', 's-3', 's-2']);
    assert.deepEqual((await fs.readdir(dir)).sort(), ['s-2.jsonl', 's-3.jsonl', 's-4.jsonl']);
  });

  it('over the byte budget trims the oldest drafts first and keeps every UUID', async () => {
    const a = await open({ maxBytes: () => 1024 * 1024 });
    const big = Array.from({ length: 30_000 }, (_, i) => `+1415${String(i).padStart(7, '0')}`).join('\n');
    const sends = Array.from({ length: 4 }, (_, i) =>
      send({ id: `big-${i}`, createdAt: new Date(Date.UTC(2025, 0, 1, 0, i)).toISOString(), draft: { ...send().draft, destinations: big }, batches: [batch(0, destinations(5))] }),
    );
    const uuids = sends.flatMap((s) => s.batches[0].destinations.map((d) => d.uuid));
    for (const s of sends) await a.add(s);
    const reread = await open();
    const trimmed = reread.list().map((s) => [s.id, s.draftTrimmed === true]);
    assert.deepEqual(trimmed, [['big-3', false], ['big-2', false], ['big-1', true], ['big-0', true]]);
    assert.equal(reread.get('big-0')?.draft.destinations, '');
    assert.deepEqual(uuids.filter((u) => !reread.knownUuids('none').has(u as string)), []);
    const sizes = await Promise.all((await fs.readdir(dir)).map((f) => fs.stat(path.join(dir, f)).then((s) => s.size)));
    assert.ok(sizes.reduce((n, s) => n + s, 0) <= 1024 * 1024);
  });
});
