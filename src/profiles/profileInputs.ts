import * as vscode from 'vscode';
import { baseUrlProblem } from '../core/client';
import { PLIVO_BASE_URL, type ProfileKind, type SenderDefault } from './profile';

// The input boxes of the profile flows (add, edit, import from the environment, and the re-prompt for
// a missing token). Each returns undefined on Escape, except the optional ones (askSender, askRegion):
// there undefined means "none" and Escape is null.

export function askName(value = ''): Thenable<string | undefined> {
  return vscode.window.showInputBox({
    title: 'Profile name',
    value,
    prompt: 'A name you will recognise, e.g. "Production" or "Staging proxy"',
    validateInput: (text) => (text.trim() ? undefined : 'Enter a name'),
  }).then((text) => text?.trim());
}

export async function askKind(): Promise<{ kind: ProfileKind; baseUrl: string } | undefined> {
  const picked = await vscode.window.showQuickPick(
    [
      { label: 'Plivo', description: PLIVO_BASE_URL, target: 'live' as const },
      { label: 'Custom URL', description: 'A proxy, a mock, or a sandbox on another machine', target: 'custom' as const },
    ],
    { title: 'Where does this profile send?' },
  );
  if (!picked) return undefined;
  if (picked.target === 'live') return { kind: 'live', baseUrl: PLIVO_BASE_URL };
  const baseUrl = await askBaseUrl();
  return baseUrl ? { kind: 'custom', baseUrl } : undefined;
}

export function askBaseUrl(value = 'http://127.0.0.1:8089'): Thenable<string | undefined> {
  return vscode.window.showInputBox({
    title: 'Base URL',
    value,
    prompt: 'The API root, without /v1/Account/…',
    // Refused as it is typed: a URL with credentials would be stored in globalState and shown in the
    // status bar, the picker and the confirmation.
    validateInput: (text) => baseUrlProblem(text),
  }).then((text) => text?.trim().replace(/\/+$/, ''));
}

export function askAuthId(value = ''): Thenable<string | undefined> {
  return vscode.window.showInputBox({
    title: 'Auth ID',
    value,
    prompt: 'From the Plivo console overview page (starts with MA or SA)',
    validateInput: (text) => (text.trim() ? undefined : 'Enter the auth ID'),
  }).then((text) => text?.trim());
}

/** The token is typed into a password box: never echoed, never prefilled; blank is refused, spaces trimmed. */
export function askAuthToken(wording: { title?: string; prompt?: string } = {}): Thenable<string | undefined> {
  return vscode.window.showInputBox({
    title: wording.title ?? 'Auth token',
    password: true,
    ignoreFocusOut: true,
    prompt: wording.prompt ?? 'Stored only in VS Code SecretStorage',
    validateInput: (text) => (text.trim() ? undefined : 'Enter the auth token'),
  }).then((text) => text?.trim());
}

/** An optional default sender; an empty answer means none. */
export async function askSender(current?: SenderDefault): Promise<SenderDefault | undefined | null> {
  const value = await vscode.window.showInputBox({
    title: 'Default sender (optional)',
    value: current?.value ?? '',
    prompt: 'A sender number or ID (src), or a Powerpack UUID. Leave empty for none.',
  });
  if (value === undefined) return null;
  const trimmed = value.trim();
  if (!trimmed) return undefined;
  const isPowerpack = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(trimmed);
  return { kind: isPowerpack ? 'powerpack_uuid' : 'src', value: trimmed };
}

/** An optional default region (ISO country code) for national numbers. */
export async function askRegion(current = ''): Promise<string | undefined | null> {
  const value = await vscode.window.showInputBox({
    title: 'Default region (optional)',
    value: current,
    prompt: 'Two-letter country code used to read national numbers, e.g. US. Leave empty for international only.',
    validateInput: (text) => (/^([A-Za-z]{2})?$/.test(text.trim()) ? undefined : 'Two letters, e.g. US or GB'),
  });
  if (value === undefined) return null;
  return value.trim().toUpperCase() || undefined;
}
