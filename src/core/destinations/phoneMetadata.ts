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

export type { CountryCode, NumberType as LibNumberType, PhoneNumber } from 'libphonenumber-js/core';
type CountryCode = libphonenumber.CountryCode;

// Callers pass bare `+digits` / `digits` keys, so there is no number to extract from surrounding
// text: `extract: false` skips that step (about a tenth of the parse time).
const INTERNATIONAL = { extract: false } as const;
const byRegion = new Map<CountryCode, { defaultCountry: CountryCode; extract: false }>();

/** Parses a bare key (`+digits`, or `digits` read in `region`); undefined when it is no number at all. */
export function parseKey(key: string, region?: CountryCode): libphonenumber.PhoneNumber | undefined {
  if (region === undefined) return libphonenumber.parsePhoneNumberFromString(key, INTERNATIONAL, metadata);
  let options = byRegion.get(region);
  if (options === undefined) byRegion.set(region, (options = { defaultCountry: region, extract: false }));
  return libphonenumber.parsePhoneNumberFromString(key, options, metadata);
}

/**
 * The number's type, or undefined when it is not valid. Exact for `max` metadata: every numbering
 * plan in it has type patterns, and then libphonenumber's isValid() is defined as "getType() found a
 * type" — so one call answers both questions (a unit test guards the premise).
 */
export function validType(parsed: libphonenumber.PhoneNumber): libphonenumber.NumberType {
  return parsed.getType();
}

/** libphonenumber's length verdict for text that failed: TOO_SHORT, TOO_LONG, INVALID_COUNTRY, … */
export function lengthProblem(text: string, region?: CountryCode): libphonenumber.ValidatePhoneNumberLengthResult | undefined {
  return region === undefined
    ? libphonenumber.validatePhoneNumberLength(text, metadata)
    : libphonenumber.validatePhoneNumberLength(text, region, metadata);
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
