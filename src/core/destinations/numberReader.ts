import { invalidReason } from './invalidReason';
import {
  callingCodeOf, knownRegion, parseKey, validType, type CountryCode, type ParseProblem, type PhoneNumber,
} from './phoneMetadata';
import { PLIVO_MAX_DST_DIGITS, readPlivoDst } from './plivoDst';
import { cleanToken, keyOf } from './tokenCleaner';
import type { NumberType, PlivoView } from './types';

/** What one token means: a valid number (with how it was read) or the reason it is not one. */
export type Reading =
  | {
    valid: true;
    e164: string;
    country?: string;
    type?: NumberType;
    readAsNational: boolean;
    /** Set when Plivo would send these digits to another valid number (ambiguous token). */
    plivoReading?: string;
    reason?: string;
    /** How Plivo would read the key's digits, when not as `e164`. */
    plivo?: PlivoView;
    /** What was changed to read the digits (an exit code, an obsolete prefix …). */
    notes?: string[];
  }
  | { valid: false; reason: string };

type ValidReading = Reading & { valid: true };

/** No E.164 number has more than 15 digits; 20 leaves room for an international dialling prefix. */
const MAX_DIGITS = 20;

const SET_REGION = 'set a default region to read national numbers';
const STARTS_WITH_ZERO = `starts with 0, so it is not international; ${SET_REGION}`;
/** International dialling (exit) codes people write before a country code: 00 (most of the world), 011 (NANP), 0011 (Australia). */
const EXIT_CODES = ['0011', '011', '00'];
const PLIVO_NO_ZERO = 'no country code starts with 0';

/**
 * Reads tokens as phone numbers for one default region.
 * The rule: `+` (or an international dialling prefix) means international; other digits are a
 * national number of the region when valid there, else international digits as Plivo reads them;
 * without a region, international only. Obsolete forms whose current form is certain are read as it.
 */
export class NumberReader {
  private readonly region: CountryCode | undefined;
  private readonly callingCode: string | undefined;

  constructor(region?: string) {
    if (region !== undefined && region !== '') {
      this.region = knownRegion(region);
      if (this.region === undefined) throw new RangeError(`Unknown region "${region}": use a two-letter country code such as US or GB.`);
      this.callingCode = callingCodeOf(this.region);
    }
  }

  /** Reads one raw token (punctuation and spaces allowed). */
  read(raw: string): Reading {
    const cleaned = cleanToken(raw);
    const key = keyOf(cleaned);
    if (key !== undefined) return this.readKey(key);
    return { valid: false, reason: typeof cleaned === 'string' ? 'not a phone number' : cleaned.reason ?? 'not a phone number' };
  }

  /** Reads a cleaned key (`+digits` or `digits`). Parses every time: callers cache. */
  readKey(key: string): Reading {
    const international = key.charCodeAt(0) === 43;
    if (key.length - (international ? 1 : 0) > MAX_DIGITS) return { valid: false, reason: 'too long' };
    if (international) return readInternational(key);
    if (this.region === undefined) {
      if (key.charCodeAt(0) === 48) return afterExitCode(key) ?? { valid: false, reason: STARTS_WITH_ZERO };
      const reading = readInternational(`+${key}`);
      // Most often a national number pasted without a region: say how it was read and what helps.
      return reading.valid ? reading : { valid: false, reason: `${reading.reason} as international digits; ${SET_REGION}` };
    }
    return this.readWithRegion(key, this.region);
  }

  private readWithRegion(digits: string, region: CountryCode): Reading {
    const national = parseKey(digits, region);
    const nationalValid = validated(national);
    // libphonenumber strips the region's international dialling prefix (011, 00, …) itself; a calling
    // code other than the region's can only come from that, so the token was international.
    if (typeof national !== 'string' && national.countryCallingCode !== this.callingCode) {
      if (nationalValid === undefined) return afterExitCode(digits) ?? { valid: false, reason: invalidReason(region, national) };
      const reading = validReading(nationalValid, false);
      reading.notes = [`${exitCodeOf(digits, national.countryCallingCode)} read as the ${region} international dialling prefix`];
      reading.plivo = { accepts: false, reason: PLIVO_NO_ZERO };
      return reading;
    }
    // No country calling code starts with 0, so such digits have no international reading.
    const startsWithZero = digits.charCodeAt(0) === 48;
    const asInternational = startsWithZero ? 'INVALID_COUNTRY' : parseKey(`+${digits}`);
    const internationalValid = validated(asInternational);

    if (nationalValid !== undefined) {
      const reading = validReading(nationalValid, true);
      if (internationalValid !== undefined && internationalValid.parsed.number !== reading.e164) {
        const other = internationalValid.parsed;
        reading.plivoReading = other.number;
        reading.plivo = { accepts: true, e164: other.number, country: other.country };
        reading.reason = `ambiguous: read as a ${region} number ${reading.e164}, `
          + `but Plivo reads these digits as ${other.number}${other.country === undefined ? '' : ` (${other.country})`}`;
      } else if (internationalValid === undefined) {
        reading.plivo = { accepts: false, reason: startsWithZero ? PLIVO_NO_ZERO : invalidReason(undefined, asInternational) };
      }
      return reading;
    }
    if (internationalValid !== undefined) return validReading(internationalValid, false);

    const nationalReason = invalidReason(region, national);
    if (startsWithZero) return afterExitCode(digits) ?? { valid: false, reason: nationalReason };
    const internationalReason = invalidReason(undefined, asInternational);
    return repaired(`+${digits}`, asInternational) ?? { valid: false, reason: `${nationalReason}; as international digits: ${internationalReason}` };
  }
}

