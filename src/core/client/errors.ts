// Errors the Plivo client throws. None of them holds request headers, options or a raw undici
// error, so the auth token cannot leak through a message, a stack, JSON or a cause chain.

export type HttpMethod = 'GET' | 'POST';

/** Which request failed: method and URL (the URL never holds credentials). */
export interface RequestContext {
  method: HttpMethod;
  url: string;
}

export type PlivoErrorKind = 'api' | 'rate-limited' | 'malformed-response' | 'network' | 'timeout' | 'aborted';

/** Base of every client error; `kind` tells them apart. */
export abstract class PlivoClientError extends Error {
  abstract readonly kind: PlivoErrorKind;
  readonly method: HttpMethod;
  readonly url: string;
  /** False only when the request certainly never reached the server: then a retry cannot duplicate it. */
  readonly mayHaveReachedServer: boolean;

  protected constructor(message: string, context: RequestContext, mayHaveReachedServer: boolean) {
    super(message);
    this.method = context.method;
    this.url = context.url;
    this.mayHaveReachedServer = mayHaveReachedServer;
  }

  /** Plain data for logs and webview messages. */
  toJSON(): Record<string, unknown> {
    return { name: this.name, message: this.message, ...Object.fromEntries(Object.entries(this)) };
  }
}

/** Plivo answered with its `{api_id, error}` body and a non-2xx status (400, 401, 404, 405, 5xx …). */
export class PlivoApiError extends PlivoClientError {
  override readonly name = 'PlivoApiError';
  readonly kind = 'api';
  constructor(
    message: string,
    context: RequestContext,
    readonly status: number,
    readonly serverMessage: string,
    readonly apiId?: string,
  ) {
    super(message, context, true);
  }
}

/** HTTP 429: too many requests; `retryAfterSeconds` when the server said how long to wait. */
export class PlivoRateLimitError extends PlivoClientError {
  override readonly name = 'PlivoRateLimitError';
  readonly kind = 'rate-limited';
  readonly status = 429;
  constructor(
    message: string,
    context: RequestContext,
    readonly serverMessage: string,
    readonly retryAfterSeconds?: number,
    readonly apiId?: string,
  ) {
    super(message, context, true);
  }
}

/** The body was not the JSON Plivo sends (HTML, truncated, wrong shape); `snippet` is a short redacted excerpt. */
export class PlivoMalformedResponseError extends PlivoClientError {
  override readonly name = 'PlivoMalformedResponseError';
  readonly kind = 'malformed-response';
  constructor(
    message: string,
    context: RequestContext,
    readonly status: number,
    /** What was wrong, e.g. "is not JSON" or "has no message_uuid list". */
    readonly problem: string,
    readonly snippet: string,
  ) {
    super(message, context, true);
  }
}

/** The connection failed (refused, DNS, reset, TLS …); `code` is the system or undici code. */
export class PlivoNetworkError extends PlivoClientError {
  override readonly name = 'PlivoNetworkError';
  readonly kind = 'network';
  constructor(message: string, context: RequestContext, mayHaveReachedServer: boolean, readonly code: string) {
    super(message, context, mayHaveReachedServer);
  }
}

export type TimeoutPhase = 'connect' | 'headers' | 'body';

/** No progress within a timeout: connecting (never sent), waiting for headers, or reading the body. */
export class PlivoTimeoutError extends PlivoClientError {
  override readonly name = 'PlivoTimeoutError';
  readonly kind = 'timeout';
  constructor(
    message: string,
    context: RequestContext,
    readonly phase: TimeoutPhase,
    readonly timeoutMs?: number,
  ) {
    super(message, context, phase !== 'connect');
  }
}

/** The caller's AbortSignal fired. */
export class PlivoAbortError extends PlivoClientError {
  override readonly name = 'PlivoAbortError';
  readonly kind = 'aborted';
  constructor(message: string, context: RequestContext, mayHaveReachedServer: boolean) {
    super(message, context, mayHaveReachedServer);
  }
}

/** Every error the client throws for a request. */
export type PlivoError =
  | PlivoApiError
  | PlivoRateLimitError
  | PlivoMalformedResponseError
  | PlivoNetworkError
  | PlivoTimeoutError
  | PlivoAbortError;

/** Narrows an unknown thrown value to a client error. */
export function isPlivoError(value: unknown): value is PlivoError {
  return value instanceof PlivoClientError;
}
