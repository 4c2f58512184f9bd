// Profiles in globalState (no secrets), their auth tokens in SecretStorage keyed by profile id.
// globalState is shared by every window: each change re-reads what is stored and edits that, and
// what another window wrote is noticed by polling. Free of `vscode` (registerProfiles passes the
// window hooks), so two stores over one Memento stand for two windows in unit tests.
import { randomUUID } from 'node:crypto';
import type * as vscode from 'vscode';
import { StorageKeys } from '../constants';
import { sandboxProfile, SANDBOX_PROFILE_ID, type Profile } from './profile';
import { readStoredProfiles, toStoredProfiles } from './profileSchema';
import {
  addProfileEdit,
  patchProfileEdit,
  planProfilesWrite,
  ProfilesReadOnlyError,
  removeProfileEdit,
  withKeptAside,
  type ProfileChanges,
  type ProfileEdit,
  type ProfilesWritePlan,
} from './profileWrites';

const secretKey = (profileId: string) => `bulkMessaging.authToken.${profileId}`;
/** Where stored profiles that could not be read are kept; see UnreadableProfiles. */
export const UNREADABLE_PROFILES_KEY = `${StorageKeys.profiles}.unreadable`;
const POLL_MS = 1000;

interface Disposable {
  dispose(): unknown;
}

export interface ProfileStoreOptions {
  /** Shows a warning to the user. */
  warn: (message: string) => void;
  /** Calls `check` regularly (default every second); tests pass one they drive. */
  poll?: (check: () => void) => Disposable;
  /** Subscribes to this window gaining focus: the user may have changed profiles in another one. */
  onDidFocus?: (listener: () => void) => Disposable;
}

/** What this window last saw in globalState. */
interface View {
  raw: unknown;
  activeId: string | undefined;
  json: string;
  profiles: Profile[];
  /** Set while the stored profiles come from a newer version. */
  readOnlyVersion?: number;
}

const everySecond = (check: () => void): Disposable => {
  const timer = setInterval(check, POLL_MS);
  timer.unref?.();
  return { dispose: () => clearInterval(timer) };
};

export class ProfileStore implements Disposable {
  private readonly listeners = new Set<() => void>();
  private readonly subscriptions: Disposable[] = [];
  private queue: Promise<unknown> = Promise.resolve();
  private view: View;
  private warnedNewer = false;

  constructor(
    private readonly state: vscode.Memento,
    private readonly secrets: vscode.SecretStorage,
    private readonly options: ProfileStoreOptions,
  ) {
    this.view = this.readView(this.storedRaw(), this.storedActiveId());
    this.subscriptions.push((options.poll ?? everySecond)(() => this.refresh()));
    if (options.onDidFocus) this.subscriptions.push(options.onDidFocus(() => this.refresh()));
  }

  /** Fires when profiles are added, edited, removed, or the active one changes — here or in another window. */
  readonly onDidChange = (listener: () => void): Disposable => {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  };

  /** Every profile, the built-in Local sandbox first. */
  list(): Profile[] {
    return [sandboxProfile, ...this.current().profiles];
  }

  get(id: string): Profile | undefined {
    return this.list().find((profile) => profile.id === id);
  }

  /** The active profile; the Local sandbox when none was chosen or the chosen one is gone. */
  active(): Profile {
    const id = this.current().activeId;
    return (id && this.get(id)) || sandboxProfile;
  }

  /** Throws ProfilesReadOnlyError while profiles can't be changed, so commands refuse before asking anything. */
  checkWritable(): void {
    const version = this.current().readOnlyVersion;
    if (version !== undefined) throw new ProfilesReadOnlyError(version);
  }

  setActive(id: string): Promise<void> {
    return this.enqueue(async () => {
      this.checkStoredWritable();
      await this.state.update(StorageKeys.activeProfile, id);
    });
  }

  /** Adds a profile and stores its token in SecretStorage; returns the new profile. */
  add(fields: Omit<Profile, 'id'>, authToken: string): Promise<Profile> {
    const profile: Profile = { ...fields, id: randomUUID() };
    return this.enqueue(async () => {
      this.checkStoredWritable();
      // The token first, so a stored profile always has one; taken back if the list is not written.
      await this.secrets.store(secretKey(profile.id), authToken);
      try {
        await this.write(addProfileEdit(profile));
      } catch (error) {
        await this.secrets.delete(secretKey(profile.id));
        throw error;
      }
      return profile;
    });
  }

  /** Changes some fields of a profile as it is stored now; throws when another window removed it. */
  update(id: string, changes: ProfileChanges): Promise<void> {
    if (id === SANDBOX_PROFILE_ID) return Promise.resolve();
    return this.enqueue(async () => {
      const plan = await this.write(patchProfileEdit(id, changes));
      if (plan.kind === 'unchanged') throw new Error('That profile was removed in another window; nothing was changed.');
    });
  }

  /** Removes the profile and deletes its secret; other profiles (and their secrets) are not touched. */
  remove(id: string): Promise<void> {
    if (id === SANDBOX_PROFILE_ID) return Promise.resolve();
    return this.enqueue(async () => {
      await this.write(removeProfileEdit(id));
      // Also when another window removed it first: deleting again leaves no token behind.
      await this.secrets.delete(secretKey(id));
      if (this.storedActiveId() === id) await this.state.update(StorageKeys.activeProfile, undefined);
    });
  }

