import { analyseSegments } from './segments';

export type MessageType = 'sms' | 'mms' | 'whatsapp';
export type CallbackMethod = 'GET' | 'POST';

/** A Plivo send-message request; field names are the API's own (Plivo's Send Message API). */
export interface MessageRequest {
  /** Sender: phone number, short code or alphanumeric ID. Exactly one of `src` / `powerpack_uuid`. */
  src?: string;
  /** Number pool to send from, instead of `src`. */
  powerpack_uuid?: string;
  /** Destinations, several joined by `<`. */
  dst: string;
  /** Message body; required for SMS. */
  text?: string;
  /** Defaults to `sms` at Plivo. */
  type?: MessageType;
  /** Status callback URL. */
  url?: string;
  /** HTTP method of the status callback; Plivo's default is POST. */
  method?: CallbackMethod;
  /** `false` masks content and number in Plivo's logs. */
  log?: boolean;
  /** Seconds a queued message may wait before it fails with code 420. */
  message_expiry?: number;
  trackable?: boolean;
  /** MMS / WhatsApp media, at most 10. */
  media_urls?: string[];
}

/** The JSON body sent to Plivo: the request's defined fields only. */
export type MessageRequestBody = Partial<MessageRequest>;

/** One problem with one field, worded for the person who can fix it. */
export interface FieldError {
  field: string;
  message: string;
}

/** Plivo accepts at most this many unique destinations in one request. */
export const MAX_DESTINATIONS = 1000;
export const MIN_MESSAGE_EXPIRY = 5;
export const MAX_MESSAGE_EXPIRY = 10_799;
export const MAX_MEDIA_URLS = 10;
const MAX_SENDER_DIGITS = 14;
const MAX_ALPHANUMERIC_SENDER = 11;

const BODY_FIELDS: readonly (keyof MessageRequest)[] = [
  'src', 'powerpack_uuid', 'dst', 'text', 'type', 'url', 'method',
  'log', 'message_expiry', 'trackable', 'media_urls',
];
const TYPES: readonly string[] = ['sms', 'mms', 'whatsapp'];
const METHODS: readonly string[] = ['GET', 'POST'];

/** One `dst` entry as Plivo reads it: `/ - . + ( )` and whitespace stripped. */
export function sanitiseDstEntry(entry: string): string {
  return entry.replace(/[/\-.+()\s]/g, '');
}

/** How Plivo counts a `<`-joined `dst`: unique sanitised entries (first occurrence kept) and empties. */
export function countDestinations(dst: string): { unique: string[]; duplicates: number; empty: number } {
  const unique = new Set<string>();
  let duplicates = 0;
  let empty = 0;
  for (const entry of dst.split('<')) {
    const sanitised = sanitiseDstEntry(entry);
    if (sanitised === '') empty += 1;
    else if (unique.has(sanitised)) duplicates += 1;
    else unique.add(sanitised);
  }
  return { unique: [...unique], duplicates, empty };
}

/** Checks a request against Plivo's rules before anything is sent; empty when it is fine. */
export function validateMessageRequest(req: MessageRequest): FieldError[] {
  const errors: FieldError[] = [];
  const add = (field: string, message: string): void => void errors.push({ field, message });
  const type = req.type ?? 'sms';

  validateDst(req.dst, add);
  validateSender(req, add);
  if (!TYPES.includes(type)) add('type', `type must be sms, mms or whatsapp (got "${String(type)}").`);
  if (type === 'sms') validateSmsText(req.text, add);
  else if (req.text !== undefined && typeof req.text !== 'string') add('text', 'text must be a string.');
  if (type === 'mms' && isBlank(req.text) && (req.media_urls ?? []).length === 0) {
    add('text', 'An MMS needs text or at least one media URL: add either.');
  }
  validateMedia(req.media_urls, type, add);
  if (req.url !== undefined && !isHttpUrl(req.url)) {
    add('url', 'url must be an absolute http:// or https:// address, e.g. https://example.com/plivo/status.');
  }
  if (req.method !== undefined && !METHODS.includes(req.method)) {
    add('method', `method must be GET or POST (got "${String(req.method)}").`);
  }
  for (const field of ['log', 'trackable'] as const) {
    if (req[field] !== undefined && typeof req[field] !== 'boolean') add(field, `${field} must be true or false.`);
  }
  const expiry = req.message_expiry;
  if (expiry !== undefined && !(Number.isInteger(expiry) && expiry >= MIN_MESSAGE_EXPIRY && expiry <= MAX_MESSAGE_EXPIRY)) {
    add('message_expiry', `message_expiry must be a whole number of seconds from ${MIN_MESSAGE_EXPIRY} to 10,799 (just under 3 hours).`);
  }
  return errors;
}

/** The JSON body for `POST /Message/`: known fields only, undefined ones omitted. */
export function toRequestBody(req: MessageRequest): MessageRequestBody {
  const body: Record<string, unknown> = {};
  for (const field of BODY_FIELDS) {
    if (req[field] !== undefined) body[field] = req[field];
  }
  return body as MessageRequestBody;
}

