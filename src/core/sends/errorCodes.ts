// Delivery error codes as Plivo documents them (see shared/plivo-api.md), so the tree can say
// what "30" means without a trip to the docs.

const MEANINGS: Readonly<Record<string, string>> = {
  '000': 'delivered',
  '10': 'invalid message',
  '20': 'network error',
  '30': 'spam detected',
  '40': 'invalid source',
  '50': 'invalid destination',
  '60': 'loop detected',
  '70': 'destination permanently unavailable',
  '80': 'destination temporarily unavailable',
  '90': 'no route',
  '100': 'prohibited by carrier',
  '110': 'message too long',
  '200': 'blocked by STOP',
  '201': 'US toll-free to Canada blocked',
  '420': 'message expired',
  '450': 'destination country barred',
  '900': 'insufficient credit',
  '1000': 'unknown',
};

/** The documented meaning of a delivery error code, or undefined for a code Plivo does not list. */
export function errorCodeMeaning(code: string): string | undefined {
  return MEANINGS[code.trim()];
}

/** "30 (spam detected)", or the bare code when its meaning is not documented. */
export function describeErrorCode(code: string): string {
  const meaning = errorCodeMeaning(code);
  return meaning ? `${code} (${meaning})` : code;
}

/** True for a code that reports a problem (000 is the "delivered" code, not an error). */
export function isErrorCode(code: string | undefined): code is string {
  return code !== undefined && code !== '' && code !== '000' && code !== '0';
}
