// The live text counter's words, from analyseSegments. Pure: unit-tested without a DOM.
import type { SegmentInfo } from '../../core/segments';

export interface CounterText {
  /** "42 characters · 1 part · 118 left in this part · GSM-7". */
  summary: string;
  /** Why the text is UCS-2, when it is. */
  detail?: string;
  /** Set when the text is longer than the API accepts. */
  error?: string;
}

const n = (value: number): string => value.toLocaleString('en-US');
const plural = (count: number, one: string, many: string): string => `${n(count)} ${count === 1 ? one : many}`;

/** Describes a character so invisible or look-alike ones (a non-breaking space, a curly quote) can be found. */
export function describeCharacter(ch: string): string {
  const code = ch.codePointAt(0) ?? 0;
  const hex = code.toString(16).toUpperCase().padStart(4, '0');
  const visible = /^[\p{L}\p{N}\p{P}\p{S}]$/u.test(ch) ? `“${ch}” ` : '';
  return `${visible}U+${hex}`;
}

/** The counter for a text: length, parts, room left in this part, encoding, and why it is UCS-2. */
export function counterText(info: SegmentInfo, maxListed = 8): CounterText {
  const unit = info.encoding === 'GSM-7' ? 'character' : 'unit';
  const summary = [
    plural(info.characters, 'character', 'characters'),
    plural(info.parts, 'part', 'parts'),
    `${plural(info.remainingInPart, unit, `${unit}s`)} left in this part`,
    info.encoding === 'GSM-7' ? 'GSM-7' : `UCS-2 (${info.perPart} per part)`,
  ].join(' · ');
  let detail: string | undefined;
  if (info.nonGsmCharacters.length > 0) {
    const listed = info.nonGsmCharacters.slice(0, maxListed).map(describeCharacter).join(', ');
    const more = info.nonGsmCharacters.length > maxListed ? ` and ${n(info.nonGsmCharacters.length - maxListed)} more` : '';
    detail = `UCS-2 because of ${listed}${more}. Replace ${info.nonGsmCharacters.length === 1 ? 'it' : 'them'} to fit 160 characters per part.`;
  }
  let error: string | undefined;
  if (info.overLimit) {
    const over = n(info.lengthForLimit - info.limit);
    error = info.encoding === 'GSM-7'
      ? `Too long: an SMS may have at most ${n(info.limit)} characters. Remove ${over}.`
      : `Too long: UCS-2 text may have at most ${n(info.limit)} units. Remove ${over}, or replace the characters above to get the 1,600-character GSM-7 limit.`;
  }
  return { summary, detail, error };
}
