// Plivo's delivery error codes — the one home for their meanings. `meaning` is the short wording the
// workbench shows ("30 (spam detected)"); `apiMessage` is the `error_message` text of Plivo's
// message resource, which the sandbox answers with.

interface ErrorCodeFacts {
  meaning: string;
  apiMessage: string;
}

export const DELIVERY_ERROR_CODES: Readonly<Record<string, ErrorCodeFacts>> = {
  '000': { meaning: 'delivered', apiMessage: '' },
  '10': { meaning: 'invalid message', apiMessage: 'Invalid Message' },
  '20': { meaning: 'network error', apiMessage: 'Network Error' },
  '30': { meaning: 'spam detected', apiMessage: 'Spam Detected' },
  '40': { meaning: 'invalid source', apiMessage: 'Invalid Source Number' },
  '50': { meaning: 'invalid destination', apiMessage: 'Invalid Destination Number' },
  '60': { meaning: 'loop detected', apiMessage: 'Loop Detected' },
  '70': { meaning: 'destination permanently unavailable', apiMessage: 'Destination Permanently Unavailable' },
  '80': { meaning: 'destination temporarily unavailable', apiMessage: 'Destination Temporarily Unavailable' },
  '90': { meaning: 'no route', apiMessage: 'No Route Available' },
  '100': { meaning: 'prohibited by carrier', apiMessage: 'Prohibited by Carrier' },
  '110': { meaning: 'message too long', apiMessage: 'Message Too Long' },
  '200': { meaning: 'blocked by STOP', apiMessage: 'Source number blocked by STOP from destination number' },
  '201': { meaning: 'US toll-free to Canada blocked', apiMessage: 'US toll-free to Canada blocked' },
  '420': { meaning: 'message expired', apiMessage: 'Message Expired' },
  '450': { meaning: 'destination country barred', apiMessage: 'Destination Country Barred' },
  '900': { meaning: 'insufficient credit', apiMessage: 'Insufficient Credit' },
  '1000': { meaning: 'unknown', apiMessage: 'Unknown Error' },
};

/** The error codes a message can fail or be undelivered with (every code but 000). */
export const FAILURE_ERROR_CODES: readonly string[] = Object.keys(DELIVERY_ERROR_CODES).filter((code) => code !== '000');

/** The documented meaning of a delivery error code, or undefined for a code Plivo does not list. */
export function errorCodeMeaning(code: string): string | undefined {
  return DELIVERY_ERROR_CODES[code.trim()]?.meaning;
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

/** The message resource's `error_message` for a code ("" when none or unknown). */
export function apiErrorMessage(code: string | null): string {
  return code === null ? '' : (DELIVERY_ERROR_CODES[code]?.apiMessage ?? '');
}
