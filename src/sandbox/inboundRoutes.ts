import { parseParams } from './body';
import { receiveReply } from './inbound';
import type { ControlRequest } from './inboxRoutes';
import { inboxMessage } from './inboxView';
import { storedNumber } from './inboxQuery';
import { webhookUrl } from './options';
import { redactUrl } from './redact';
import { sendError, sendJson } from './reply';

const MAX_REPLY_CHARS = 1600;

function bodyOf(request: ControlRequest): Record<string, unknown> | string {
  const parsed = parseParams(request.body, request.contentType ?? 'application/json');
  return parsed.ok ? parsed.params : parsed.error;
}

/** `GET` / `PUT /__sandbox/inbound` `{"url": "https://…" | null}`: where replies are posted. */
export function handleInboundUrl(request: ControlRequest): void {
  const { state, method, res } = request;
  if (method === 'PUT') {
    const body = bodyOf(request);
    if (typeof body === 'string') return sendError(res, 400, body);
    if (body.url === null || body.url === '') state.inbound.url = undefined;
    else {
      if (typeof body.url !== 'string') return sendError(res, 400, 'url must be an http(s) URL, or null to stop posting replies');
      try {
        state.inbound.url = webhookUrl('url', body.url);
      } catch {
        return sendError(res, 400, 'url must be an http(s) URL, or null to stop posting replies');
      }
    }
  } else if (method !== 'GET') return sendError(res, 405, 'method not allowed', { headers: { allow: 'GET, PUT' } });
  sendJson(res, 200, { url: state.inbound.url ? redactUrl(state.inbound.url) : null });
}

/** `POST /__sandbox/replies` `{"from": PHONE, "to"?: YOUR_NUMBER, "text": "STOP"}`: a phone replies. */
export function handleReply(request: ControlRequest): void {
  const { state, method, res } = request;
  if (method !== 'POST') return sendError(res, 405, 'method not allowed', { headers: { allow: 'POST' } });
  const body = bodyOf(request);
  if (typeof body === 'string') return sendError(res, 400, body);
  if (typeof body.from !== 'string' || storedNumber(body.from) === '' || !/^\d+$/.test(storedNumber(body.from))) return sendError(res, 400, 'from must be the phone number that replies');
  if (body.to !== undefined && typeof body.to !== 'string') return sendError(res, 400, 'to must be a number');
  if (typeof body.text !== 'string' || body.text.trim() === '') return sendError(res, 400, 'text is required');
  if (body.text.length > MAX_REPLY_CHARS) return sendError(res, 400, `text must be at most ${MAX_REPLY_CHARS} characters`);
  const message = receiveReply(state, { from: storedNumber(body.from), to: body.to === undefined ? undefined : storedNumber(body.to), text: body.text });
  if (typeof message === 'string') return sendError(res, 400, message);
  sendJson(res, 201, { message: inboxMessage(message), posted: state.inbound.url !== undefined });
}
