// A second Send of the same draft posts the same bulk again, paid SMS to every number twice: find
// the earlier send of this message so the composer can ask first. Pure (no vscode), unit-tested.
import type { ComposerDraft } from '../protocol/composerProtocol';
import type { SendRecord } from '../sends/sendRecord';

/**
 * "Most of them": more than this share of the numbers about to go out were already reached. Asking
 * costs a click; not asking costs a paid SMS to each of them.
 */
export const REPEAT_OVERLAP = 0.5;

/** An earlier send of the same message from the same profile, as the question names it. */
export interface EarlierSend {
  sendId: string;
  /** When it was sent (ISO). */
  createdAt: string;
  profileName: string;
  isSandbox: boolean;
  /** How many of the numbers about to go out it already reached. */
  reached: number;
  /** How many are about to go out. */
  of: number;
}

/**
 * The newest send from this profile with the same text and sender whose accepted destinations
 * include all or most (more than REPEAT_OVERLAP) of `numbers`; undefined when there is none.
 * `sends` are newest first, as the history lists them.
 */
export function findEarlierSend(sends: readonly SendRecord[], draft: ComposerDraft, numbers: readonly string[]): EarlierSend | undefined {
  if (numbers.length === 0) return undefined;
  const wanted = new Set(numbers);
  const sender = draft.sender.value.trim();
  for (const record of sends) {
    if (record.profileId !== draft.profileId || record.draft.text !== draft.text) continue;
    if (record.draft.sender.kind !== draft.sender.kind || record.draft.sender.value.trim() !== sender) continue;
    let reached = 0;
    for (const batch of record.batches) {
      for (const destination of batch.destinations) {
        if (destination.result === 'accepted' && wanted.has(destination.number)) reached += 1;
      }
    }
    if (reached > REPEAT_OVERLAP * numbers.length) {
      return { sendId: record.id, createdAt: record.createdAt, profileName: record.profileName, isSandbox: record.isSandbox, reached, of: numbers.length };
    }
  }
  return undefined;
}

const n = (value: number): string => value.toLocaleString('en-US');

/** "at 19:24 today", "yesterday at 08:05", "on 1 Dec 2026 at 19:24", in the local time zone. */
export function whenText(iso: string, now: Date = new Date()): string {
  const at = new Date(iso);
  const time = `${String(at.getHours()).padStart(2, '0')}:${String(at.getMinutes()).padStart(2, '0')}`;
  const day = (date: Date) => `${date.getFullYear()}-${date.getMonth()}-${date.getDate()}`;
  if (day(at) === day(now)) return `at ${time} today`;
  const yesterday = new Date(now);
  yesterday.setDate(now.getDate() - 1);
  if (day(at) === day(yesterday)) return `yesterday at ${time}`;
  const date = at.toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });
  return `on ${date} at ${time}`;
}

/** The question before a repeat, for every profile (the sandbox too): when, and how many. */
export function repeatQuestion(earlier: EarlierSend, now?: Date): { message: string; detail: string } {
  const howMany =
    earlier.of === 1 ? 'this number' : earlier.reached === earlier.of ? `all ${n(earlier.of)} of these numbers` : `${n(earlier.reached)} of these ${n(earlier.of)} numbers`;
  const cost = earlier.isSandbox ? 'Each of them gets it a second time.' : 'Each of them gets it, and is charged for it, a second time.';
  return {
    message: `You already sent this message ${whenText(earlier.createdAt, now)} to ${howMany}. Send it again?`,
    detail: `Same text and sender, from “${earlier.profileName}”. ${cost} To send something new, change the draft first.`,
  };
}
