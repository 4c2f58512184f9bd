import { phoneOf } from './inboxView';
import type { StoredMessage } from './messageStore';
import { parseFilterTime } from './plivoTime';

/** A parsed inbox query: paging plus a predicate. */
export interface InboxQuery {
  limit: number;
  offset: number;
  matches: (message: StoredMessage) => boolean;
}

export const INBOX_DEFAULT_LIMIT = 50;
export const INBOX_MAX_LIMIT = 1000;
const STATES = ['queued', 'sent', 'delivered', 'undelivered', 'failed', 'received'];

/**
 * A number as the user wrote it (`+1 (415) 555-0100`, `1-415-555-0100`) read the way Plivo reads
 * `dst` (`/ - . + ( )` and spaces dropped), so it compares with the stored digits; an alphanumeric
 * sender id stays as given.
 */
export function storedNumber(written: string): string {
  const sanitised = written.replace(/[/\-.+()\s]/g, '');
  return /^\d+$/.test(sanitised) ? sanitised : written.trim();
}

/** `since` / `until`: an ISO time, milliseconds since the epoch, or Plivo's `YYYY-MM-DD HH:MM[:SS]` (UTC). */
export function parseInboxTime(text: string): number | undefined {
  const trimmed = text.trim();
  if (/^\d{10,}$/.test(trimmed)) return Number(trimmed);
  const plivo = parseFilterTime(trimmed);
  if (plivo !== undefined) return plivo;
  const ms = Date.parse(trimmed);
  return Number.isNaN(ms) ? undefined : ms;
}

function whole(text: string | null, fallback: number, min: number, max: number): number | undefined {
  if (text === null || text.trim() === '') return fallback;
  if (!/^\d+$/.test(text.trim())) return undefined;
  const n = Number(text);
  return n >= min && n <= max ? n : undefined;
}

/**
 * Reads `to`, `from`, `phone`, `text` (case-insensitive substring), `since`, `until`, `state`,
 * `direction`, `limit` (1–1000, default 50) and `offset`; an error text names a malformed one.
 */
export function parseInboxQuery(search: URLSearchParams): InboxQuery | string {
  const limit = whole(search.get('limit'), INBOX_DEFAULT_LIMIT, 1, INBOX_MAX_LIMIT);
  if (limit === undefined) return `limit must be a whole number from 1 to ${INBOX_MAX_LIMIT}`;
  const offset = whole(search.get('offset'), 0, 0, Number.MAX_SAFE_INTEGER);
  if (offset === undefined) return 'offset must be a whole number';
  const tests: Array<(m: StoredMessage) => boolean> = [];
  for (const key of ['to', 'from', 'phone'] as const) {
    const value = search.get(key);
    if (value === null || value.trim() === '') continue;
    const wanted = storedNumber(value);
    const field = key === 'phone' ? phoneOf : (m: StoredMessage) => m[key];
    tests.push((m) => field(m) === wanted);
  }
  const text = search.get('text');
  if (text) {
    const needle = text.toLocaleLowerCase();
    tests.push((m) => m.text.toLocaleLowerCase().includes(needle));
  }
  for (const [key, keep] of [['since', (t: number, b: number) => t >= b], ['until', (t: number, b: number) => t < b]] as const) {
    const value = search.get(key);
    if (value === null || value.trim() === '') continue;
    const bound = parseInboxTime(value);
    if (bound === undefined) return `${key} must be an ISO time (2026-12-03T12:00:00Z), milliseconds since 1970, or YYYY-MM-DD HH:MM[:SS]`;
    tests.push((m) => keep(m.queuedAt, bound));
  }
  const state = search.get('state');
  if (state) {
    if (!STATES.includes(state)) return `state must be one of: ${STATES.join(', ')}`;
    tests.push((m) => (m.direction === 'inbound' ? 'received' : m.state) === state);
  }
  const direction = search.get('direction');
  if (direction) {
    if (direction !== 'outbound' && direction !== 'inbound') return 'direction must be outbound or inbound';
    tests.push((m) => m.direction === direction);
  }
  return { limit, offset, matches: (m) => tests.every((test) => test(m)) };
}
