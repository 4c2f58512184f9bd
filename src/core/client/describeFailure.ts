// What the user reads after a failed request: what happened and what to do next, in the words of
// the action that failed — a send (where "may have reached the server" means SMS may go out twice)
// or a connection test (a read: trying again is harmless).
import { isPlivoError, type PlivoError } from './errors';

/** Same shape as the composer protocol's SendFailure, so a send can pass it on as it is. */
export interface FailureDescription {
  title: string;
  detail: string;
  nextStep: string;
  status?: number;
  apiId?: string;
}

export type FailedAction = 'send' | 'test';

const TITLES_BY_CODE: Record<string, string> = {
  PROXY_AUTH_REQUIRED: 'Proxy authentication required (407)',
  PROXY_UNREACHABLE: 'Could not reach the proxy',
  PROXY_REFUSED: 'The proxy refused the connection',
  PROXY_INVALID: 'The proxy setting cannot be used',
  ERR_TLS_CERT_ALTNAME_INVALID: 'The certificate is for another host',
};
const UNTRUSTED = /^(UNABLE_TO_|SELF_SIGNED_|DEPTH_ZERO_|CERT_UNTRUSTED|CERT_SIGNATURE_FAILURE)/;

/** Turns anything a request can throw into a title, the detail and the next step for `action`. */
export function describeFailure(error: unknown, profileName: string, action: FailedAction = 'send'): FailureDescription {
  const again = action === 'send' ? 'send again' : 'test again';
  if (!isPlivoError(error)) {
    return { title: action === 'send' ? 'The send failed' : 'The test failed', detail: error instanceof Error ? error.message : String(error), nextStep: `Check the request and ${again}.` };
  }
  return describePlivoError(error, profileName, action, again);
}

function describePlivoError(error: PlivoError, profileName: string, action: FailedAction, again: string): FailureDescription {
  const unsure =
    action === 'send'
      ? 'It may have reached the server: check the Sends view or the Plivo console before sending again, or SMS may go out twice.'
      : 'Try again in a moment; a test sends no SMS.';
  const nothingSent = action === 'send' ? 'Nothing was queued.' : '';
  const withNothingSent = (text: string) => [text, nothingSent].filter(Boolean).join(' ');
  switch (error.kind) {
    case 'api':
      if (error.status === 401) {
        return { title: 'Authentication failed (401)', detail: error.serverMessage, status: 401, apiId: error.apiId, nextStep: `Check the auth ID and token of profile "${profileName}" (Bulk Messaging: Edit Profile), then ${again}.` };
      }
      if (error.status >= 500) {
        return { title: `Server error (${error.status})`, detail: error.serverMessage, status: error.status, apiId: error.apiId, nextStep: unsure };
      }
      return { title: `Request rejected (${error.status})`, detail: error.serverMessage, status: error.status, apiId: error.apiId, nextStep: withNothingSent(`Fix the request as the message says, then ${again}.`) };
    case 'rate-limited':
      return {
        title: 'Too many requests (429)',
        detail: error.serverMessage,
        status: 429,
        apiId: error.apiId,
        nextStep: withNothingSent(error.retryAfterSeconds !== undefined ? `Wait ${error.retryAfterSeconds} s, then ${again}.` : `Wait a few seconds, then ${again}.`),
      };
    case 'malformed-response':
      return { title: `Unexpected response (HTTP ${error.status})`, detail: `${error.problem}: ${error.snippet}`, status: error.status, nextStep: `Check the profile's base URL. ${unsure}` };
    case 'timeout':
      return error.mayHaveReachedServer
        ? { title: 'The server did not answer in time', detail: error.message, nextStep: unsure }
        : { title: 'Could not connect in time', detail: error.message, nextStep: `Nothing was sent. Check the network or the base URL, then ${again}.` };
    case 'network': {
      if (error.mayHaveReachedServer) return { title: 'The connection broke', detail: error.message, nextStep: unsure };
      // Proxy and certificate messages already name the setting that fixes them.
      const title = TITLES_BY_CODE[error.code] ?? (UNTRUSTED.test(error.code) ? 'Certificate not trusted' : 'Could not connect');
      const nextStep = title === 'Could not connect' ? `Nothing was sent. Check the network or the base URL, then ${again}.` : `Change the setting the message names, then ${again}.`;
      return { title, detail: error.message, nextStep };
    }
    case 'aborted':
      return { title: 'Cancelled', detail: error.message, nextStep: error.mayHaveReachedServer ? unsure : 'Nothing was sent.' };
  }
}
