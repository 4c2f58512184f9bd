import * as vscode from 'vscode';
import { askAuthId, askAuthToken, askBaseUrl, askName, askRegion, askSender } from './profileInputs';
import { pickProfile } from './pickProfile';
import type { Profile } from './profile';
import type { ProfileStore } from './profileStore';

type Field = 'name' | 'authId' | 'authToken' | 'baseUrl' | 'sender' | 'defaultRegion';

/** Bulk Messaging: Edit Profile — change one field at a time. */
export async function editProfile(store: ProfileStore, profile?: Profile): Promise<void> {
  store.checkWritable();
  profile ??= await pickProfile(store, 'Edit which profile?', true);
  if (!profile) return;
  const fields: { label: string; field: Field; description?: string }[] = [
    { label: 'Name', field: 'name', description: profile.name },
    { label: 'Auth ID', field: 'authId', description: profile.authId },
    { label: 'Auth token', field: 'authToken', description: 'stored in SecretStorage' },
    ...(profile.kind === 'custom' ? [{ label: 'Base URL', field: 'baseUrl' as const, description: profile.baseUrl }] : []),
    { label: 'Default sender', field: 'sender', description: profile.sender?.value ?? 'none' },
    { label: 'Default region', field: 'defaultRegion', description: profile.defaultRegion ?? 'none' },
  ];
  const picked = await vscode.window.showQuickPick(fields, { title: `Edit "${profile.name}"` });
  if (!picked) return;
  await editField(store, profile, picked.field);
}

async function editField(store: ProfileStore, profile: Profile, field: Field): Promise<void> {
  switch (field) {
    case 'name': {
      const name = await askName(profile.name);
      if (name) await store.update(profile.id, { name });
      return;
    }
    case 'authId': {
      const authId = await askAuthId(profile.authId);
      if (authId) await store.update(profile.id, { authId });
      return;
    }
    case 'authToken': {
      const token = await askAuthToken();
      if (token) await store.setToken(profile.id, token);
      return;
    }
    case 'baseUrl': {
      const baseUrl = await askBaseUrl(profile.baseUrl);
      if (baseUrl) await store.update(profile.id, { baseUrl });
      return;
    }
    case 'sender': {
      const sender = await askSender(profile.sender);
      if (sender !== null) await store.update(profile.id, { sender });
      return;
    }
    case 'defaultRegion': {
      const defaultRegion = await askRegion(profile.defaultRegion);
      if (defaultRegion !== null) await store.update(profile.id, { defaultRegion });
      return;
    }
  }
}

/** Bulk Messaging: Rename Profile. */
export async function renameProfile(store: ProfileStore, profile?: Profile): Promise<void> {
  store.checkWritable();
  profile ??= await pickProfile(store, 'Rename which profile?', true);
  if (!profile) return;
  const name = await askName(profile.name);
  if (name) await store.update(profile.id, { name });
}
