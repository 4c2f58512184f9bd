import { isPlivoError, type PlivoError } from '../core/client';
import type { SendFailure } from '../protocol/composerProtocol';

/** Turns anything a send can throw into what the user reads: what happened and what to do next. */
export function describeFailure(error: unknown, profileName: string): SendFailure {
  if (!isPlivoError(error)) {
    return { title: 'The send failed', detail: error instanceof Error ? error.message : String(error), nextStep: 'Check the request and try again.' };
  }
  return describePlivoError(error, profileName);
}

function describePlivoError(error: PlivoError, profileName: string): SendFailure {
  const unsure = 'It may have reached the server: check the Sends view or the Plivo console before sending again, or SMS may go out twice.';
  switch (error.kind) {
    case 'api':
      if (error.status === 401) {
        return { title: 'Authentication failed (401)', detail: error.serverMessage, status: 401, apiId: error.apiId, nextStep: `Check the auth ID and token of profile "${profileName}" (Bulk Messaging: Edit Profile), then send again.` };
      }
      if (error.status >= 500) {
        return { title: `Server error (${error.status})`, detail: error.serverMessage, status: error.status, apiId: error.apiId, nextStep: unsure };
      }
      return { title: `Request rejected (${error.status})`, detail: error.serverMessage, status: error.status, apiId: error.apiId, nextStep: 'Fix the request as the message says, then send again. Nothing was queued.' };
    case 'rate-limited':
      return {
        title: 'Too many requests (429)',
        detail: error.serverMessage,
        status: 429,
        apiId: error.apiId,
        nextStep: error.retryAfterSeconds !== undefined ? `Wait ${error.retryAfterSeconds} s, then send again. Nothing was queued.` : 'Wait a few seconds, then send again. Nothing was queued.',
      };
    case 'malformed-response':
      return { title: `Unexpected response (HTTP ${error.status})`, detail: `${error.problem}: ${error.snippet}`, status: error.status, nextStep: `Check the profile's base URL. ${unsure}` };
    case 'timeout':
      return error.mayHaveReachedServer
        ? { title: 'The server did not answer in time', detail: error.message, nextStep: unsure }
        : { title: 'Could not connect in time', detail: error.message, nextStep: 'Nothing was sent. Check the network or the base URL, then send again.' };
    case 'network':
      return error.mayHaveReachedServer
        ? { title: 'The connection broke', detail: error.message, nextStep: unsure }
        : { title: 'Could not connect', detail: error.message, nextStep: 'Nothing was sent. Check the network or the base URL, then send again.' };
    case 'aborted':
      return { title: 'Cancelled', detail: error.message, nextStep: error.mayHaveReachedServer ? unsure : 'Nothing was sent.' };
  }
}
