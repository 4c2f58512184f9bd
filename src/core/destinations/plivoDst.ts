import { invalidReason } from './invalidReason';
import { parseKey, validType } from './phoneMetadata';

/** How Plivo itself reads one `dst` entry: sanitised, international digits only (no national inference). */
export type PlivoDstReading =
  | { ok: true; sanitised: string; e164: string; country?: string }
  | { ok: false; sanitised: string; reason: string };

/** Plivo accepts at most this many digits in one destination (country code included). */
export const PLIVO_MAX_DST_DIGITS = 14;

/** Reads one raw `dst` entry (already split on `<`) the way the Plivo API does. */
export function readPlivoDst(raw: string): PlivoDstReading {
  // Plivo strips `/ - . + ( )` and spaces, then wants country code + number as plain digits.
  const sanitised = raw.replace(/[/\-.+()\s]/g, '');
  if (sanitised === '') return { ok: false, sanitised, reason: 'empty destination' };
  if (!/^\d+$/.test(sanitised)) return { ok: false, sanitised, reason: 'not a phone number: only digits are allowed' };
  if (sanitised.length > PLIVO_MAX_DST_DIGITS) {
    return { ok: false, sanitised, reason: `too long: more than ${PLIVO_MAX_DST_DIGITS} digits` };
  }
  const international = `+${sanitised}`;
  const parsed = parseKey(international);
  // Same rule as the analyser's international reading, with the same `max` metadata.
  if (typeof parsed !== 'string' && validType(parsed) !== undefined) {
    const reading: PlivoDstReading = { ok: true, sanitised, e164: parsed.number };
    if (parsed.country !== undefined) reading.country = parsed.country;
    return reading;
  }
  return { ok: false, sanitised, reason: invalidReason(undefined, parsed) };
}
