// Turns what went wrong with one request into a typed client error whose message says what to do.
import {
  type HttpMethod,
  PlivoAbortError,
  PlivoApiError,
  type PlivoClientError,
  PlivoMalformedResponseError,
  PlivoNetworkError,
  PlivoRateLimitError,
  PlivoTimeoutError,
  type RequestContext,
  type TimeoutPhase,
} from './errors';
import { proxyAuthAdvice, type RouteContext, routeFailure } from './networkFailures';
import { snippet } from './redact';
import { parseRetryAfter } from './retryAfter';

/** What the failure builders need besides the thrown value or the response. */
export interface FailureContext extends RequestContext {
  /** host[:port] for messages. */
  host: string;
  /** Strings to redact from anything quoted from the server. */
  secrets: readonly string[];
  /** The proxy the request went through, if any, and who configured the network. */
  route?: RouteContext;
}

export interface Timeouts {
  connectMs?: number;
  headersMs?: number;
  bodyMs?: number;
}

const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NODATA', 'EAI_NONAME']);
const UNREACHABLE_CODES = new Set(['ENETUNREACH', 'EHOSTUNREACH', 'EADDRNOTAVAIL', 'ENETDOWN', 'EHOSTDOWN']);
const TIMEOUT_PHASES: Record<string, TimeoutPhase> = {
  UND_ERR_CONNECT_TIMEOUT: 'connect',
  UND_ERR_HEADERS_TIMEOUT: 'headers',
  UND_ERR_BODY_TIMEOUT: 'body',
};
// Only these phrases are quoted: a raw library message is never copied into ours.
const BREAK_DESCRIPTIONS: Record<string, string> = {
  UND_ERR_SOCKET: 'the server closed the connection',
  ECONNRESET: 'connection reset',
  EPIPE: 'broken pipe',
  UND_ERR_DESTROYED: 'the client was destroyed',
};

/** Advice after a request that may have reached Plivo: a send must not simply be repeated. */
export function afterSendAdvice(method: HttpMethod): string {
  return method === 'POST'
    ? 'The messages may have been queued: check the message list before sending again.'
    : 'Try again.';
}

/** Error for a request that threw before a complete response was read. */
export function transportFailure(thrown: unknown, ctx: FailureContext, signal: AbortSignal | undefined, timeouts: Timeouts): PlivoClientError {
  if (signal?.aborted) {
    return new PlivoAbortError(`The request was cancelled while in flight, so it may have reached Plivo. ${afterSendAdvice(ctx.method)}`, ctx, true);
  }
  const code = errorCode(thrown);
  const onTheWay = routeFailure(code, thrown, ctx);
  if (onTheWay) return onTheWay;
  const phase = TIMEOUT_PHASES[code];
  if (phase) return timeoutFailure(phase, ctx, timeouts);
  const notSent = (reason: string, advice: string): PlivoNetworkError =>
    new PlivoNetworkError(`Could not reach ${ctx.host} (${reason}); nothing was sent. ${advice}`, ctx, false, code);
  if (code === 'ECONNREFUSED') return notSent('connection refused', 'Check the base URL and that the server is running, then try again.');
  if (DNS_CODES.has(code)) return notSent(`DNS lookup failed, ${code}`, 'Check the base URL and your network connection.');
  if (UNREACHABLE_CODES.has(code)) return notSent(code, 'Check your network connection.');
  if (/^(ERR_TLS_|ERR_SSL_|CERT_|UNABLE_TO_|DEPTH_ZERO_|SELF_SIGNED_|UND_ERR_PRX_TLS)/.test(code)) {
    return notSent(`TLS handshake failed, ${code}`, 'Check the base URL and any proxy or certificate settings.');
  }
  if (code === 'UND_ERR_INVALID_ARG') return notSent('the request could not be built', 'Check the auth ID, token and base URL for stray characters.');
  if (code === 'UND_ERR_CLOSED') return notSent('the client is closed', 'Create a new client.');
  const description = BREAK_DESCRIPTIONS[code] ?? 'unexpected error';
  return new PlivoNetworkError(
    `The connection to ${ctx.host} broke (${description}, ${code}) after the request was sent, so it may have reached Plivo. ${afterSendAdvice(ctx.method)}`,
    ctx,
    true,
    code,
  );
}

function timeoutFailure(phase: TimeoutPhase, ctx: FailureContext, timeouts: Timeouts): PlivoTimeoutError {
  const ms = phase === 'connect' ? timeouts.connectMs : phase === 'headers' ? timeouts.headersMs : timeouts.bodyMs;
  const within = ms === undefined ? '' : ` within ${formatSeconds(ms)}`;
  const message =
    phase === 'connect'
      ? `Could not connect to ${ctx.host}${within}; nothing was sent. Check the base URL and your network connection.`
      : phase === 'headers'
        ? `Plivo did not answer${within}, and the request may have reached it. ${afterSendAdvice(ctx.method)}`
        : `Plivo's answer stopped arriving (no data${within}); the request reached it. ${afterSendAdvice(ctx.method)}`;
  return new PlivoTimeoutError(message, ctx, phase, ms);
}

