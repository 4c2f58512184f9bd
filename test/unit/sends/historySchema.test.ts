import * as assert from 'node:assert/strict';
import {
  boundHistory,
  entryCount,
  HISTORY_SCHEMA_VERSION,
  newestFirst,
  readStoredHistory,
  toStoredHistory,
} from '../../../src/sends/historySchema';
import { batch, destinations, send, sendsNewestFirst } from './builders';

describe('sends history schema', () => {
  it('reads nothing stored as an empty history', () => {
    assert.deepEqual(readStoredHistory(undefined), { ok: true, sends: [], unreadable: [], migrated: false });
  });

  it('round-trips the current schema through JSON unchanged', () => {
    const sends = sendsNewestFirst(3);
    const stored = JSON.parse(JSON.stringify(toStoredHistory(sends)));
    assert.equal(stored.schemaVersion, HISTORY_SCHEMA_VERSION);
    assert.deepEqual(readStoredHistory(stored), { ok: true, sends, unreadable: [], migrated: false });
  });

  it('migrates a version-0 bare array forward and fills fields it did not have', () => {
    const record = send();
    const { skippedInvalid: _s, ...old } = record;
    const oldBatch = { ...record.batches[0], invalidNumbers: undefined, destinations: [{ number: '+14155550001', uuid: 'u-1' }] };
    const read = readStoredHistory([{ ...old, batches: [oldBatch] }]);
    assert.ok(read.ok);
    assert.equal(read.migrated, true);
    assert.equal(read.sends.length, 1);
    const migrated = read.sends[0];
    assert.deepEqual(migrated.skippedInvalid, []);
    assert.deepEqual(migrated.batches[0].invalidNumbers, []);
    assert.equal(migrated.batches[0].destinations[0].state, 'unknown', 'a destination without a state has not been checked yet');
    assert.equal(toStoredHistory(read.sends).schemaVersion, 1);
  });

  it('reports history from a newer version instead of reading it as empty', () => {
    const read = readStoredHistory({ schemaVersion: HISTORY_SCHEMA_VERSION + 1, sends: [send()] });
    assert.equal(read.ok, false);
    assert.match(read.ok ? '' : read.reason, /newer version/);
  });

  it('reports values it cannot read at all', () => {
    for (const raw of ['{"schemaVersion":1', 42, { sends: [] }, { schemaVersion: 1, sends: 'nope' }]) {
      assert.equal(readStoredHistory(raw).ok, false, `should not read ${JSON.stringify(raw)}`);
    }
  });

  it('returns unreadable entries beside the readable ones instead of dropping them', () => {
    const good = send();
    const broken = { id: 'half-written', batches: 'not a list' };
    const read = readStoredHistory({ schemaVersion: 1, sends: [broken, good, 'junk'] });
    assert.ok(read.ok);
    assert.deepEqual(read.sends.map((s) => s.id), [good.id]);
    assert.deepEqual(read.unreadable, [broken, 'junk']);
  });

  it('orders sends newest first whatever order they were stored in', () => {
    const sends = sendsNewestFirst(4);
    const read = readStoredHistory(toStoredHistory([sends[2], sends[0], sends[3], sends[1]]));
    assert.ok(read.ok);
    assert.deepEqual(read.sends.map((s) => s.id), sends.map((s) => s.id));
    assert.deepEqual(newestFirst([...sends].reverse()).map((s) => s.id), sends.map((s) => s.id));
  });
});

describe('sends history bounds', () => {
  it('keeps the newest sends up to the send limit', () => {
    const sends = sendsNewestFirst(250);
    const { kept, dropped } = boundHistory(sends, { maxSends: 200, maxEntries: 1_000_000 });
    assert.equal(kept.length, 200);
    assert.deepEqual(kept.map((s) => s.id), sends.slice(0, 200).map((s) => s.id));
    assert.deepEqual(dropped.map((s) => s.id), sends.slice(200).map((s) => s.id));
  });

  it('drops the oldest sends once the entries they hold pass the entry cap', () => {
    const sends = sendsNewestFirst(30, () => ({ batches: [batch(0, destinations(990), { invalidNumbers: ['x', 'y'] })], skippedInvalid: Array(8).fill('bad') }));
    assert.equal(entryCount(sends[0]), 1000, 'destinations, API-invalid and skipped entries all count');
    const { kept } = boundHistory(sends, { maxSends: 200, maxEntries: 20_000 });
    assert.equal(kept.length, 20);
    assert.equal(kept[0].id, sends[0].id);
  });

  it('always keeps the newest send, even when it alone is over the entry cap', () => {
    const huge = send({ batches: [batch(0, destinations(1000)), batch(1, destinations(1000))] });
    const { kept } = boundHistory([huge, ...sendsNewestFirst(3)], { maxSends: 200, maxEntries: 500 });
    assert.deepEqual(kept.map((s) => s.id), [huge.id]);
  });
});
