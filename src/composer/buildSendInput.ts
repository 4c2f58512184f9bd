// Turns the composer's draft into what will be sent, or into errors shown beside the fields.
import type { DestinationAnalysis } from '../core/destinations/types';
import { MAX_DESTINATIONS, validateMessageRequest, type MessageRequest } from '../core/request';
import type { ComposerDraft, FieldProblem } from '../protocol/composerProtocol';
import { inFieldWords } from './fieldWords';

/** What a valid draft will send. */
export interface SendPlan {
  /** Unique valid numbers in E.164, in input order. */
  numbers: string[];
  /** Invalid entries as typed: shown, recorded, not sent. */
  skippedInvalid: string[];
  skippedDuplicates: number;
}

/** The request fields a draft gives (everything but `dst`); blank optional fields are left out. */
export function requestFields(draft: ComposerDraft): Omit<MessageRequest, 'dst'> {
  const sender = draft.sender.value.trim();
  const url = draft.callbackUrl.trim();
  return {
    ...(draft.sender.kind === 'src' ? { src: sender } : { powerpack_uuid: sender }),
    text: draft.text,
    type: draft.type,
    ...(url === '' ? {} : { url, method: draft.callbackMethod }),
  };
}

/**
 * Checks the draft against the API's rules and the destination analysis. Returns what will be sent,
 * or every problem found (one pass, so the user can fix them all at once).
 */
export function buildSendInput(
  draft: ComposerDraft,
  analysis: DestinationAnalysis | undefined,
  analysisProblem: string | undefined,
): { ok: true; plan: SendPlan } | { ok: false; errors: FieldProblem[] } {
  const errors: FieldProblem[] = [];
  if (!draft.profileId) errors.push({ field: 'profile', message: 'Choose a profile to send with.' });
  const request = requestFields(draft);
  const unique = analysis?.unique ?? [];
  const destinationsProblem = describeDestinationsProblem(analysis, analysisProblem);
  if (destinationsProblem) errors.push({ field: 'destinations', message: destinationsProblem });
  // Batches are checked one at a time by the API, so validate with the first batch's dst.
  const dst = unique.length > 0 ? unique.slice(0, MAX_DESTINATIONS).join('<') : '+0';
  for (const error of validateMessageRequest({ ...request, dst })) {
    if (error.field === 'dst' && destinationsProblem) continue;
    errors.push(inFieldWords(error, draft));
  }
  if (errors.length > 0 || !analysis) return { ok: false, errors };
  return {
    ok: true,
    plan: {
      numbers: [...unique],
      skippedInvalid: analysis.entries.filter((entry) => entry.status === 'invalid').map((entry) => entry.input),
      skippedDuplicates: analysis.counts.duplicate,
    },
  };
}

function describeDestinationsProblem(analysis: DestinationAnalysis | undefined, problem: string | undefined): string | undefined {
  if (problem) return problem;
  if (!analysis || analysis.counts.total === 0) return 'Add at least one destination number.';
  if (analysis.unique.length === 0) {
    const n = analysis.counts.total;
    return `None of the ${n.toLocaleString('en-US')} ${n === 1 ? 'entry is a valid number' : 'entries is a valid number'}: fix them (see the preview), or use international format such as +14155550123.`;
  }
  return undefined;
}
