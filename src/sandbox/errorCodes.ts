/** Plivo's delivery error codes and their meaning (from the Message API docs). */
export const DELIVERY_ERROR_CODES: Readonly<Record<string, string>> = {
  '000': '',
  '10': 'Invalid Message',
  '20': 'Network Error',
  '30': 'Spam Detected',
  '40': 'Invalid Source Number',
  '50': 'Invalid Destination Number',
  '60': 'Loop Detected',
  '70': 'Destination Permanently Unavailable',
  '80': 'Destination Temporarily Unavailable',
  '90': 'No Route Available',
  '100': 'Prohibited by Carrier',
  '110': 'Message Too Long',
  '200': 'Source number blocked by STOP from destination number',
  '201': 'US toll-free to Canada blocked',
  '420': 'Message Expired',
  '450': 'Destination Country Barred',
  '900': 'Insufficient Credit',
  '1000': 'Unknown Error',
};

/** The human text for an error code ("" when none or unknown). */
export function errorMessageFor(code: string | null): string {
  return code === null ? '' : (DELIVERY_ERROR_CODES[code] ?? '');
}
