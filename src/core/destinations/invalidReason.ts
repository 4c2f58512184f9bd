import { lengthProblem, type CountryCode, type PhoneNumber } from './phoneMetadata';

/**
 * Words libphonenumber's length check and parse errors for a person. Only called for tokens that
 * failed, so the extra parse inside the length check costs nothing on valid lists.
 * `parsed` is the failed reading, when libphonenumber got that far; it names the country. With a
 * `region`, `text` was read as a national number of it and the reason says so.
 */
export function invalidReason(text: string, region: CountryCode | undefined, parsed: PhoneNumber | undefined): string {
  const asNational = region === undefined ? '' : ` as a ${region} number`;
  switch (lengthProblem(text, region)) {
    case 'TOO_SHORT':
      return `too short${asNational}`;
    case 'TOO_LONG':
      return `too long${asNational}`;
    case 'INVALID_COUNTRY':
      return 'unknown country code';
    case 'NOT_A_NUMBER':
      return 'not a phone number';
    case 'INVALID_LENGTH':
      return region === undefined ? `wrong length for ${placeOf(parsed)}` : `wrong length${asNational}`;
    default:
      // The length is possible but the digits fall in no range the metadata knows.
      return region === undefined ? `not a valid number for ${placeOf(parsed)}` : `not a valid ${region} number`;
  }
}

function placeOf(parsed: PhoneNumber | undefined): string {
  if (parsed === undefined) return 'its country';
  return parsed.country ?? `+${parsed.countryCallingCode}`;
}
