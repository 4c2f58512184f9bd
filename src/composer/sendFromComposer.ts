import type { DestinationAnalysis } from '../core/destinations/types';
import type { ComposerDraft, HostToWebview, SendOutcome } from '../protocol/composerProtocol';
import { buildSendInput } from './buildSendInput';
import type { ComposerDeps } from './composerDeps';
import { confirmSend } from './confirmSend';
import { costLines, countriesLine } from '../core/estimate/estimateText';

export interface SendContext {
  deps: ComposerDeps;
  analysis: DestinationAnalysis | undefined;
  analysisProblem: string | undefined;
  post(message: HostToWebview): Promise<void>;
}

/**
 * One click of Send: validate, confirm (any profile but the sandbox, and any repeat of an earlier
 * send), then hand over to the send
 * service. Every path ends with exactly one message the webview waits for: fieldErrors,
 * sendCancelled or sendResult.
 */
export async function sendFromComposer(draft: ComposerDraft, context: SendContext): Promise<void> {
  const built = buildSendInput(draft, context.analysis, context.analysisProblem);
  const profile = draft.profileId ? context.deps.profiles.get(draft.profileId) : undefined;
  if (!built.ok || !profile) {
    const errors = built.ok ? [] : built.errors;
    if (!profile && !errors.some((error) => error.field === 'profile')) {
      errors.unshift({ field: 'profile', message: 'That profile no longer exists: choose another.' });
    }
    await context.post({ type: 'fieldErrors', errors });
    return;
  }
  const { plan } = built;
  const unfinished = context.deps.unfinishedSend?.(draft, plan.numbers);
  if (unfinished) {
    // Sending it all again would post the accepted destinations twice: go on with that send instead.
    await context.post({ type: 'notice', level: 'info', message: 'Not sent: this request was already partly sent. Check Now or Send the Rest goes on with that send; the accepted destinations are not sent again.' });
    await context.post({ type: 'sendResult', outcome: unfinished });
    return;
  }
  // The same message to the same numbers again is asked about on every profile, the sandbox too.
  const earlier = context.deps.earlierSend?.(draft, plan.numbers);
  // A live send's dialog adds the estimate; a failure to make one must not stop the confirmation.
  const estimate =
    profile.kind !== 'sandbox' && context.analysis ? await context.deps.devLoop?.estimate(draft, context.analysis).catch(() => undefined) : undefined;
  const confirmed = await confirmSend(
    {
      estimate: estimate ? [countriesLine(estimate), ...costLines(estimate)] : undefined,
      profileName: profile.name,
      profileKind: profile.kind,
      baseUrl: profile.baseUrl,
      destinations: plan.numbers.length,
      skippedInvalid: plan.skippedInvalid.length,
      skippedDuplicates: plan.skippedDuplicates,
      text: draft.text,
      type: draft.type,
    },
    earlier,
  );
  if (!confirmed) {
    await context.post({ type: 'sendCancelled' });
    return;
  }
  const outcome = await context.deps
    .send({ profile, draft, numbers: plan.numbers, skippedInvalid: plan.skippedInvalid }, (index, total) => {
      void context.post({ type: 'sending', batch: index + 1, batches: total });
    })
    .catch((error: unknown) => unexpectedFailure(error));
  const skipped = { invalid: plan.skippedInvalid.length, duplicates: plan.skippedDuplicates };
  await context.post(outcome ? { type: 'sendResult', outcome, at: new Date().toISOString(), skipped } : { type: 'sendCancelled' });
}

// The send service reports HTTP and network failures in its outcome; this covers a failure outside
// a request (e.g. the sandbox would not start), so the draft and the webview stay usable.
export function unexpectedFailure(error: unknown): SendOutcome {
  return {
    sendId: '',
    stop: 'cancelled',
    title: 'The send stopped unexpectedly',
    progress: { total: 0, accepted: 0, refused: 0, inDoubt: 0, notSent: 0 },
    summary: '',
    nextStep: 'Your draft is kept. Check the Sends view for any request already posted before you send again.',
    batches: [],
    failure: {
      title: 'The send stopped unexpectedly',
      detail: error instanceof Error ? error.message : String(error),
      nextStep: 'Your draft is kept. Check the Sends view for any request already posted before you send again.',
    },
  };
}
