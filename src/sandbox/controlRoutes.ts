import type { ServerResponse } from 'node:http';
import { parseParams } from './body';
import { parseFaultSpec } from './faults';
import { MAGIC_NUMBERS } from './magicNumbers';
import { sendError, sendJson } from './reply';
import type { SandboxState } from './state';

/** Reserved prefix of the control API (same Basic auth as the Plivo routes, any sandbox account). */
export const CONTROL_PREFIX = '/__sandbox/';

/** Routes of the control API, for the 405/404 answers and the docs. */
const CONTROL_ROUTES: Record<string, readonly string[]> = {
  '/__sandbox': ['GET'],
  '/__sandbox/faults': ['GET', 'POST', 'DELETE'],
  '/__sandbox/requests': ['GET'],
  '/__sandbox/callbacks': ['GET'],
  '/__sandbox/reset': ['POST'],
};

/** Handles one authenticated control request. */
export function handleControl(state: SandboxState, method: string, pathname: string, body: string, contentType: string | undefined, res: ServerResponse): void {
  // Trailing slashes are optional here: `/__sandbox`, `/__sandbox/` and `/__sandbox/faults/` all work.
  const path = pathname.replace(/\/+$/, '');
  const methods = CONTROL_ROUTES[path];
  if (!methods) return sendError(res, 404, 'not found');
  if (!methods.includes(method)) return sendError(res, 405, 'method not allowed', { headers: { allow: methods.join(', ') } });
  switch (`${method} ${path}`) {
    case 'GET /__sandbox':
      return sendJson(res, 200, {
        accounts: state.options.accounts.map((a) => a.authId),
        messages: state.store.size,
        pendingDelivery: state.delivery.pending,
        messagesPerSecond: state.options.messagesPerSecond,
        timings: state.options.timings,
        faults: state.faults.list(),
        magicNumbers: MAGIC_NUMBERS,
      });
    case 'GET /__sandbox/faults':
      return sendJson(res, 200, { faults: state.faults.list() });
    case 'POST /__sandbox/faults': {
      const parsed = parseParams(body, contentType ?? 'application/json');
      const spec = parsed.ok ? parseFaultSpec(parsed.params) : parsed.error;
      if (typeof spec === 'string') return sendError(res, 400, spec);
      try {
        state.faults.add(spec);
      } catch (err) {
        return sendError(res, 400, (err as Error).message);
      }
      return sendJson(res, 201, { queued: spec, faults: state.faults.list() });
    }
    case 'DELETE /__sandbox/faults':
      state.faults.clear();
      return sendJson(res, 200, { faults: [] });
    case 'GET /__sandbox/requests':
      return sendJson(res, 200, state.requestLog.snapshot());
    case 'GET /__sandbox/callbacks':
      return sendJson(res, 200, { attempts: state.callbacks.attempts(), dropped: state.callbacks.dropped });
    case 'POST /__sandbox/reset':
      state.reset();
      return sendJson(res, 200, { reset: true });
  }
}
