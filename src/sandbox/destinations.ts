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

/** One entry as read once: its dedupe key, and the message target or the sanitised text. */
interface Reading {
  key: string;
  valid?: ValidDestination;
  sanitised: string;
}

// Bulk senders reuse the same lists; remembering readings keeps a repeated 1,000-number send cheap.
const CACHE_LIMIT = 20_000;
const cache = new Map<string, Reading>();

function read(raw: string): Reading {
  let reading = cache.get(raw);
  if (!reading) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    const plivo: PlivoDstReading = readPlivoDst(raw);
    reading = plivo.ok
      ? { key: plivo.e164, valid: { digits: plivo.e164.replace(/^\+/, ''), country: plivo.country }, sanitised: plivo.sanitised }
      : { key: `invalid:${plivo.sanitised}`, sanitised: plivo.sanitised };
    cache.set(raw, reading);
  }
  return reading;
}

/**
 * Plivo's reading of a `dst` parameter: split on `<`, each entry sanitised and checked, duplicates
 * removed (first kept). Empty entries (a stray `<`) are skipped — Plivo's handling is unconfirmed.
 */
export function readDestinations(dst: string): DestinationsResult {
  // Most sends (one-time codes, alerts) have one number: no split, no dedupe set.
  if (!dst.includes('<')) {
    const reading = dst.trim() === '' ? undefined : read(dst);
    if (reading?.valid) return { ok: true, valid: [reading.valid], invalid: [] };
  }
  const entries = dst.split('<').filter((entry) => entry.trim() !== '');
  const valid: ValidDestination[] = [];
  const invalid: string[] = [];
  const seen = new Set<string>();
  let lastInvalid: Reading | undefined;
  for (const raw of entries) {
    const reading = read(raw);
    if (seen.has(reading.key)) continue;
    seen.add(reading.key);
    if (seen.size > MAX_UNIQUE_DESTINATIONS) {
      return { ok: false, error: `too many destination numbers: at most ${MAX_UNIQUE_DESTINATIONS} unique numbers per request` };
    }
    if (reading.valid) valid.push(reading.valid);
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