/** Error for a complete response with a status outside 2xx. */
export function statusFailure(status: number, text: string, retryAfter: string | string[] | undefined, ctx: FailureContext): PlivoClientError {
  const body = readErrorBody(text, ctx.secrets);
  if (status === 407) {
    // A proxy answered instead of forwarding (absolute-form request): Plivo never saw it.
    const via = ctx.route?.proxy ? `The proxy ${ctx.route.proxy.shown} (from ${ctx.route.proxy.source})` : 'A proxy between you and the server';
    const advice = ctx.route?.proxy ? proxyAuthAdvice(ctx.route.proxy.source, ctx.route.origin) : 'Set the proxy and its credentials (see the README, "Behind a proxy").';
    return new PlivoNetworkError(`${via} asks for credentials (HTTP 407); nothing was sent. ${advice}`, ctx, false, 'PROXY_AUTH_REQUIRED');
  }
  if (status === 429) {
    const wait = parseRetryAfter(retryAfter);
    const serverMessage = body?.error ?? (snippet(text, ctx.secrets) || 'too many requests');
    const advice = wait === undefined ? 'Wait a few seconds before trying again.' : `Wait ${wait} s before trying again.`;
    return new PlivoRateLimitError(`Plivo is rate-limiting this account (HTTP 429: ${serverMessage}). ${advice}`, ctx, serverMessage, wait, body?.apiId);
  }
  if (!body) {
    const problem = text.trim() === '' ? 'is empty' : 'is not Plivo error JSON';
    return malformedFailure(status, problem, text, ctx);
  }
  return new PlivoApiError(`${statusLead(status, ctx)} (HTTP ${status}): ${sentence(body.error)} ${statusAdvice(status, ctx.method)}`, ctx, status, body.error, body.apiId);
}

/** Error for a body that is not what the endpoint returns; `problem` completes "the body …". */
export function malformedFailure(status: number, problem: string, text: string, ctx: FailureContext): PlivoMalformedResponseError {
  const excerpt = snippet(text, ctx.secrets);
  const quoted = excerpt === '' ? '' : `: "${excerpt}"`;
  const advice =
    status >= 200 && status < 300
      ? ctx.method === 'POST'
        ? `${afterSendAdvice('POST')} Also check that the base URL points at the Plivo API.`
        : 'Check that the base URL points at the Plivo API.'
      : statusAdvice(status, ctx.method);
  return new PlivoMalformedResponseError(
    `Plivo answered HTTP ${status} to ${ctx.method} ${new URL(ctx.url).pathname}, but the body ${problem}${quoted}. ${advice}`,
    ctx,
    status,
    problem,
    excerpt,
  );
}

/** Plivo's `{api_id, error}` error body, redacted; undefined when the text is not that. */
function readErrorBody(text: string, secrets: readonly string[]): { error: string; apiId?: string } | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || !('error' in parsed)) return undefined;
  const { error, api_id: apiId } = parsed as { error: unknown; api_id?: unknown };
  // Some endpoints give per-field objects instead of a sentence; show them compactly.
  const raw = typeof error === 'string' ? error : JSON.stringify(error);
  return { error: snippet(raw, secrets), apiId: typeof apiId === 'string' ? apiId : undefined };
}

function statusLead(status: number, ctx: RequestContext): string {
  const path = new URL(ctx.url).pathname;
  if (status === 400) return 'Plivo rejected the request';
  if (status === 401) return 'Plivo refused the credentials';
  if (status === 403) return 'Plivo refused access';
  if (status === 404) return `Plivo found nothing at ${ctx.method} ${path}`;
  if (status === 405) return `Plivo does not allow ${ctx.method} ${path}`;
  if (status >= 500) return 'Plivo had a server error';
  return `Plivo answered ${ctx.method} ${path} with an error`;
}

function statusAdvice(status: number, method: HttpMethod): string {
  if (status === 400) return method === 'POST' ? 'Fix the request and send again.' : 'Check the request parameters.';
  if (status === 401) return 'Check the auth ID and token.';
  if (status === 403) return 'Check that this account may use this API.';
  if (status === 404) return 'Check the base URL and the auth ID (and the message UUID, if any).';
  if (status === 405 || (status >= 300 && status < 400)) return 'Check that the base URL points at the Plivo API.';
  if (status >= 500) return method === 'POST' ? afterSendAdvice('POST') : 'Try again in a minute.';
  return 'Check the request.';
}

function errorCode(thrown: unknown): string {
  if (typeof thrown !== 'object' || thrown === null) return 'UNKNOWN';
  const { code, errors, cause } = thrown as { code?: unknown; errors?: unknown; cause?: unknown };
  // A TLS failure inside a proxy tunnel comes wrapped; the wrapped code says what was wrong.
  if (code === 'UND_ERR_PRX_TLS' && cause) return errorCode(cause);
  if (typeof code === 'string') return code;
  // Happy-eyeballs connects fail with an AggregateError of per-address errors.
  if (Array.isArray(errors) && errors.length > 0) return errorCode(errors[0]);
  return 'UNKNOWN';
}

function sentence(text: string): string {
  return /[.!?…]$/.test(text) ? text : `${text}.`;
}

function formatSeconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}
