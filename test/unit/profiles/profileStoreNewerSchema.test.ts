import * as assert from 'node:assert/strict';
import { StorageKeys } from '../../../src/constants';
import type { Profile } from '../../../src/profiles/profile';
import { SharedStorage } from './twoWindows';

const READ_ONLY = /saved by a newer version of Bulk Messaging Workbench; update the extension to change profiles/;
const fromTheFuture: Profile = { id: 'future-1', name: 'From v9', kind: 'live', authId: 'MAFUTURE000000000001', baseUrl: 'https://api.plivo.com' };
const newer = { schemaVersion: 99, profiles: [fromTheFuture], teams: [{ id: 't1' }] };
const fields: Omit<Profile, 'id'> = { name: 'New', kind: 'live', authId: 'MAXXXXXXXXXXXXXXXXXX', baseUrl: 'https://api.plivo.com' };

describe('profile store over profiles saved by a newer version', () => {
  let shared: SharedStorage;
  beforeEach(async () => {
    shared = new SharedStorage();
    await shared.memento.update(StorageKeys.profiles, newer);
    await shared.memento.update(StorageKeys.activeProfile, fromTheFuture.id);
    await shared.secrets.store(`bulkMessaging.authToken.${fromTheFuture.id}`, 'future-token');
  });
  afterEach(() => shared.closeAll());

  const stored = () => shared.memento.get(StorageKeys.profiles);

  it('leaves the stored value unchanged on opening and shows its profiles read-only', async () => {
    const a = shared.openWindow();
    await a.store.flush();
    assert.deepEqual(stored(), newer);
    assert.deepEqual(a.store.get(fromTheFuture.id), fromTheFuture);
    assert.equal(a.store.active().id, fromTheFuture.id);
    assert.throws(() => a.store.checkWritable(), READ_ONLY);
  });

  it('refuses an add: the stored value is unchanged and no token is left behind', async () => {
    const a = shared.openWindow();
    await assert.rejects(a.store.add(fields, 'new-token'), READ_ONLY);
    assert.deepEqual(stored(), newer);
    assert.deepEqual([...shared.secrets.values.values()], ['future-token']);
  });

  it('refuses edits, removal and switching; the profile’s token stays', async () => {
    const a = shared.openWindow();
    await assert.rejects(a.store.update(fromTheFuture.id, { name: 'Renamed' }), READ_ONLY);
    await assert.rejects(a.store.remove(fromTheFuture.id), READ_ONLY);
    await assert.rejects(a.store.setActive('local-sandbox'), READ_ONLY);
    assert.deepEqual(stored(), newer);
    assert.equal(shared.memento.get(StorageKeys.activeProfile), fromTheFuture.id);
    assert.equal(await a.store.getToken(fromTheFuture.id), 'future-token');
  });

  it('tells the user once', async () => {
    const a = shared.openWindow();
    await assert.rejects(a.store.add(fields, 't'));
    a.tick();
    assert.equal(a.warnings.length, 1);
    assert.match(a.warnings[0] ?? '', /newer version of Bulk Messaging Workbench \(schema 99\).*read-only.*update the extension/);
  });

  it('turns read-only when another window stores a newer version, and refuses from then on', async () => {
    await shared.memento.update(StorageKeys.profiles, undefined);
    const a = shared.openWindow();
    await a.store.add(fields, 't');
    await shared.memento.update(StorageKeys.profiles, newer);
    a.tick();
    assert.equal(a.warnings.length, 1);
    await assert.rejects(a.store.add(fields, 't2'), READ_ONLY);
    assert.deepEqual(stored(), newer);
  });
});
