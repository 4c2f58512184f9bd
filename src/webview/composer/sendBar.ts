import type { ComposerMessageType, ProfileSummary } from '../../protocol/composerProtocol';
import type { SegmentInfo } from '../../core/segments';

// The sticky bar's one line: what a click on Send would send, so the count, the units and where it
// goes are in view beside the button ("Send 14 SMS · 14 units · Local sandbox").

const n = (value: number): string => value.toLocaleString('en-US');

export interface SendBarFacts {
  /** Unique valid numbers of the latest analysis. */
  numbers: number;
  segments: SegmentInfo;
  type: ComposerMessageType;
  profile: ProfileSummary | undefined;
}

export function sendBarText(facts: SendBarFacts): string {
  if (facts.numbers === 0) return 'Nothing to send yet: add destination numbers.';
  // An MMS is billed as one message whatever its length.
  const parts = facts.type === 'mms' ? 1 : Math.max(1, facts.segments.parts);
  const units = parts * facts.numbers;
  const what = `${n(facts.numbers)} ${facts.type === 'mms' ? 'MMS' : 'SMS'}`;
  const where = facts.profile ? ` · ${facts.profile.name}${facts.profile.kind === 'live' ? ' (live, charged)' : ''}` : '';
  return `Send ${what} · ${n(units)} ${units === 1 ? 'unit' : 'units'}${where}`;
}
