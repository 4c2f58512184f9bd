import * as assert from 'node:assert/strict';
import type { Profile } from '../../../src/profiles/profile';
import { readStoredProfiles, toStoredProfiles } from '../../../src/profiles/profileSchema';
import {
  addProfileEdit,
  patchProfileEdit,
  planProfilesWrite,
  ProfilesReadOnlyError,
  removeProfileEdit,
  withKeptAside,
} from '../../../src/profiles/profileWrites';

const profile = (id: string, extra: Partial<Profile> = {}): Profile => ({
  id,
  name: `Profile ${id}`,
  kind: 'live',
  authId: `MA${id.toUpperCase().padEnd(18, '0')}`,
  baseUrl: 'https://api.plivo.com',
  ...extra,
});

describe('profile writes (read-modify-write rules)', () => {
  it('adds to the list stored now, keeping profiles only another window knows', () => {
    const plan = planProfilesWrite(toStoredProfiles([profile('b')]), addProfileEdit(profile('a')));
    assert.equal(plan.kind, 'write');
    assert.deepEqual(plan.kind === 'write' && plan.stored, toStoredProfiles([profile('b'), profile('a')]));
  });

  it('removes only the given profile', () => {
    const plan = planProfilesWrite(toStoredProfiles([profile('a'), profile('b')]), removeProfileEdit('a'));
    assert.deepEqual(plan.kind === 'write' && plan.profiles, [profile('b')]);
  });

  it('a removal of a profile that is gone already writes nothing', () => {
    const plan = planProfilesWrite(toStoredProfiles([profile('b')]), removeProfileEdit('a'));
    assert.deepEqual(plan, { kind: 'unchanged', profiles: [profile('b')] });
  });

  it('an edit changes only its fields, so another window’s edit of another field survives', () => {
    const stored = toStoredProfiles([profile('a', { sender: { kind: 'src', value: '14155550100' } })]);
    const plan = planProfilesWrite(stored, patchProfileEdit('a', { name: 'Renamed' }));
    assert.deepEqual(plan.kind === 'write' && plan.profiles, [
      profile('a', { name: 'Renamed', sender: { kind: 'src', value: '14155550100' } }),
    ]);
  });

  it('an edit never changes the id or kind', () => {
    const changes = { name: 'X', id: 'other', kind: 'custom' } as unknown as Parameters<typeof patchProfileEdit>[1];
    const plan = planProfilesWrite(toStoredProfiles([profile('a')]), patchProfileEdit('a', changes));
    assert.deepEqual(plan.kind === 'write' && plan.profiles, [profile('a', { name: 'X' })]);
  });

  it('an edit of a profile another window removed does not bring it back', () => {
    const plan = planProfilesWrite(toStoredProfiles([profile('b')]), patchProfileEdit('a', { name: 'Renamed' }));
    assert.equal(plan.kind, 'unchanged');
  });

  it('migrates a version-0 list while applying the change', () => {
    const plan = planProfilesWrite([profile('b')], addProfileEdit(profile('a')));
    assert.deepEqual(plan.kind === 'write' && plan.stored, toStoredProfiles([profile('b'), profile('a')]));
    assert.equal(plan.kind === 'write' && plan.keepAside, undefined);
  });

  it('refuses to write over data saved by a newer schema version', () => {
    const plan = planProfilesWrite({ schemaVersion: 99, profiles: [profile('b')] }, addProfileEdit(profile('a')));
    assert.deepEqual(plan, { kind: 'readOnly', schemaVersion: 99 });
  });

  it('writes over unreadable data only after keeping it aside', () => {
    const plan = planProfilesWrite('garbage', addProfileEdit(profile('a')));
    assert.equal(plan.kind, 'write');
    assert.deepEqual(plan.kind === 'write' && plan.keepAside, { reason: 'unrecognised format', value: 'garbage' });
  });

  it('the read-only error says what to do', () => {
    assert.match(
      new ProfilesReadOnlyError(99).message,
      /saved by a newer version of Bulk Messaging Workbench; update the extension to change profiles/,
    );
  });
});

describe('stored profiles of a newer version', () => {
  it('are read best effort, to be shown read-only', () => {
    const read = readStoredProfiles({ schemaVersion: 99, profiles: [profile('a'), { id: 3 }], extra: true });
    assert.equal(read.ok, false);
    assert.deepEqual(!read.ok && read.newer, { schemaVersion: 99, profiles: [profile('a')] });
  });

  it('without a readable list show no profiles, still read-only', () => {
    const read = readStoredProfiles({ schemaVersion: 2, accounts: {} });
    assert.deepEqual(!read.ok && read.newer, { schemaVersion: 2, profiles: [] });
  });

  it('unreadable data is not mistaken for a newer version', () => {
    const read = readStoredProfiles({ schemaVersion: 'two' });
    assert.equal(!read.ok && read.newer, undefined);
  });
});

describe('unreadable profiles kept aside', () => {
  const entry = (value: unknown) => ({ savedAt: '2024-01-01T00:00:00.000Z', reason: 'unrecognised format', value });

  it('starts a list', () => {
    assert.deepEqual(withKeptAside(undefined, entry('garbage')), [entry('garbage')]);
  });

  it('keeps the same value once (two windows may both notice it)', () => {
    assert.equal(withKeptAside([entry({ a: 1 })], entry({ a: 1 })), undefined);
  });

  it('adds a different value after the earlier ones', () => {
    assert.deepEqual(withKeptAside([entry(1)], entry(2)), [entry(1), entry(2)]);
  });

  it('keeps a raw value an earlier version stored under the key', () => {
    const kept = withKeptAside({ old: 'raw' }, entry('garbage'));
    assert.deepEqual(kept?.map((k) => k.value), [{ old: 'raw' }, 'garbage']);
  });
});
