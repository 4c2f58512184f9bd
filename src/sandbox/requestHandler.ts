import type { IncomingMessage, ServerResponse } from 'node:http';
import { handleGetAccount } from './accountRoute';
import { authenticate } from './auth';
import { parseParams, readBody } from './body';
import { CONTROL_PREFIX, handleControl } from './controlRoutes';
import type { FaultSpec } from './faults';
import { handleGetMessage, handleListMessages } from './messageRoutes';
import { handlePricing } from './pricingRoute';
import { redactSecrets } from './redact';
import type { LoggedRequest } from './requestLog';
import { sendError, sendJson, sendUnavailableHtml } from './reply';
import { allowedMethods, matchRoute, replyError, type ApiRequest } from './routes';
import { handleSend } from './sendRoute';
import type { SandboxState } from './state';

/** What the request handler needs from the server around it. */
export interface HandlerHooks {
  /** Aborted when the server closes: pending latency faults stop waiting. */
  closing: AbortSignal;
  /** Takes a response that must never be answered (the no-response fault). */
  hang(res: ServerResponse): void;
}

const ACCOUNT_PATH = /^\/v1\/Account\/([^/]+)\//;

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

/** The sandbox's request pipeline: body cap, request log, faults, auth, rate limit, route. */
export function createRequestHandler(state: SandboxState, hooks: HandlerHooks) {
  const tokens = state.options.accounts.map((a) => a.authToken);
  const log = state.options.log;

  return async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = performance.now();
    const method = req.method ?? 'GET';
    const url = new URL(`http://127.0.0.1${req.url ?? '/'}`);
    // Like nginx in front of Plivo, repeated slashes are merged: the node SDK asks for `…/{auth_id}//`.
    url.pathname = url.pathname.replace(/\/{2,}/g, '/');
    const shownPath = redactSecrets(req.url ?? '/', tokens);
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
    const tooLarge = (): void =>
      sendError(res, 413, `request body exceeds ${state.options.maxBodyBytes} bytes`, {
        headers: body.ok || body.drained ? {} : { connection: 'close' },
      });

    if (url.pathname.startsWith(CONTROL_PREFIX) || url.pathname === CONTROL_PREFIX.slice(0, -1)) {
      if (!body.ok) return tooLarge();
      const auth = authenticate(req.headers.authorization, state.accountsById);
      if (!auth.ok) return sendJson(res, 401, auth.body);
      return handleControl(state, method, url.pathname, body.text, req.headers['content-type'], res);
    }

    const match = matchRoute(url.pathname);
    const logged = state.requestLog.record(method, shownPath, `${method} ${match?.pattern ?? 'unknown'}`, body.ok ? redactSecrets(body.text, tokens) : '');
    entry = logged;
    if (!body.ok) return tooLarge();

    const fault = state.faults.take(method, url.pathname);
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

    const truncate = fault?.kind === 'truncated-json';
    const auth = authenticate(req.headers.authorization, state.accountsById, ACCOUNT_PATH.exec(url.pathname)?.[1]);
    if (!auth.ok) return sendJson(res, 401, auth.body, { truncate });
    const wait = state.rateLimiter.take(auth.account.authId);
    if (wait > 0) return sendError(res, 429, 'too many requests', { truncate, headers: { 'retry-after': String(wait) } });
    if (!match) return sendError(res, 404, 'not found', { truncate });
    const methods = allowedMethods(match.name);
    if (!methods.includes(method)) return sendError(res, 405, 'method not allowed', { truncate, headers: { allow: methods.join(', ') } });
    const api: ApiRequest = { state, req, res, url, params: {}, account: auth.account, match, truncate };
    if (method === 'POST') {
      const parsed = parseParams(body.text, req.headers['content-type']);
      if (!parsed.ok) return replyError(api, 400, parsed.error);
      api.params = parsed.params;
    }
    dispatch(api);
  };
}
