// Draft rules both sides apply: reading a stored draft and choosing a profile. Pure, no vscode/DOM.
import { emptyDraft, type ComposerDraft, type ProfileSummary } from './composerProtocol';

/**
 * Reads a stored (possibly older or damaged) draft field by field: what is readable is kept,
 * anything else falls back to the empty draft's value — a bad field never loses the others.
 */
export function normaliseDraft(stored: unknown): ComposerDraft {
  const source = isRecord(stored) ? stored : {};
  const sender = isRecord(source.sender) ? source.sender : {};
  return {
    profileId: typeof source.profileId === 'string' && source.profileId !== '' ? source.profileId : undefined,
    sender: {
      kind: sender.kind === 'powerpack_uuid' ? 'powerpack_uuid' : 'src',
      value: typeof sender.value === 'string' ? sender.value : emptyDraft.sender.value,
    },
    text: typeof source.text === 'string' ? source.text : emptyDraft.text,
    destinations: typeof source.destinations === 'string' ? source.destinations : emptyDraft.destinations,
    callbackUrl: typeof source.callbackUrl === 'string' ? source.callbackUrl : emptyDraft.callbackUrl,
    callbackMethod: source.callbackMethod === 'GET' ? 'GET' : 'POST',
    type: source.type === 'mms' ? 'mms' : 'sms',
  };
}

/**
 * The draft with `next` as its profile. The sender follows the profile's default when the user
 * has not typed their own (it is empty, or still the previous profile's default).
 */
export function withProfile(draft: ComposerDraft, next: ProfileSummary, previous?: ProfileSummary): ComposerDraft {
  const current = draft.sender;
  const untouched = current.value.trim() === '' || (previous?.sender !== undefined && sameSender(current, previous.sender));
  const sender = untouched && next.sender ? { ...next.sender } : current;
  return { ...draft, profileId: next.id, sender };
}

/**
 * The draft the composer opens with: its saved profile if that still exists, otherwise the
 * active profile (with that profile's default sender when none was typed).
 */
export function openingDraft(stored: unknown, profiles: readonly ProfileSummary[], activeProfileId?: string): ComposerDraft {
  const draft = normaliseDraft(stored);
  if (draft.profileId && profiles.some((profile) => profile.id === draft.profileId)) return draft;
  const active = profiles.find((profile) => profile.id === activeProfileId) ?? profiles[0];
  return active ? withProfile({ ...draft, profileId: undefined }, active) : draft;
}

function sameSender(a: ComposerDraft['sender'], b: ComposerDraft['sender']): boolean {
  return a.kind === b.kind && a.value === b.value;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The distinct {placeholders} in a text, as written ("{name}", "{{ first_name }}"): Plivo fills none in. */
export function placeholdersIn(text: string): string[] {
  return [...new Set(text.match(/\{\{?\s*[\p{L}\p{N}_. -]{1,40}\s*\}?\}/gu) ?? [])];
}
