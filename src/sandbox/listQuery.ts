import type { StoredMessage } from './messageStore';
import { plivoState } from './messageView';
import { parseFilterTime } from './plivoTime';

/** A parsed list query: paging plus a predicate built from the documented filters. */
export interface ListQuery {
  limit: number;
  offset: number;
  matches: (message: StoredMessage) => boolean;
  /** The filter parameters as given, echoed in `meta.next` / `meta.previous`. */
  filters: Array<[string, string]>;
}

const MAX_LIMIT = 20;
const TIME_FILTERS: Record<string, (time: number, bound: number) => boolean> = {
  message_time__gt: (t, b) => t > b,
  message_time__gte: (t, b) => t >= b,
  message_time__lt: (t, b) => t < b,
  message_time__lte: (t, b) => t <= b,
};

function wholeNumber(text: string | null, fallback: number): number | undefined {
  if (text === null || text === '') return fallback;
  return /^\d+$/.test(text) ? Number(text) : undefined;
}

function digits(text: string): string {
  return text.replace(/^\+/, '');
}

/** `message_time=` matches every message inside the given minute, second or microsecond. */
function timeSpan(text: string): number {
  if (/\.\d+$/.test(text)) return 1;
  return /\d{2}:\d{2}:\d{2}$/.test(text.trim()) ? 1000 : 60_000;
}

/** Reads limit, offset and the documented filters; returns an error text when one is malformed. */
export function parseListQuery(search: URLSearchParams): ListQuery | string {
  const limit = wholeNumber(search.get('limit'), MAX_LIMIT);
  if (limit === undefined || limit < 1 || limit > MAX_LIMIT) return `limit should be an integer between 1 and ${MAX_LIMIT}`;
  const offset = wholeNumber(search.get('offset'), 0);
  if (offset === undefined) return 'offset should be a non-negative integer';
  const tests: Array<(m: StoredMessage) => boolean> = [];
  const filters: Array<[string, string]> = [];
  for (const [key, value] of search) {
    if (key === 'limit' || key === 'offset') continue;
    filters.push([key, value]);
    switch (key) {
      case 'message_state':
        tests.push((m) => plivoState(m) === value);
        break;
      case 'message_direction':
        tests.push((m) => m.direction === value);
        break;
      case 'message_type':
        tests.push((m) => m.type === value);
        break;
      case 'error_code':
        tests.push((m) => m.errorCode !== null && Number(m.errorCode) === Number(value));
        break;
      case 'from_number':
        tests.push((m) => m.from === digits(value));
        break;
      case 'to_number':
        tests.push((m) => m.to === digits(value));
        break;
      case 'powerpack_id':
        tests.push((m) => m.powerpackId === value);
        break;
      case 'message_time': {
        const start = parseFilterTime(value);
        if (start === undefined) return `${key} should be in the format YYYY-MM-DD HH:MM[:SS[.ffffff]]`;
        const end = start + timeSpan(value);
        tests.push((m) => m.queuedAt >= start && m.queuedAt < end);
        break;
      }
      default: {
        const compare = TIME_FILTERS[key];
        if (!compare) break; // subaccount and unknown keys: the sandbox has no subaccounts, so they do not narrow.
        const bound = parseFilterTime(value);
        if (bound === undefined) return `${key} should be in the format YYYY-MM-DD HH:MM[:SS[.ffffff]]`;
        tests.push((m) => compare(m.queuedAt, bound));
      }
    }
  }
  return { limit, offset, filters, matches: (m) => tests.every((test) => test(m)) };
}
