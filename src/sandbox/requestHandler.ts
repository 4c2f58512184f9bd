import type { IncomingMessage, ServerResponse } from 'node:http';
import { handleGetAccount } from './accountRoute';
import { authenticate } from './auth';
import { parseParams, readBody } from './body';
import { handleControl } from './controlRoutes';
import { handleInbox } from './inboxRoutes';
import { handleGetMessage, handleListMessages } from './messageRoutes';
import { applyChaosStop, requestChaos } from './chaosRequest';
import { createHostCheck } from './hostCheck';
import { handlePricing } from './pricingRoute';
import { redactSecrets } from './redact';
import type { LoggedRequest } from './requestLog';
import { sendError, sendJson, sendUnavailableHtml } from './reply';
import { createTargetReader, parseTarget, routeLabel } from './requestTarget';
import { allowedMethods, replyError, type ApiRequest } from './routes';
import { handleSend } from './sendRoute';
import type { SandboxState } from './state';
import type { FaultSpec } from './types';

/** What the request handler needs from the server around it. */
export interface HandlerHooks {
  /** Aborted when the server closes: pending latency faults stop waiting. */
  closing: AbortSignal;
  /** Takes a response that must never be answered (the no-response fault). */
  hang(res: ServerResponse): void;
}

// Sent with every answer to a request whose oversized body could not be drained.
const CLOSE: Readonly<Record<string, string>> = { connection: 'close' };

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(new Error('closing'));
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new Error('closing'));
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

function dispatch(api: ApiRequest): void {
  const method = api.req.method;
  if (api.match.name === 'account') return handleGetAccount(api);
  if (api.match.name === 'message') return handleGetMessage(api);
  if (api.match.name === 'pricing') return handlePricing(api);
  return method === 'POST' ? handleSend(api) : handleListMessages(api);
}

/** Applies a fault; returns true when the request is finished (answered, cut or left hanging). */
function applyFault(fault: FaultSpec, req: IncomingMessage, res: ServerResponse, hooks: HandlerHooks): boolean {
  switch (fault.kind) {
    case 'rate-limit':
      sendError(res, 429, 'too many requests', { headers: { 'retry-after': String(fault.retryAfterSeconds ?? 1) } });
      return true;
    case 'server-error':
      sendError(res, 500, 'internal server error');
      return true;
    case 'unavailable-html':
      sendUnavailableHtml(res);
      return true;
    case 'connection-reset':
      req.socket.resetAndDestroy();
      return true;
    case 'no-response':
      hooks.hang(res);
      return true;
    default:
      return false;
  }
}

/**
 * The sandbox's request pipeline: body cap, Host check, auth, then request log, faults, rate limit,
 * route. Nothing before auth changes state, so a request any web page can make (no credentials, a
 * `text/plain` body, a rebound Host) neither uses up a fault nor shows in the log's counts.
 */
export function createRequestHandler(state: SandboxState, hooks: HandlerHooks) {
  const tokens = state.options.accounts.map((a) => a.authToken);
  const log = state.options.log;
  const hostAllowed = createHostCheck(state.options.allowHosts);
  const readTarget = createTargetReader(tokens);

  return async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = performance.now();
    const method = req.method ?? 'GET';
    const rawTarget = req.url ?? '/';
    // Like nginx in front of Plivo, repeated slashes are merged: the node SDK asks for `…/{auth_id}//`.
    const target = readTarget(rawTarget);
    const { pathname, shownPath, control, match, pathAuthId } = target;
    let faultKind: string | undefined;
    let entry: LoggedRequest | undefined;
    res.on('close', () => {
      if (entry && res.headersSent) entry.status = res.statusCode;
      if (!log) return;
      const status = res.headersSent ? String(res.statusCode) : faultKind === 'connection-reset' ? 'reset' : 'no response';
      const ms = (performance.now() - started).toFixed(1);
      try {
        log(`${new Date().toISOString()} ${method} ${shownPath} ${status} ${ms}ms${faultKind ? ` fault=${faultKind}` : ''}`);
      } catch {
        // A failing log hook must not take the sandbox down.
      }
    });

    const body = await readBody(req, state.options.maxBodyBytes);
    // An undrained oversized body leaves the connection unusable: whatever the answer, close it.
    const closeUnlessDrained = body.ok || body.drained ? undefined : CLOSE;
    const route = routeLabel(target, method);
    if (!hostAllowed(req.headers.host, req.socket.localPort)) {
      state.requestLog.refuse(route);
      return sendError(res, 403, 'host not allowed: use 127.0.0.1, localhost or [::1]', { headers: closeUnlessDrained });
    }
    const auth = authenticate(req.headers.authorization, state.accountsById, pathAuthId);
    if (!auth.ok) {
      state.requestLog.refuse(route);
      return sendJson(res, 401, auth.body, { headers: closeUnlessDrained });
    }
    const tooLarge = (): void =>
      sendError(res, 413, `request body exceeds ${state.options.maxBodyBytes} bytes`, { headers: closeUnlessDrained });

    if (control) {
      if (!body.ok) return tooLarge();
      const path = pathname.replace(/\/+$/, '');
      const contentType = req.headers['content-type'];
      const search = parseTarget(rawTarget).searchParams;
      // The event stream never ends by itself: the server cuts it on close, as a hanging fault.
      if (handleInbox({ state, method, path, search, body: body.text, contentType, res, keepOpen: hooks.hang })) return;
      return handleControl(state, method, pathname, body.text, req.headers['content-type'], res);
    }

    const logged = state.requestLog.record(method, shownPath, route, body.ok ? redactSecrets(body.text, tokens) : '');
    entry = logged;
    if (!body.ok) return tooLarge();

    const fault = state.faults.take(method, pathname);
    if (fault) {
      faultKind = logged.fault = fault.kind;
      if (applyFault(fault, req, res, hooks)) return;
      if (fault.kind === 'latency') {
        try {
          await sleep(fault.latencyMs ?? 1000, hooks.closing);
        } catch {
          return;
        }
      }
    }

    const chaos = fault ? undefined : requestChaos(state, match, method, body.text, req.headers['content-type']);
    if (chaos && chaos.rules.length > 0) {
      logged.fault = `chaos: ${chaos.rules.join(', ')}`;
      faultKind = chaos.stop?.kind === 'connection-reset' ? 'connection-reset' : logged.fault;
      if (chaos.latencyMs > 0) {
        try {
          await sleep(chaos.latencyMs, hooks.closing);
        } catch {
          return;
        }
      }
      if (chaos.stop) return applyChaosStop(chaos.stop, req, res, hooks.hang);
    }

    const truncate = fault?.kind === 'truncated-json' || chaos?.truncate === true;
    const wait = state.rateLimiter.take(auth.account.authId);
    if (wait > 0) return sendError(res, 429, 'too many requests', { truncate, headers: { 'retry-after': String(wait) } });
    if (!match) return sendError(res, 404, 'not found', { truncate });
    const methods = allowedMethods(match.name);
    if (!methods.includes(method)) return sendError(res, 405, 'method not allowed', { truncate, headers: { allow: methods.join(', ') } });
    let url: URL | undefined;
    const api: ApiRequest = {
      state,
      req,
      res,
      // Only the list and pricing routes read the query: the URL is parsed when first asked for.
      get url() {
        return (url ??= parseTarget(rawTarget));
      },
      params: {},
      account: auth.account,
      match,
      truncate,
    };
    if (method === 'POST') {
      const parsed = parseParams(body.text, req.headers['content-type']);
      if (!parsed.ok) return replyError(api, 400, parsed.error);
      api.params = parsed.params;
    }
    dispatch(api);
  };
}