  getToken(id: string): Thenable<string | undefined> {
    return this.secrets.get(secretKey(id));
  }

  /** Not refused while read-only: it keeps a profile of the newer version usable in this window. */
  setToken(id: string, authToken: string): Thenable<void> {
    return this.secrets.store(secretKey(id), authToken);
  }

  /** Resolves when every change so far is stored. */
  flush(): Promise<void> {
    return this.queue.then(() => undefined);
  }

  /** Compares what is stored with what this window last saw; fires onDidChange when they differ. */
  refresh(): void {
    if (this.look()) this.fire();
  }

  dispose(): void {
    for (const subscription of this.subscriptions.splice(0)) subscription.dispose();
    this.listeners.clear();
  }

  /** Applies `edit` to the list stored now and writes it (not for read-only values). */
  private async write(edit: ProfileEdit): Promise<ProfilesWritePlan> {
    for (;;) {
      const plan = planProfilesWrite(this.storedRaw(), edit);
      if (plan.kind === 'readOnly') throw new ProfilesReadOnlyError(plan.schemaVersion);
      // Keeping the old value aside awaits, and another window may write meanwhile: plan again.
      if (plan.kind === 'write' && plan.keepAside && (await this.keepAside(plan.keepAside.reason, plan.keepAside.value))) continue;
      if (plan.kind === 'write') await this.state.update(StorageKeys.profiles, plan.stored);
      return plan;
    }
  }

  /** Every change runs after the one before, on what is stored when its turn comes. */
  private enqueue<T>(change: () => Promise<T>): Promise<T> {
    const run = this.queue.then(change).finally(() => this.refresh());
    // A failed change is reported to its caller; the ones after it still run.
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Runs a change nobody awaits (a migration, keeping a value aside); a failure becomes a warning. */
  private background(change: () => Promise<unknown>): void {
    this.enqueue(change).catch((error: unknown) => {
      this.options.warn(`Bulk Messaging: profiles could not be saved (${error instanceof Error ? error.message : String(error)}).`);
    });
  }

  /** Writes a version-0 list in the current shape, unless another window did meanwhile. */
  private async migrate(): Promise<void> {
    const read = readStoredProfiles(this.storedRaw());
    if (read.ok && read.migrated) await this.state.update(StorageKeys.profiles, toStoredProfiles(read.profiles));
  }

  private checkStoredWritable(): void {
    const read = readStoredProfiles(this.storedRaw());
    if (!read.ok && read.newer) throw new ProfilesReadOnlyError(read.newer.schemaVersion);
  }

  /** Keeps an unreadable value under UNREADABLE_PROFILES_KEY; false when it was kept already. */
  private async keepAside(reason: string, value: unknown): Promise<boolean> {
    const kept = withKeptAside(this.state.get<unknown>(UNREADABLE_PROFILES_KEY), { savedAt: new Date().toISOString(), reason, value });
    if (!kept) return false;
    await this.state.update(UNREADABLE_PROFILES_KEY, kept);
    this.options.warn(`Bulk Messaging: saved profiles could not be read (${reason}); they were kept aside, not deleted.`);
    return true;
  }

  private storedRaw(): unknown {
    return this.state.get<unknown>(StorageKeys.profiles);
  }

  private storedActiveId(): string | undefined {
    return this.state.get<string>(StorageKeys.activeProfile);
  }

  /** The view of what is stored now; a change noticed here is announced once the caller is done. */
  private current(): View {
    if (this.look()) queueMicrotask(() => this.fire());
    return this.view;
  }

  /** Updates the view from globalState; true when the stored value changed since the last look. */
  private look(): boolean {
    const raw = this.storedRaw();
    const activeId = this.storedActiveId();
    // globalState hands back the same object until the value changes: the usual case costs no JSON.
    if (raw === this.view.raw && activeId === this.view.activeId) return false;
    const json = JSON.stringify([raw ?? null, activeId ?? null]);
    if (json === this.view.json) {
      this.view = { ...this.view, raw, activeId };
      return false;
    }
    this.view = this.readView(raw, activeId, json);
    return true;
  }

  private readView(raw: unknown, activeId: string | undefined, json = JSON.stringify([raw ?? null, activeId ?? null])): View {
    const read = readStoredProfiles(raw);
    if (read.ok) {
      if (read.migrated) this.background(() => this.migrate());
      return { raw, activeId, json, profiles: read.profiles };
    }
    if (read.newer) {
      if (!this.warnedNewer) {
        this.warnedNewer = true;
        this.options.warn(
          `Bulk Messaging: profiles were saved by a newer version of Bulk Messaging Workbench (schema ${read.newer.schemaVersion}). They are shown read-only and are not overwritten; update the extension to change profiles.`,
        );
      }
      return { raw, activeId, json, profiles: read.newer.profiles, readOnlyVersion: read.newer.schemaVersion };
    }
    // Never delete what we cannot read: keep it aside; the list is empty until something is added.
    this.background(() => this.keepAside(read.reason, raw));
    return { raw, activeId, json, profiles: [] };
  }

  private fire(): void {
    for (const listener of [...this.listeners]) {
      try {
        listener();
      } catch {
        // One failing listener must not keep the others from hearing about the change.
      }
    }
  }
}