interface ValidNumber {
  parsed: PhoneNumber;
  type: NumberType;
}

/** The number and its type when valid, else undefined. */
function validated(parsed: PhoneNumber | ParseProblem): ValidNumber | undefined {
  if (typeof parsed === 'string') return undefined;
  const type = validType(parsed);
  return type === undefined ? undefined : { parsed, type };
}

/** `+digits`, read as written or, when invalid so, as the one current number an old or mistaken form stands for. */
function readInternational(plusDigits: string): Reading {
  const parsed = parseKey(plusDigits);
  const valid = validated(parsed);
  if (valid !== undefined) {
    const reading = validReading(valid, false);
    const dropped = plusDigits.length - 1 - valid.parsed.countryCallingCode.length - valid.parsed.nationalNumber.length;
    if (dropped > 0) {
      const prefix = plusDigits.slice(1 + valid.parsed.countryCallingCode.length, 1 + valid.parsed.countryCallingCode.length + dropped);
      reading.notes = [`the trunk prefix ${prefix} after +${valid.parsed.countryCallingCode} dropped`];
    }
    if (plusDigits.length - 1 > PLIVO_MAX_DST_DIGITS) reading.plivo = plivoViewOf(plusDigits.slice(1), reading.e164);
    return reading;
  }
  return repaired(plusDigits, parsed) ?? { valid: false, reason: invalidReason(undefined, parsed) };
}

/**
 * The forms people write whose current number is certain: a `+` before an exit code (`+0044…`),
 * Mexico's mobile `1` after +52 (dropped in 2019), a trunk `0` after the country code (`+49 0151…`).
 */
function repaired(plusDigits: string, parsed: PhoneNumber | ParseProblem): ValidReading | undefined {
  if (plusDigits.charCodeAt(1) === 48) {
    const reading = afterExitCode(plusDigits.slice(1));
    if (reading !== undefined) reading.notes = ['the "+" before an international dialling prefix dropped', ...reading.notes ?? []];
    return reading;
  }
  if (plusDigits.startsWith('+521') && plusDigits.length === 14) {
    return rewritten(`+52${plusDigits.slice(4)}`, plusDigits, 'the obsolete mobile "1" after +52 dropped (Mexico removed it in 2019)');
  }
  if (typeof parsed !== 'string') {
    const at = 1 + parsed.countryCallingCode.length;
    if (plusDigits.charCodeAt(at) === 48) {
      return rewritten(plusDigits.slice(0, at) + plusDigits.slice(at + 1), plusDigits, `the trunk prefix 0 after +${parsed.countryCallingCode} dropped`);
    }
  }
  return undefined;
}

/** Digits that start with an exit code (00, 011, 0011), read as the international number after it. */
function afterExitCode(digits: string): ValidReading | undefined {
  for (const exit of EXIT_CODES) {
    if (!digits.startsWith(exit) || digits.charCodeAt(exit.length) === 48) continue;
    const rest = `+${digits.slice(exit.length)}`;
    const reading = rewritten(rest, digits, `${exit} read as an international dialling prefix`);
    if (reading !== undefined) return reading;
  }
  return undefined;
}

/** `current` when it is a valid number, noted; Plivo's view is that of the digits as written. */
function rewritten(current: string, written: string, note: string): ValidReading | undefined {
  const valid = validated(parseKey(current));
  if (valid === undefined) return undefined;
  const reading = validReading(valid, false);
  reading.notes = [note];
  reading.plivo = plivoViewOf(written.charCodeAt(0) === 43 ? written.slice(1) : written, reading.e164);
  return reading;
}

/** The exit code in front of `callingCode` in `digits` (e.g. `011` of `01144…`). */
function exitCodeOf(digits: string, callingCode: string): string {
  const exit = EXIT_CODES.find((code) => digits.startsWith(code + callingCode));
  return exit ?? digits.slice(0, Math.max(1, digits.indexOf(callingCode, 1)));
}

/** How Plivo reads `digits` as typed, when not as `e164`. */
export function plivoViewOf(raw: string, e164: string): PlivoView | undefined {
  const plivo = readPlivoDst(raw);
  if (!plivo.ok) return { accepts: false, reason: plivo.reason };
  if (plivo.e164 === e164) return undefined;
  return { accepts: true, e164: plivo.e164, country: plivo.country };
}

function validReading({ parsed, type }: ValidNumber, readAsNational: boolean): ValidReading {
  return { valid: true, e164: parsed.number, country: parsed.country, type, readAsNational };
}
