// What `bulkMessaging.newMessage` may be given: a whole draft (Sends → Reopen in Composer) or
// `{ destinations, intent? }` (a number list's "open in composer" action). Pure, no vscode.
import { normaliseDraft } from '../protocol/composerDraft';
import type { ComposerDraft } from '../protocol/composerProtocol';

const DRAFT_FIELDS: readonly (keyof ComposerDraft)[] = ['profileId', 'sender', 'text', 'destinations', 'callbackUrl', 'callbackMethod', 'type'];

/** A prefill for the composer: the draft fields it sets, and whether the caller meant to send. */
export interface Prefill {
  fields: Partial<ComposerDraft>;
  intent?: 'send';
}

/** Reads the command's argument; undefined when it carries nothing the composer can use. */
export function readNewMessageArgs(arg: unknown): Prefill | undefined {
  if (typeof arg !== 'object' || arg === null || Array.isArray(arg)) return undefined;
  const source = arg as Record<string, unknown>;
  const given = DRAFT_FIELDS.filter((field) => source[field] !== undefined);
  if (given.length === 0) return undefined;
  // Read through normaliseDraft so a damaged field is dropped rather than stored.
  const read = normaliseDraft(source);
  const fields: Partial<ComposerDraft> = {};
  for (const field of given) Object.assign(fields, { [field]: read[field] });
  return { fields, intent: source.intent === 'send' ? 'send' : undefined };
}

/** The saved draft with the prefill's fields laid over it (fields it does not set are kept). */
export function applyPrefill(saved: unknown, prefill: Prefill): ComposerDraft {
  return normaliseDraft({ ...normaliseDraft(saved), ...prefill.fields });
}
