// Where a whole send stands, and the one piece of advice that follows from it. Advice is never
// read off one batch: "batch 2 got a 429" says nothing about batch 1's messages.
import type { JournalBatch, JournalDestination, SendJournal } from './journal';

export type DestinationStanding = 'accepted' | 'refused' | 'in-doubt' | 'not-sent';

export interface SendProgress {
  /** Unique destinations of the send. */
  total: number;
  /** Queued by Plivo (UUID known). */
  accepted: number;
  /** In the API's `invalid_number` list: Plivo will never send these. */
  refused: number;
  /** A POST may have queued them: check the account before anything else. */
  inDoubt: number;
  /** Certainly not queued (never posted, rejected, or proved absent): "Send the rest" sends these. */
  notSent: number;
}

/** One destination's standing; `undefined` for a copy superseded by a later batch. */
export function standingOf(batch: JournalBatch, destination: JournalDestination): DestinationStanding | undefined {
  if (destination.resentIn !== undefined) return undefined;
  if (destination.result === 'refused') return 'refused';
  if (batch.state === 'in-flight' || batch.state === 'in-doubt') return 'in-doubt';
  if (batch.state === 'pending') return 'not-sent';
  return destination.result ?? 'not-sent';
}

export function sendProgress(journal: SendJournal): SendProgress {
  const progress: SendProgress = { total: 0, accepted: 0, refused: 0, inDoubt: 0, notSent: 0 };
  const key = { accepted: 'accepted', refused: 'refused', 'in-doubt': 'inDoubt', 'not-sent': 'notSent' } as const;
  for (const batch of journal.batches) {
    for (const destination of batch.destinations) {
      const standing = standingOf(batch, destination);
      if (standing === undefined) continue;
      progress.total++;
      progress[key[standing]]++;
    }
  }
  return progress;
}

/** Every unique destination is accepted or refused: nothing is left to do. */
export function isComplete(progress: SendProgress): boolean {
  return progress.inDoubt === 0 && progress.notSent === 0;
}

const count = (n: number): string => n.toLocaleString('en-US');

/** "1,000 accepted, 1,000 in doubt, 500 not sent". */
export function progressLine(progress: SendProgress): string {
  const parts = [`${count(progress.accepted)} accepted`];
  if (progress.refused) parts.push(`${count(progress.refused)} refused by Plivo`);
  if (progress.inDoubt) parts.push(`${count(progress.inDoubt)} in doubt`);
  if (progress.notSent) parts.push(`${count(progress.notSent)} not sent`);
  return `${parts.join(', ')} of ${count(progress.total)}`;
}

/**
 * What to do next, from the whole send. `check` and `rest` name the action in the caller's words
 * (a button in the editor, a command line in the CLI).
 */
export function nextStep(progress: SendProgress, words: { check: string; rest: string }): string {
  if (isComplete(progress)) return 'Nothing left to send.';
  if (progress.inDoubt) {
    const then = progress.notSent ? `, then ${words.rest} for the ${count(progress.notSent)} not sent` : '';
    return `Check the ${count(progress.inDoubt)} in doubt first: they may have been queued. ${words.check}${then}.`;
  }
  return `${words.rest}: only the ${count(progress.notSent)} not sent go out; the ${count(progress.accepted)} accepted are not sent again.`;
}
