import { randomUUID } from 'node:crypto';
import * as vscode from 'vscode';
import { StorageKeys } from '../constants';
import { sandboxProfile, SANDBOX_PROFILE_ID, type Profile } from './profile';
import { readStoredProfiles, toStoredProfiles } from './profileSchema';

const secretKey = (profileId: string) => `bulkMessaging.authToken.${profileId}`;
const unreadableBackupKey = `${StorageKeys.profiles}.unreadable`;

/** Profiles in globalState (no secrets) and their auth tokens in SecretStorage, keyed by profile id. */
export class ProfileStore implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when profiles are added, edited, removed, or the active one changes. */
  readonly onDidChange = this.changed.event;
  private profiles: Profile[];

  constructor(
    private readonly state: vscode.Memento,
    private readonly secrets: vscode.SecretStorage,
  ) {
    this.profiles = this.readProfiles();
  }

  private readProfiles(): Profile[] {
    const raw = this.state.get<unknown>(StorageKeys.profiles);
    const read = readStoredProfiles(raw);
    if (read.ok) {
      if (read.migrated) void this.state.update(StorageKeys.profiles, toStoredProfiles(read.profiles));
      return read.profiles;
    }
    // Never delete what we cannot read: keep a copy aside and start from an empty list.
    void this.state.update(unreadableBackupKey, raw);
    void vscode.window.showWarningMessage(
      `Bulk Messaging: saved profiles could not be read (${read.reason}); they were kept aside, not deleted.`,
    );
    return [];
  }

  /** Every profile, the built-in Local sandbox first. */
  list(): Profile[] {
    return [sandboxProfile, ...this.profiles];
  }

  get(id: string): Profile | undefined {
    return this.list().find((profile) => profile.id === id);
  }

  /** The active profile; the Local sandbox when none was chosen or the chosen one is gone. */
  active(): Profile {
    const id = this.state.get<string>(StorageKeys.activeProfile);
    return (id && this.get(id)) || sandboxProfile;
  }

  async setActive(id: string): Promise<void> {
    await this.state.update(StorageKeys.activeProfile, id);
    this.changed.fire();
  }

  /** Adds a profile and stores its token in SecretStorage; returns the new profile. */
  async add(fields: Omit<Profile, 'id'>, authToken: string): Promise<Profile> {
    const profile: Profile = { ...fields, id: randomUUID() };
    await this.secrets.store(secretKey(profile.id), authToken);
    await this.write([...this.profiles, profile]);
    return profile;
  }

  async update(profile: Profile): Promise<void> {
    if (profile.id === SANDBOX_PROFILE_ID) return;
    await this.write(this.profiles.map((p) => (p.id === profile.id ? profile : p)));
  }

  /** Removes the profile and deletes its secret. */
  async remove(id: string): Promise<void> {
    if (id === SANDBOX_PROFILE_ID) return;
    await this.secrets.delete(secretKey(id));
    await this.write(this.profiles.filter((p) => p.id !== id));
    if (this.state.get<string>(StorageKeys.activeProfile) === id) await this.state.update(StorageKeys.activeProfile, undefined);
    this.changed.fire();
  }

  getToken(id: string): Thenable<string | undefined> {
    return this.secrets.get(secretKey(id));
  }

  setToken(id: string, authToken: string): Thenable<void> {
    return this.secrets.store(secretKey(id), authToken);
  }

  private async write(profiles: Profile[]): Promise<void> {
    this.profiles = profiles;
    await this.state.update(StorageKeys.profiles, toStoredProfiles(profiles));
    this.changed.fire();
  }

  dispose(): void {
    this.changed.dispose();
  }
}
