// The one place that talks to libphonenumber-js and picks its metadata set.
//
// `max` rather than `min` or `mobile`: `min` only matches each country's general pattern, so numbers
// in unallocated ranges (e.g. +34 909 973 268) pass as valid, and it cannot say whether a number is
// mobile or fixed line. `mobile` drops every other type. `max` gives strict per-range validity and the
// number type (the fixed-line warning needs it) for about 75 KB more bundle than `min` and a little
// parse time.
import * as libphonenumber from 'libphonenumber-js/core';
import metadata from 'libphonenumber-js/metadata.max.json';

export { metadata as maxMetadata };

export type { CountryCode, PhoneNumber } from 'libphonenumber-js/core';
type CountryCode = libphonenumber.CountryCode;

// Callers pass bare `+digits` / `digits` keys, so there is no number to extract from surrounding
// text: `extract: false` skips that step (about a tenth of the parse time).
const INTERNATIONAL: { extract: false } = { extract: false };
const byRegion = new Map<CountryCode, { defaultCountry: CountryCode; extract: false }>();

/** libphonenumber's reasons for not producing a number at all. */
export type ParseProblem = 'NOT_A_NUMBER' | 'INVALID_COUNTRY' | 'TOO_SHORT' | 'TOO_LONG';

/**
 * Parses a bare key (`+digits`, or `digits` read in `region`). When libphonenumber cannot make a
 * number of it, returns its reason instead, so a failed token costs one parse, not two.
 */
export function parseKey(key: string, region?: CountryCode): libphonenumber.PhoneNumber | ParseProblem {
  let options: { defaultCountry?: CountryCode; extract: false } = INTERNATIONAL;
  if (region !== undefined) {
    let forRegion = byRegion.get(region);
    if (forRegion === undefined) byRegion.set(region, (forRegion = { defaultCountry: region, extract: false }));
    options = forRegion;
  }
  try {
    return libphonenumber.parsePhoneNumberWithError(key, options, metadata);
  } catch (error) {
    if (error instanceof libphonenumber.ParseError) return error.message as ParseProblem;
    throw error;
  }
}

/**
 * The number's type, or undefined when it is not valid. Exact for `max` metadata: every numbering
 * plan in it has type patterns, and then libphonenumber's isValid() is defined as "getType() found a
 * type" — so one call answers both questions (a unit test guards the premise).
 */
export function validType(parsed: libphonenumber.PhoneNumber): libphonenumber.NumberType {
  return parsed.getType();
}

/** The numbering plans of the metadata; the runtime class takes the JSON though its typings omit it. */
const plans = new (libphonenumber.Metadata as unknown as new (json: typeof metadata) => {
  selectNumberingPlan(code: string): void;
  numberingPlan?: libphonenumber.NumberingPlan;
})(metadata);

/**
 * What validatePhoneNumberLength() would say of a parsed number (TOO_SHORT, TOO_LONG, INVALID_LENGTH,
 * or undefined when the length is possible), read from the same plan's possible lengths in the same
 * order, without parsing the text again. A unit test compares the two over many numbers.
 */
export function lengthProblemOf(parsed: libphonenumber.PhoneNumber): 'TOO_SHORT' | 'TOO_LONG' | 'INVALID_LENGTH' | undefined {
  plans.selectNumberingPlan(parsed.country ?? parsed.countryCallingCode);
  const lengths = plans.numberingPlan?.possibleLengths();
  if (lengths === undefined || lengths.length === 0) return undefined;
  const length = parsed.nationalNumber.length;
  if (length < lengths[0]) return 'TOO_SHORT';
  if (length > lengths[lengths.length - 1]) return 'TOO_LONG';
  return lengths.includes(length) ? undefined : 'INVALID_LENGTH';
}

/** The region as a known ISO 3166-1 alpha-2 code, or undefined. */
export function knownRegion(code: string): CountryCode | undefined {
  const upper = code.toUpperCase() as CountryCode;
  return libphonenumber.isSupportedCountry(upper, metadata) ? upper : undefined;
}

/** The country calling code of a region, e.g. `1` for US. */
export function callingCodeOf(region: CountryCode): string {
  return libphonenumber.getCountryCallingCode(region, metadata);
}
