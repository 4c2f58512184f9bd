import { parseParams } from './body';
import { parseChaosConfig } from './chaosRules';
import type { ControlRequest } from './inboxRoutes';
import { sendError, sendJson } from './reply';

/** `GET` / `PUT` / `DELETE /__sandbox/chaos`: the rules in force, replaced, or cleared. */
export function handleChaos(request: ControlRequest): void {
  const { state, method, res } = request;
  const chaos = state.chaos;
  if (method === 'GET') return sendJson(res, 200, chaos.snapshot());
  if (method === 'DELETE') {
    chaos.load({ rules: [] });
  } else if (method === 'PUT') {
    const body = parseParams(request.body, 'application/json');
    if (!body.ok) return sendError(res, 400, body.error);
    const config = parseChaosConfig(body.params);
    if (typeof config === 'string') return sendError(res, 400, config);
    chaos.load(config);
  } else {
    return sendError(res, 405, 'method not allowed', { headers: { allow: 'GET, PUT, DELETE' } });
  }
  const snapshot = chaos.snapshot();
  state.events.publish({ type: 'chaos', rules: snapshot.rules.length, seed: snapshot.seed });
  sendJson(res, 200, snapshot);
}
