// What the composer webview posts is data from another process, not a typed value: every message
// is checked against the protocol and rebuilt from its known fields before the host acts on it.
// Pure: imports neither `vscode` nor the DOM.
import { normaliseDraft } from './composerDraft';
import { PREVIEW_PAGE_SIZE, type ComposerDraft, type WebviewToHost } from './composerProtocol';

export type ParsedWebviewMessage = { ok: true; message: WebviewToHost } | { ok: false; reason: string };

/**
 * Longest destinations text accepted: well over what a person pastes (the e2e battery pastes 10 MB),
 * so a list over the preview's 2,000,000-character limit still arrives and the host can say to split
 * it, yet bounded so a runaway webview cannot make the host hold gigabytes.
 */
export const MAX_DESTINATIONS_CHARS = 32_000_000;
/** Longest message text: far over Plivo's 1,600 characters, so the send check explains an overlong one. */
export const MAX_TEXT_CHARS = 100_000;
/** The sender and the callback URL: generous for anything typed or pasted into one line. */
export const MAX_FIELD_CHARS = 10_000;
/** Profile and send ids. */
export const MAX_ID_CHARS = 1_000;

/** Reads one field, or throws `Refused` saying what is wrong with it (never its value). */
type Reader<T> = (value: unknown, path: string) => T;
/** One reader per field; `-?` makes an optional field's reader required too, so none is forgotten. */
type Fields<T> = { [K in keyof T]-?: Reader<T[K]> };
type Body<K extends WebviewToHost['type']> = Omit<Extract<WebviewToHost, { type: K }>, 'type'>;

class Refused extends Error {}

function refuse(path: string, problem: string): never {
  throw new Refused(`${path} ${problem}`);
}

const integer = (min: number, max: number): Reader<number> => (value, path) =>
  typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max ? value : refuse(path, `must be an integer from ${min} to ${max}`);

const string = (max: number, min = 0): Reader<string> => (value, path) => {
  if (typeof value !== 'string') return refuse(path, 'must be a string');
  if (value.length > max) return refuse(path, `is longer than ${max.toLocaleString('en-US')} characters`);
  return value.length >= min ? value : refuse(path, 'must not be empty');
};

/** `members` as a record so the compiler checks every member of the union is listed. */
const oneOf = <T extends string>(members: Record<T, true>): Reader<T> => (value, path) =>
  typeof value === 'string' && Object.hasOwn(members, value) ? (value as T) : refuse(path, `must be one of ${Object.keys(members).join(', ')}`);

const boolean: Reader<boolean> = (value, path) => (typeof value === 'boolean' ? value : refuse(path, 'must be true or false'));

const optional = <T>(read: Reader<T>): Reader<T | undefined> => (value, path) => (value === undefined ? undefined : read(value, path));

/** A plain object read field by field from its own properties; anything else on it is left behind. */
const object = <T>(fields: Fields<T>): Reader<T> => (value, path) => {
  if (!isRecord(value)) return refuse(path, 'must be an object');
  const result: Record<string, unknown> = {};
  for (const [key, read] of Object.entries(fields) as [string, Reader<unknown>][]) {
    const field = read(Object.hasOwn(value, key) ? value[key] : undefined, `${path}.${key}`);
    if (field !== undefined) result[key] = field;
  }
  return result as T;
};

const readDraftFields = object<ComposerDraft>({
  profileId: optional(string(MAX_ID_CHARS)),
  sender: object({ kind: oneOf({ src: true, powerpack_uuid: true }), value: string(MAX_FIELD_CHARS) }),
  text: string(MAX_TEXT_CHARS),
  destinations: string(MAX_DESTINATIONS_CHARS),
  callbackUrl: string(MAX_FIELD_CHARS),
  callbackMethod: oneOf({ POST: true, GET: true }),
  type: oneOf({ sms: true, mms: true }),
});
// The checked draft still goes through the one reading of a draft, so the host only sees its shape.
const draft: Reader<ComposerDraft> = (value, path) => normaliseDraft(readDraftFields(value, path));
const revision = integer(0, Number.MAX_SAFE_INTEGER);

/** Every message the webview may post, with its fields; a new variant does not compile until listed. */
const messages: { [K in WebviewToHost['type']]: Fields<Body<K>> } = {
  ready: {},
  draftChanged: { revision, draft },
  // No list has more entries than characters, so an offset past that is no page at all.
  requestPage: {
    summaryId: integer(0, Number.MAX_SAFE_INTEGER),
    filter: oneOf({ all: true, valid: true, invalid: true, duplicate: true, warning: true }),
    offset: integer(0, MAX_DESTINATIONS_CHARS),
    limit: integer(1, PREVIEW_PAGE_SIZE),
  },
  removeEntries: { revision, status: oneOf({ invalid: true, duplicate: true }) },
  loadFromFile: {},
  loadFromSelection: {},
  send: { revision, draft },
  continueSend: { sendId: string(MAX_ID_CHARS, 1), mode: oneOf({ check: true, rest: true }) },
  openSends: {},
  useLocalInspector: { profileId: optional(string(MAX_ID_CHARS)) },
  copyAs: { revision, draft },
  estimate: { revision, draft, start: optional(boolean) },
  addProfile: { how: oneOf({ add: true, import: true }) },
};

/** The message if it is one the protocol allows (rebuilt, drafts normalised), else why it is not. */
export function parseWebviewMessage(value: unknown): ParsedWebviewMessage {
  try {
    if (!isRecord(value)) return { ok: false, reason: `a message must be an object, not ${describe(value)}` };
    const type = Object.hasOwn(value, 'type') ? value.type : undefined;
    if (typeof type !== 'string' || !Object.hasOwn(messages, type)) {
      return { ok: false, reason: `unknown message type ${typeof type === 'string' ? JSON.stringify(type.slice(0, 40)) : describe(type)}` };
    }
    const fields = messages[type as WebviewToHost['type']] as Fields<Record<string, unknown>>;
    return { ok: true, message: { type, ...object(fields)(value, type) } as WebviewToHost };
  } catch (error) {
    // Refused says which field; anything else (a throwing getter) is still only a bad message.
    return { ok: false, reason: error instanceof Refused ? error.message : 'the message could not be read' };
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value;
}
