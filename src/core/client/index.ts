// The Plivo Message API client: import from here (`src/core/client`).
export { DEFAULT_BASE_URL, PlivoClient } from './plivoClient';
export {
  type HttpMethod,
  isPlivoError,
  PlivoAbortError,
  PlivoApiError,
  PlivoClientError,
  type PlivoError,
  type PlivoErrorKind,
  PlivoMalformedResponseError,
  PlivoNetworkError,
  PlivoRateLimitError,
  PlivoTimeoutError,
  type RequestContext,
  type TimeoutPhase,
} from './errors';
export { baseUrlProblem } from './baseUrl';
export { type ClientDefaults, setClientDefaults } from './defaults';
export { describeFailure, type FailedAction, type FailureDescription } from './describeFailure';
export { parseRetryAfter } from './retryAfter';
export { redact, removeSecrets, secretForms, snippet, SNIPPET_MAX_CHARS } from './redact';
export type * from './types';
