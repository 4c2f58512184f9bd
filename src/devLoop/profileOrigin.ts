// Shared by the composer and the Sends view: where a profile's requests go, for code and prices.
import { PLIVO_BASE_URL, type Profile } from '../profiles/profile';
import type { ProfileStore } from '../profiles/profileStore';
import type { LocalSandbox } from '../sandboxHost/localSandbox';

/**
 * Where a profile's requests go, without asking for its token: the running (or started) Local
 * sandbox, else the profile's URL. A send whose profile was removed falls back to its kind.
 */
export async function profileOrigin(profile: Profile | undefined, isSandbox: boolean, sandbox: LocalSandbox): Promise<string> {
  if (profile?.kind === 'sandbox' || (!profile && isSandbox)) return (await sandbox.ensureStarted()).baseUrl;
  return profile?.baseUrl || PLIVO_BASE_URL;
}

/** What the developer-loop commands need from the extension's services. */
export interface DevLoopServices {
  profiles: ProfileStore;
  sandbox: LocalSandbox;
}
