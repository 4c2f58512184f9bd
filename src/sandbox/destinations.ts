import { readPlivoDst, type PlivoDstReading } from '../core/destinations/plivoDst';

/** Plivo's bulk limit: unique destinations per request. */
export const MAX_UNIQUE_DESTINATIONS = 1000;

/** A destination that will get a message. */
export interface ValidDestination {
  /** E.164 digits without `+`, as Plivo stores numbers. */
  digits: string;
  country: string | undefined;
}

export type DestinationsResult =
  | { ok: true; valid: ValidDestination[]; invalid: string[] }
  | { ok: false; error: string };

// Bulk senders reuse the same lists; remembering readings keeps a 1,000-number request cheap.
const CACHE_LIMIT = 20_000;
const cache = new Map<string, PlivoDstReading>();

function read(raw: string): PlivoDstReading {
  let reading = cache.get(raw);
  if (!reading) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    reading = readPlivoDst(raw);
    cache.set(raw, reading);
  }
  return reading;
}

/**
 * Plivo's reading of a `dst` parameter: split on `<`, each entry sanitised and checked, duplicates
 * removed (first kept). Empty entries (a stray `<`) are skipped — Plivo's handling is unconfirmed.
 */
export function readDestinations(dst: string): DestinationsResult {
  const entries = dst.split('<').filter((entry) => entry.trim() !== '');
  const valid: ValidDestination[] = [];
  const invalid: string[] = [];
  const seen = new Set<string>();
  let lastInvalid: PlivoDstReading | undefined;
  for (const raw of entries) {
    const reading = read(raw);
    const key = reading.ok ? reading.e164 : `invalid:${reading.sanitised}`;
    if (seen.has(key)) continue;
    seen.add(key);
    if (seen.size > MAX_UNIQUE_DESTINATIONS) {
      return { ok: false, error: `too many destination numbers: at most ${MAX_UNIQUE_DESTINATIONS} unique numbers per request` };
    }
    if (reading.ok) valid.push({ digits: reading.e164.replace(/^\+/, ''), country: reading.country });
    else {
      invalid.push(raw);
      lastInvalid = reading;
    }
  }
  if (valid.length > 0) return { ok: true, valid, invalid };
  if (entries.length === 1 && lastInvalid) return { ok: false, error: `'${lastInvalid.sanitised}' is not a valid phone number.` };
  if (entries.length === 0) return { ok: false, error: 'dst is required' };
  return { ok: false, error: 'invalid phone numbers.' };
}
