// Sending a list again that was partly sent would post its accepted destinations twice: find the
// stored send of the same request so the composer offers to go on with it instead.
import { requestFields } from '../composer/buildSendInput';
import { sendFingerprint } from '../core/sends/journal';
import { isComplete, sendProgress } from '../core/sends/sendProgress';
import type { ComposerDraft } from '../protocol/composerProtocol';
import type { SendRecord } from './sendRecord';

/**
 * The newest unfinished send of this request: with `numbers` (the unique destinations about to go
 * out), by fingerprint; without them (a draft just restored), by the draft's own fields.
 */
export function findUnfinishedSend(sends: readonly SendRecord[], draft: ComposerDraft, numbers?: readonly string[]): SendRecord | undefined {
  const fingerprint = numbers ? sendFingerprint({ ...requestFields(draft), text: draft.text }, numbers) : undefined;
  return sends.find((record) => {
    const same = fingerprint
      ? record.fingerprint === fingerprint
      : !record.draftTrimmed && record.draft.destinations === draft.destinations && record.draft.text === draft.text && record.draft.sender.value === draft.sender.value;
    return same && record.profileId === draft.profileId && !isComplete(sendProgress(record));
  });
}
