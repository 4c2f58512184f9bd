import type { LocalSandbox } from '../sandboxHost/localSandbox';
import type { Profile } from './profile';
import { askAuthToken } from './profileInputs';
import type { ProfileStore } from './profileStore';

/** Everything needed to call the API as a profile. Held briefly in memory, never persisted. */
export interface Connection {
  profile: Profile;
  baseUrl: string;
  authId: string;
  authToken: string;
  isSandbox: boolean;
}

/**
 * Resolves a profile to a connection: starts the sandbox for the Local sandbox profile, reads the
 * token from SecretStorage otherwise. A token that is gone (e.g. a browser VS Code without a keychain
 * after a reload) is asked for again; undefined when the user cancels.
 */
export async function resolveConnection(
  profile: Profile,
  store: ProfileStore,
  sandbox: LocalSandbox,
): Promise<Connection | undefined> {
  if (profile.kind === 'sandbox') {
    const endpoint = await sandbox.ensureStarted();
    return { profile, baseUrl: endpoint.baseUrl, authId: endpoint.authId, authToken: endpoint.authToken, isSandbox: true };
  }
  let authToken = await store.getToken(profile.id);
  if (!authToken) {
    // The same box as Add Profile's: a pasted token's stray spaces or newline never reach the header.
    authToken = await askAuthToken({
      title: `Auth token for "${profile.name}"`,
      prompt: 'The stored token is not available in this window. Enter it again; it is kept in SecretStorage.',
    });
    if (!authToken) return undefined;
    await store.setToken(profile.id, authToken);
  }
  return { profile, baseUrl: profile.baseUrl, authId: profile.authId, authToken, isSandbox: false };
}
