// How one change is applied to the stored profile list. globalState is shared by every VS Code
// window, so a change is always applied to the value stored *now*, never to a copy this window
// read earlier: profiles only another window knows are carried over untouched. Free of `vscode`.
import type { Profile } from './profile';
import { readStoredProfiles, toStoredProfiles, type StoredProfilesV1 } from './profileSchema';

/** Thrown by every change while the stored profiles come from a newer version of the extension. */
export class ProfilesReadOnlyError extends Error {
  constructor(readonly schemaVersion: number) {
    super('Profiles were saved by a newer version of Bulk Messaging Workbench; update the extension to change profiles.');
    this.name = 'ProfilesReadOnlyError';
  }
}

/** A change to the list: the new list, or undefined when there is nothing to write. */
export type ProfileEdit = (profiles: readonly Profile[]) => Profile[] | undefined;

/** Fields an edit may change; the id and kind stay what they are. */
export type ProfileChanges = Partial<Omit<Profile, 'id' | 'kind'>>;

export const addProfileEdit =
  (profile: Profile): ProfileEdit =>
  (profiles) => [...profiles, profile];

/**
 * Applies only the changed fields to the stored profile, so an edit made meanwhile in another
 * window to another field survives. A profile removed elsewhere is not brought back.
 */
export const patchProfileEdit =
  (id: string, changes: ProfileChanges): ProfileEdit =>
  (profiles) =>
    profiles.some((p) => p.id === id) ? profiles.map((p) => (p.id === id ? { ...p, ...changes, id, kind: p.kind } : p)) : undefined;

export const removeProfileEdit =
  (id: string): ProfileEdit =>
  (profiles) =>
    profiles.some((p) => p.id === id) ? profiles.filter((p) => p.id !== id) : undefined;

export type ProfilesWritePlan =
  /** A newer version saved the value: write nothing. */
  | { kind: 'readOnly'; schemaVersion: number }
  /** The edit changes nothing in what is stored now (e.g. the profile is gone already). */
  | { kind: 'unchanged'; profiles: Profile[] }
  /** Write `stored`; first keep `keepAside` (an unreadable stored value) where it is not lost. */
  | { kind: 'write'; profiles: Profile[]; stored: StoredProfilesV1; keepAside?: { reason: string; value: unknown } };

/** What to do with `raw` (the value stored now) to apply `edit`. */
export function planProfilesWrite(raw: unknown, edit: ProfileEdit): ProfilesWritePlan {
  const read = readStoredProfiles(raw);
  if (!read.ok && read.newer) return { kind: 'readOnly', schemaVersion: read.newer.schemaVersion };
  const current = read.ok ? read.profiles : [];
  const next = edit(current);
  if (!next) return { kind: 'unchanged', profiles: current };
  const keepAside = read.ok ? undefined : { reason: read.reason, value: raw };
  return { kind: 'write', profiles: next, stored: toStoredProfiles(next), keepAside };
}

/** One unreadable value kept aside, so a later version (or a person) can recover it. */
export interface UnreadableProfiles {
  savedAt: string;
  reason: string;
  value: unknown;
}

const isKeptEntry = (entry: unknown): entry is UnreadableProfiles =>
  typeof entry === 'object' && entry !== null && typeof (entry as UnreadableProfiles).savedAt === 'string' && 'value' in entry;

/**
 * The kept-aside list with `value` added; undefined when it is kept already (two windows, or a
 * second look at the same value, keep it once).
 */
export function withKeptAside(previous: unknown, entry: UnreadableProfiles): UnreadableProfiles[] | undefined {
  const kept: UnreadableProfiles[] =
    previous === undefined
      ? []
      : Array.isArray(previous) && previous.every(isKeptEntry)
        ? previous
        : // Earlier versions kept the raw value itself under the key: keep that too.
          [{ savedAt: '', reason: 'kept aside by an earlier version', value: previous }];
  const json = JSON.stringify(entry.value);
  if (kept.some((k) => JSON.stringify(k.value) === json)) return undefined;
  return [...kept, entry];
}
