import { lengthProblem, type CountryCode, type PhoneNumber } from './phoneMetadata';

/**
 * Words libphonenumber's length check and parse errors for a person. Only called for tokens that
 * failed, so the extra parse inside the length check costs nothing on valid lists.
 * `parsed` is the failed reading, when libphonenumber got that far; it names the country.
 */
export function invalidReason(text: string, region: CountryCode | undefined, parsed: PhoneNumber | undefined): string {
  const where = region === undefined ? placeOf(parsed) : undefined;
  switch (lengthProblem(text, region)) {
    case 'TOO_SHORT':
      return 'too short';
    case 'TOO_LONG':
      return 'too long';
    case 'INVALID_COUNTRY':
      return 'unknown country code';
    case 'NOT_A_NUMBER':
      return 'not a phone number';
    case 'INVALID_LENGTH':
      return where === undefined ? 'wrong length' : `wrong length for ${where}`;
    default:
      // The length is possible but the digits fall in no range the metadata knows.
      return where === undefined ? 'not a valid number' : `not a valid number for ${where}`;
  }
}

function placeOf(parsed: PhoneNumber | undefined): string | undefined {
  if (parsed === undefined) return undefined;
  return parsed.country ?? `+${parsed.countryCallingCode}`;
}