type Add = (field: string, message: string) => void;

function validateDst(dst: unknown, add: Add): void {
  if (typeof dst !== 'string' || dst.trim() === '') {
    add('dst', 'dst is required: add at least one destination number (several joined by "<").');
    return;
  }
  const { unique, empty } = countDestinations(dst);
  if (empty > 0) {
    add('dst', `dst has ${empty} empty ${empty === 1 ? 'entry' : 'entries'} (a leading, trailing or doubled "<"): remove ${empty === 1 ? 'it' : 'them'}.`);
  }
  if (unique.length > MAX_DESTINATIONS) {
    add('dst', `dst has ${unique.length.toLocaleString('en-US')} unique numbers; Plivo accepts at most 1,000 per request: split the list into batches.`);
  }
}

function validateSender(req: MessageRequest, add: Add): void {
  const hasSrc = req.src !== undefined && req.src !== '';
  const hasPowerpack = req.powerpack_uuid !== undefined && req.powerpack_uuid !== '';
  if (hasSrc && hasPowerpack) {
    add('src', 'Give either src or powerpack_uuid, not both: remove one.');
  } else if (!hasSrc && !hasPowerpack) {
    add('src', 'A sender is required: set src (a number or sender ID) or powerpack_uuid.');
  } else if (hasSrc) {
    const problem = senderProblem(String(req.src));
    if (problem) add('src', problem);
  }
}

// Plivo's rule: a number is ≤ 14 digits after stripping non-alphanumerics. The alphanumeric
// character set (letters, digits, spaces) is the carriers' common rule; Plivo does not document it.
function senderProblem(src: string): string | undefined {
  const alphanumerics = src.replace(/[^A-Za-z0-9]/g, '');
  if (alphanumerics === '') return `src "${src}" has no digits or letters: use a phone number, short code or sender ID.`;
  if (/^[0-9]+$/.test(alphanumerics)) {
    return alphanumerics.length > MAX_SENDER_DIGITS
      ? `src has ${alphanumerics.length} digits; a sender number may have at most 14, country code included.`
      : undefined;
  }
  if (!/^[A-Za-z0-9 ]+$/.test(src)) {
    return `src "${src}" is read as an alphanumeric sender ID, which may hold only letters, digits and spaces.`;
  }
  if (src.length > MAX_ALPHANUMERIC_SENDER) {
    return `src "${src}" is ${src.length} characters; an alphanumeric sender ID may have at most 11.`;
  }
  return undefined;
}

function validateSmsText(text: unknown, add: Add): void {
  if (typeof text !== 'string' || text.trim() === '') {
    add('text', 'text is required for an SMS: write the message.');
    return;
  }
  const info = analyseSegments(text);
  if (!info.overLimit) return;
  const excess = (info.lengthForLimit - info.limit).toLocaleString('en-US');
  if (info.encoding === 'GSM-7') {
    add('text', `text is ${info.characters.toLocaleString('en-US')} characters; an SMS may have at most 1,600: remove ${excess}.`);
  } else {
    const shown = info.nonGsmCharacters.slice(0, 5).map((ch) => JSON.stringify(ch)).join(', ');
    add(
      'text',
      `text needs UCS-2 (because of ${shown}${info.nonGsmCharacters.length > 5 ? ', …' : ''}), which allows at most 737 units; ` +
        `it has ${info.units.toLocaleString('en-US')}: remove ${excess}, or replace those characters to get the 1,600 GSM-7 limit.`,
    );
  }
}

function validateMedia(mediaUrls: unknown, type: string, add: Add): void {
  if (mediaUrls === undefined) return;
  if (!Array.isArray(mediaUrls)) {
    add('media_urls', 'media_urls must be a list of http(s) URLs.');
    return;
  }
  if (type === 'sms' && mediaUrls.length > 0) {
    add('media_urls', 'media_urls are sent only with MMS or WhatsApp: set type to mms, or remove them.');
  }
  if (mediaUrls.length > MAX_MEDIA_URLS) {
    add('media_urls', `media_urls has ${mediaUrls.length} entries; at most 10 are allowed: remove ${mediaUrls.length - MAX_MEDIA_URLS}.`);
  }
  mediaUrls.forEach((url: unknown, index) => {
    if (!isHttpUrl(url)) add(`media_urls[${index}]`, `media_urls[${index}] must be an absolute http:// or https:// URL.`);
  });
}

function isHttpUrl(value: unknown): boolean {
  // The scheme check also rejects forms the URL parser would repair, like "http:example.com".
  if (typeof value !== 'string' || !/^https?:\/\//i.test(value)) return false;
  try {
    const url = new URL(value);
    return url.hostname !== '';
  } catch {
    return false;
  }
}

function isBlank(text: string | undefined): boolean {
  return text === undefined || text.trim() === '';
}
