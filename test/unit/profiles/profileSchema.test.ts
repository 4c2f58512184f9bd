import * as assert from 'node:assert/strict';
import { readStoredProfiles, toStoredProfiles } from '../../../src/profiles/profileSchema';
import type { Profile } from '../../../src/profiles/profile';

const production: Profile = { id: 'p1', name: 'Production', kind: 'live', authId: 'MAXXXXXXXXXXXXXXXXXX', baseUrl: 'https://api.plivo.com' };

describe('stored profiles schema', () => {
  it('reads nothing stored as an empty list', () => {
    assert.deepEqual(readStoredProfiles(undefined), { ok: true, profiles: [], migrated: false });
  });

  it('round-trips the current schema unchanged', () => {
    const read = readStoredProfiles(toStoredProfiles([production]));
    assert.deepEqual(read, { ok: true, profiles: [production], migrated: false });
  });

  it('migrates a version-0 bare array forward and fills the kind', () => {
    const { kind: _kind, ...withoutKind } = production;
    const read = readStoredProfiles([withoutKind]);
    assert.equal(read.ok, true);
    assert.ok(read.ok && read.migrated);
    assert.deepEqual(read.ok && read.profiles, [production]);
  });

  it('reports data from a newer version instead of treating it as empty', () => {
    const read = readStoredProfiles({ schemaVersion: 7, profiles: [production] });
    assert.equal(read.ok, false);
    assert.match(!read.ok ? read.reason : '', /newer version/);
  });

  it('reports garbage instead of silently dropping it', () => {
    assert.equal(readStoredProfiles('not json at all').ok, false);
    assert.equal(readStoredProfiles(42).ok, false);
  });

  it('skips malformed entries but keeps the good ones', () => {
    const read = readStoredProfiles({ schemaVersion: 1, profiles: [production, { id: 3 }] });
    assert.deepEqual(read.ok && read.profiles, [production]);
  });
});
