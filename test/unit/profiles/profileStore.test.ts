import * as assert from 'node:assert/strict';
import { StorageKeys } from '../../../src/constants';
import type { Profile } from '../../../src/profiles/profile';
import { toStoredProfiles } from '../../../src/profiles/profileSchema';
import { UNREADABLE_PROFILES_KEY } from '../../../src/profiles/profileStore';
import { SharedStorage } from './twoWindows';

const fields = (name: string): Omit<Profile, 'id'> => ({ name, kind: 'live', authId: 'MAXXXXXXXXXXXXXXXXXX', baseUrl: 'https://api.plivo.com' });
const names = (profiles: Profile[]) => profiles.filter((p) => p.kind !== 'sandbox').map((p) => p.name);
const tokenKey = (id: string) => `bulkMessaging.authToken.${id}`;
/** Lets queued microtasks (a change noticed while reading) run. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('profile store shared by two windows', () => {
  let shared: SharedStorage;
  beforeEach(() => (shared = new SharedStorage()));
  afterEach(() => shared.closeAll());

  it('A adds, B adds, A removes its own: B’s profile and token survive', async () => {
    const a = shared.openWindow();
    const b = shared.openWindow();
    const fromA = await a.store.add(fields('From A'), 'token-a');
    const fromB = await b.store.add(fields('From B'), 'token-b');
    await a.store.remove(fromA.id);

    assert.deepEqual(names(a.store.list()), ['From B']);
    assert.deepEqual(names(b.store.list()), ['From B']);
    assert.equal(await b.store.getToken(fromB.id), 'token-b');
    assert.equal(shared.secrets.values.has(tokenKey(fromA.id)), false, 'the removed profile’s token is deleted');
  });

  it('an edit in one window keeps the other window’s edit of another field', async () => {
    const a = shared.openWindow();
    const profile = await a.store.add(fields('Prod'), 'token');
    const b = shared.openWindow();
    await b.store.update(profile.id, { sender: { kind: 'src', value: '14155550100' } });
    await a.store.update(profile.id, { name: 'Production' });
    assert.deepEqual(b.store.get(profile.id), { ...profile, name: 'Production', sender: { kind: 'src', value: '14155550100' } });
  });

  it('editing a profile another window removed fails and does not bring it back', async () => {
    const a = shared.openWindow();
    const b = shared.openWindow();
    const profile = await a.store.add(fields('Prod'), 'token');
    await b.store.remove(profile.id);
    await assert.rejects(a.store.update(profile.id, { name: 'Renamed' }), /removed in another window/);
    assert.deepEqual(names(a.store.list()), []);
  });

  it('changes in one window run one after another on the latest list', async () => {
    const a = shared.openWindow();
    await Promise.all([a.store.add(fields('One'), 't1'), a.store.add(fields('Two'), 't2'), a.store.add(fields('Three'), 't3')]);
    assert.deepEqual(names(a.store.list()), ['One', 'Two', 'Three']);
  });

  it('a failed change does not stop the ones queued after it', async () => {
    const a = shared.openWindow();
    const failing = a.store.update('no-such-id', { name: 'X' });
    const adding = a.store.add(fields('Next'), 't');
    await assert.rejects(failing);
    await adding;
    assert.deepEqual(names(a.store.list()), ['Next']);
  });

  it('the other window announces a change when its poll notices it, once', async () => {
    const a = shared.openWindow();
    const b = shared.openWindow();
    await a.store.add(fields('From A'), 'token');
    assert.equal(b.changes(), 0);
    b.tick();
    b.tick();
    assert.equal(b.changes(), 1);
    assert.deepEqual(names(b.store.list()), ['From A']);
  });

  it('the other window also looks when it gains focus', async () => {
    const a = shared.openWindow();
    const b = shared.openWindow();
    await a.store.setActive((await a.store.add(fields('From A'), 'token')).id);
    b.focus();
    assert.equal(b.changes(), 1);
    assert.equal(b.store.active().name, 'From A');
  });

  it('a change noticed while reading is announced too (the poll would not see it again)', async () => {
    const a = shared.openWindow();
    const b = shared.openWindow();
    await a.store.add(fields('From A'), 'token');
    assert.deepEqual(names(b.store.list()), ['From A']);
    await settle();
    b.tick();
    assert.equal(b.changes(), 1);
  });

  it('a window announces its own change once, not again on its next poll', async () => {
    const a = shared.openWindow();
    await a.store.add(fields('Mine'), 'token');
    a.tick();
    assert.equal(a.changes(), 1);
  });

  it('removing the active profile makes the Local sandbox active', async () => {
    const a = shared.openWindow();
    const profile = await a.store.add(fields('Prod'), 'token');
    await a.store.setActive(profile.id);
    await a.store.remove(profile.id);
    assert.equal(a.store.active().kind, 'sandbox');
    assert.equal(shared.memento.get(StorageKeys.activeProfile), undefined);
  });

  it('migrates a version-0 list forward on opening', async () => {
    await shared.memento.update(StorageKeys.profiles, [{ id: 'p1', name: 'Old', authId: 'MA1', baseUrl: 'https://api.plivo.com' }]);
    const a = shared.openWindow();
    await a.store.flush();
    assert.deepEqual(shared.memento.get(StorageKeys.profiles), toStoredProfiles([{ id: 'p1', name: 'Old', kind: 'live', authId: 'MA1', baseUrl: 'https://api.plivo.com' }]));
  });

  it('unreadable data is kept aside before anything is written over it', async () => {
    await shared.memento.update(StorageKeys.profiles, { what: 'is this' });
    const a = shared.openWindow();
    const b = shared.openWindow();
    await a.store.flush();
    await b.store.flush();
    assert.deepEqual(names(a.store.list()), []);
    await a.store.add(fields('Fresh'), 'token');
    const kept = shared.memento.get<Array<{ value: unknown }>>(UNREADABLE_PROFILES_KEY);
    assert.deepEqual(kept?.map((k) => k.value), [{ what: 'is this' }], 'kept once, though two windows saw it');
    assert.equal([...a.warnings, ...b.warnings].filter((w) => /kept aside, not deleted/.test(w)).length, 1);
    assert.deepEqual(names(b.store.list()), ['Fresh']);
  });
});
