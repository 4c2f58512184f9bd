// Deterministic delivery outcomes by destination, in the style of Twilio's test numbers.
// All of them are real-looking, fully valid US numbers (libphonenumber "max" metadata): NANP reserves
// 555-0100…0199 for fiction, so none of them can ever reach a person.

/** What the delivery simulator does with a message. */
export type DeliveryOutcome =
  | { kind: 'deliver' }
  /** Delivered after the slow delay, or after `afterMs` (a chaos rule's slow receipt). */
  | { kind: 'slow'; afterMs?: number }
  | { kind: 'staySent' }
  | { kind: 'fail'; errorCode: string }
  | { kind: 'undeliver'; errorCode: string };

/** One row of the magic-number table. */
export interface MagicNumberRange {
  /** First and last number of the range, digits only (as stored, no `+`). */
  first: string;
  last: string;
  outcome: DeliveryOutcome;
  description: string;
}

/** The documented table; anything not listed is delivered normally. */
export const MAGIC_NUMBERS: readonly MagicNumberRange[] = [
  { first: '12015550130', last: '12015550139', outcome: { kind: 'fail', errorCode: '30' }, description: 'failed, error 30 (spam detected)' },
  { first: '12015550150', last: '12015550150', outcome: { kind: 'fail', errorCode: '50' }, description: 'failed, error 50 (invalid destination)' },
  { first: '12015550170', last: '12015550170', outcome: { kind: 'undeliver', errorCode: '70' }, description: 'undelivered, error 70 (destination permanently unavailable)' },
  { first: '12015550180', last: '12015550180', outcome: { kind: 'undeliver', errorCode: '80' }, description: 'undelivered, error 80 (destination temporarily unavailable)' },
  { first: '12015550190', last: '12015550190', outcome: { kind: 'staySent' }, description: 'stays `sent` forever (no delivery receipt)' },
  { first: '12015550199', last: '12015550199', outcome: { kind: 'slow' }, description: 'delivered, but only after the slow delay (default 30 s)' },
];

const DELIVER: DeliveryOutcome = { kind: 'deliver' };

/** The outcome for a destination given as digits without `+`. */
export function outcomeFor(digits: string): DeliveryOutcome {
  // Same length within the table, so string comparison is numeric comparison.
  for (const range of MAGIC_NUMBERS) {
    if (digits.length === range.first.length && digits >= range.first && digits <= range.last) return range.outcome;
  }
  return DELIVER;
}
