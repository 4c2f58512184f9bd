import type { Profile } from './profile';

/** The stored shape of the profile list; bump the version and add a step to migrate when it changes. */
export interface StoredProfilesV1 {
  schemaVersion: 1;
  profiles: Profile[];
}

export const PROFILES_SCHEMA_VERSION = 1;

export type ProfilesReadResult =
  | { ok: true; profiles: Profile[]; migrated: boolean }
  | {
      ok: false;
      reason: string;
      /** Set when a newer version saved the value: what could be read of it, to show read-only. */
      newer?: { schemaVersion: number; profiles: Profile[] };
    };

function isProfile(value: unknown): value is Profile {
  if (typeof value !== 'object' || value === null) return false;
  const p = value as Record<string, unknown>;
  return typeof p.id === 'string' && typeof p.name === 'string' && typeof p.authId === 'string' && typeof p.baseUrl === 'string';
}

/**
 * Reads what globalState holds. A bare array (a version-0 list) is migrated forward; anything
 * unreadable is reported, never discarded, so the caller can keep the raw value.
 */
export function readStoredProfiles(raw: unknown): ProfilesReadResult {
  if (raw === undefined) return { ok: true, profiles: [], migrated: false };
  if (Array.isArray(raw)) {
    const profiles = raw.filter(isProfile).map((p) => ({ ...p, kind: p.kind ?? 'live' }));
    return { ok: true, profiles, migrated: true };
  }
  if (typeof raw === 'object' && raw !== null) {
    const stored = raw as Partial<StoredProfilesV1>;
    if (stored.schemaVersion === 1 && Array.isArray(stored.profiles)) {
      return { ok: true, profiles: stored.profiles.filter(isProfile), migrated: false };
    }
    if (typeof stored.schemaVersion === 'number' && stored.schemaVersion > PROFILES_SCHEMA_VERSION) {
      // Best effort: entries that still look like profiles stay usable; nothing is written back.
      const profiles = Array.isArray(stored.profiles) ? stored.profiles.filter(isProfile) : [];
      const newer = { schemaVersion: stored.schemaVersion, profiles };
      return { ok: false, reason: `saved by a newer version (schema ${stored.schemaVersion})`, newer };
    }
  }
  return { ok: false, reason: 'unrecognised format' };
}

/** The value written back to globalState. */
export function toStoredProfiles(profiles: Profile[]): StoredProfilesV1 {
  return { schemaVersion: PROFILES_SCHEMA_VERSION, profiles };
}
