// Moving a first-round globalState history into one file per send: nothing lost, nothing moved twice.
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { StorageKeys } from '../../../src/constants';
import { serialiseJournal } from '../../../src/core/sends/journalFile';
import { MIGRATED_HISTORY_KEY, type MigratedHistory, SendHistory } from '../../../src/sends/historyStore';
import { sendFileName } from '../../../src/sends/sendStore';
import { JsonMemento } from '../../helpers/jsonMemento';
import { send } from './builders';

describe('sends history migration from globalState', () => {
  let dir: string;
  const warnings: string[] = [];
  const open = async (state: JsonMemento): Promise<SendHistory> => {
    const history = new SendHistory({ dir, legacyState: state, pollMs: 0, watch: false, warn: (m) => warnings.push(m) });
    await history.ready;
    return history;
  };

  beforeEach(async () => {
    dir = await fs.mkdtemp(path.join(tmpdir(), 'history-'));
    warnings.length = 0;
  });
  afterEach(() => fs.rm(dir, { recursive: true, force: true }));

  /** A first-round value: a bare array, batches without states, one entry that is not a send. */
  function firstRound(): { raw: unknown[]; ids: string[] } {
    const a = send();
    const b = send();
    const old = (record: ReturnType<typeof send>) => {
      const { schemaVersion: _v, fingerprint: _f, request: _r, batchSize: _b, ...rest } = record;
      return { ...rest, batches: record.batches.map(({ state: _s, ...batch }) => batch) };
    };
    return { raw: [old(a), old(b), { not: 'a send' }], ids: [a.id, b.id] };
  }

  it('writes each send to its own file, then moves the value aside under a backup key', async () => {
    const state = new JsonMemento();
    const { raw, ids } = firstRound();
    await state.update(StorageKeys.history, raw);
    const history = await open(state);
    assert.deepEqual(new Set(history.list().map((s) => s.id)), new Set(ids));
    assert.equal(history.list()[0].batches[0].state, 'accepted');
    assert.deepEqual((await fs.readdir(dir)).sort(), ids.map(sendFileName).sort());
    assert.equal(state.get(StorageKeys.history), undefined);
    assert.deepEqual(state.get<MigratedHistory>(MIGRATED_HISTORY_KEY)?.value, raw);
    assert.equal(warnings.length, 1);
    assert.match(warnings[0], /1 saved send\(s\) could not be read.*backup/);
    history.dispose();
    // The next start finds nothing to move and reads the files.
    const again = await open(state);
    assert.equal(again.list().length, 2);
    assert.equal(warnings.length, 1);
    again.dispose();
  });

  it('never overwrites a file already moved (another window, or a start that stopped midway)', async () => {
    const state = new JsonMemento();
    const { raw, ids } = firstRound();
    await state.update(StorageKeys.history, raw);
    const already = { ...send({ id: ids[0] }), profileName: 'moved and changed since' };
    const file = path.join(dir, sendFileName(ids[0]));
    await fs.writeFile(file, serialiseJournal(already));
    const history = await open(state);
    assert.equal(history.get(ids[0])?.profileName, 'moved and changed since');
    assert.equal(await fs.readFile(file, 'utf8'), serialiseJournal(already));
    history.dispose();
  });

  it('leaves a newer-schema globalState history untouched, with a notice', async () => {
    const state = new JsonMemento();
    const raw = { schemaVersion: 99, sends: [{ id: 'from-the-future' }] };
    await state.update(StorageKeys.history, raw);
    const history = await open(state);
    assert.equal(history.list().length, 0);
    assert.deepEqual(state.get(StorageKeys.history), raw);
    assert.equal(state.get(MIGRATED_HISTORY_KEY), undefined);
    assert.equal(warnings.length, 1);
    assert.match(warnings[0], /newer version.*left as it is/);
    history.dispose();
  });
});
