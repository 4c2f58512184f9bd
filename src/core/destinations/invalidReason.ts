import { lengthProblemOf, type CountryCode, type ParseProblem, type PhoneNumber } from './phoneMetadata';

/**
 * Words why a token is not a valid number, for a person, from what parseKey made of it: the parse
 * error, or the invalid number (then its length, else its range, is at fault). No second parse.
 * With a `region`, the token was read as a national number of it and the reason says so.
 */
export function invalidReason(region: CountryCode | undefined, parsed: PhoneNumber | ParseProblem): string {
  const asNational = region === undefined ? '' : ` as a ${region} number`;
  switch (typeof parsed === 'string' ? parsed : lengthProblemOf(parsed)) {
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

function placeOf(parsed: PhoneNumber | ParseProblem): string {
  if (typeof parsed === 'string') return 'its country';
  return parsed.country ?? `+${parsed.countryCallingCode}`;
}
