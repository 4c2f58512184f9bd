// The words of the "are you sure?" dialog shown before sending with a real (non-sandbox) profile.
import { MAX_DESTINATIONS } from '../core/request';
import { analyseSegments } from '../core/segments';
import { placeholdersIn } from '../protocol/composerDraft';

export interface ConfirmationFacts {
  profileName: string;
  profileKind: 'live' | 'sandbox' | 'custom';
  /** Where the profile sends, e.g. https://api.plivo.com. */
  baseUrl: string;
  destinations: number;
  skippedInvalid: number;
  skippedDuplicates: number;
  text: string;
  type: 'sms' | 'mms';
  /** Per country, cost, time and the warnings that cost money (estimateText.ts), when known. */
  estimate?: string[];
}

export interface ConfirmationText {
  message: string;
  detail: string;
  /** The label of the button that sends; the dialog's own Cancel declines. */
  confirm: string;
}

const n = (value: number): string => value.toLocaleString('en-US');
const plural = (count: number, one: string, many: string): string => `${n(count)} ${count === 1 ? one : many}`;

/** States destinations, parts per message, total units and the profile, so nothing is sent by surprise. */
export function confirmationText(facts: ConfirmationFacts): ConfirmationText {
  const segments = analyseSegments(facts.text);
  // An MMS is billed as one message whatever its length.
  const parts = facts.type === 'mms' ? 1 : Math.max(1, segments.parts);
  const units = parts * facts.destinations;
  const batches = Math.ceil(facts.destinations / MAX_DESTINATIONS);
  const where = facts.profileKind === 'live' ? 'Plivo (real messages, charged to the account)' : facts.baseUrl;

  const lines = [
    `Destinations: ${plural(facts.destinations, 'unique number', 'unique numbers')}` +
      (batches > 1 ? ` in ${n(batches)} requests of up to ${n(MAX_DESTINATIONS)}` : ''),
  ];
  const skipped = [
    facts.skippedInvalid > 0 ? `${plural(facts.skippedInvalid, 'invalid entry', 'invalid entries')}` : '',
    facts.skippedDuplicates > 0 ? `${plural(facts.skippedDuplicates, 'duplicate', 'duplicates')}` : '',
  ].filter(Boolean);
  if (skipped.length > 0) lines.push(`Not sent: ${skipped.join(' and ')}`);
  lines.push(
    facts.type === 'mms'
      ? 'Parts per message: 1 (MMS)'
      : `Parts per message: ${n(parts)} (${segments.encoding}, ${plural(segments.characters, 'character', 'characters')})`,
  );
  lines.push(`Total units: ${n(units)}`);
  const placeholders = placeholdersIn(facts.text);
  if (placeholders.length > 0) lines.push(`Sent as typed: ${placeholders.join(', ')} (Plivo sends the same text to every number)`);
  if (facts.estimate) lines.push(...facts.estimate);
  lines.push(`Profile: ${facts.profileName} — ${where}`);

  return {
    message: `Send ${plural(facts.destinations, 'message', 'messages')} with “${facts.profileName}”?`,
    detail: lines.join('\n'),
    confirm: `Send ${plural(units, 'unit', 'units')}`,
  };
}
