import { pickProfile } from './pickProfile';
import type { ProfileStore } from './profileStore';

/** Bulk Messaging: Switch Profile (also what the status bar item runs); it offers adding one too. */
export async function switchProfile(store: ProfileStore): Promise<void> {
  store.checkWritable();
  const profile = await pickProfile(store, 'Switch to which profile?', false, true);
  if (profile) await store.setActive(profile.id);
}
