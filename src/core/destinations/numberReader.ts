import { invalidReason } from './invalidReason';
import {
  callingCodeOf, knownRegion, parseKey, validType, type CountryCode, type ParseProblem, type PhoneNumber,
} from './phoneMetadata';
import { notANumberReason, tokenKey } from './tokenKey';
import type { NumberType } from './types';

/** What one token means: a valid number (with how it was read) or the reason it is not one. */
export type Reading =
  | {
    valid: true;
    e164: string;
    country?: string;
    type?: NumberType;
    readAsNational: boolean;
    /** Set when the digits are also a different valid international number (ambiguous token). */
    plivoReading?: string;
    reason?: string;
  }
  | { valid: false; reason: string };

/** No E.164 number has more than 15 digits; 20 leaves room for an international dialling prefix. */
const MAX_DIGITS = 20;

const SET_REGION = 'set a default region to read national numbers';
const STARTS_WITH_ZERO = `starts with 0, so it is not international; ${SET_REGION}`;

/**
 * Reads tokens as phone numbers for one default region.
 * The rule: `+` (or the region's international dialling prefix) means international; other digits
 * are a national number of the region when valid there, else international digits as Plivo reads
 * them; without a region, international only.
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
    const key = tokenKey(raw);
    return key === undefined ? { valid: false, reason: notANumberReason(raw) } : this.readKey(key);
  }

  /** Reads a key from `tokenKey` (`+digits` or `digits`). Parses every time: callers cache. */
  readKey(key: string): Reading {
    const international = key.charCodeAt(0) === 43;
    if (key.length - (international ? 1 : 0) > MAX_DIGITS) return { valid: false, reason: 'too long' };
    if (international) return readInternational(key);
    if (this.region === undefined) {
      if (key.charCodeAt(0) === 48) return { valid: false, reason: STARTS_WITH_ZERO };
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
      return nationalValid !== undefined
        ? validReading(nationalValid, false)
        : { valid: false, reason: invalidReason(region, national) };
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
        reading.reason = `ambiguous: read as a ${region} number ${reading.e164}, `
          + `but Plivo reads these digits as ${other.number}${other.country === undefined ? '' : ` (${other.country})`}`;
      }
      return reading;
    }
    if (internationalValid !== undefined) return validReading(internationalValid, false);

    const nationalReason = invalidReason(region, national);
    if (startsWithZero) return { valid: false, reason: nationalReason };
    const internationalReason = invalidReason(undefined, asInternational);
    return { valid: false, reason: `${nationalReason}; as international digits: ${internationalReason}` };
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

function readInternational(plusDigits: string): Reading {
  const parsed = parseKey(plusDigits);
  const valid = validated(parsed);
  return valid !== undefined ? validReading(valid, false) : { valid: false, reason: invalidReason(undefined, parsed) };
}

function validReading({ parsed, type }: ValidNumber, readAsNational: boolean): Reading & { valid: true } {
  return { valid: true, e164: parsed.number, country: parsed.country, type, readAsNational };
}
