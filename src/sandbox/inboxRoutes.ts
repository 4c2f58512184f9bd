import type { ServerResponse } from 'node:http';
import { parseParams } from './body';
import { handleChaos } from './chaosRoutes';
import { handleInboundUrl, handleReply } from './inboundRoutes';
import { parseInboxQuery } from './inboxQuery';
import type { InboxPhone } from './inboxTypes';
import { inboxMessage, phoneOf } from './inboxView';
import { sendError, sendJson } from './reply';
import type { SandboxState } from './state';
import { steerMessage, type SteerAction } from './steer';

/** One authenticated control request, as the inbox routes need it. */
export interface ControlRequest {
  state: SandboxState;
  method: string;
  /** Path without trailing slashes. */
  path: string;
  search: URLSearchParams;
  body: string;
  contentType: string | undefined;
  res: ServerResponse;
  /** Keeps a response open until the server closes (the event stream). */
  keepOpen(res: ServerResponse): void;
}

const MESSAGE_PATH = /^\/__sandbox\/messages\/([^/]+)(?:\/(deliver|fail|undeliver))?$/;

function notAllowed(res: ServerResponse, methods: string): void {
  sendError(res, 405, 'method not allowed', { headers: { allow: methods } });
}

/** The phones with messages, most recently active first, filtered by a number or text fragment. */
function phonesPage(request: ControlRequest): void {
  const { state, search, res } = request;
  const query = parseInboxQuery(new URLSearchParams([['limit', search.get('limit') ?? '100'], ['offset', search.get('offset') ?? '0']]));
  if (typeof query === 'string') return sendError(res, 400, query);
  const needle = (search.get('search') ?? '').trim().toLocaleLowerCase();
  const numberNeedle = needle.replace(/[/\-.+()\s]/g, '');
  const phones = new Map<string, InboxPhone>();
  for (const message of state.store.newestFirst()) {
    const phone = phoneOf(message);
    const known = phones.get(phone);
    if (known) {
      known.messages++;
      continue;
    }
    const lastState = message.direction === 'inbound' ? 'received' : message.state;
    phones.set(phone, { phone, messages: 1, lastAt: new Date(message.queuedAt).toISOString(), lastText: message.text, lastState });
  }
  let list = [...phones.values()];
  if (needle !== '') {
    // A phone matches on its number, or on the text of any of its messages.
    const byText = new Set<string>();
    for (const message of state.store.newestFirst()) if (message.text.toLocaleLowerCase().includes(needle)) byText.add(phoneOf(message));
    list = list.filter((p) => (numberNeedle !== '' && p.phone.includes(numberNeedle)) || byText.has(p.phone));
  }
  sendJson(res, 200, { total: list.length, offset: query.offset, limit: query.limit, phones: list.slice(query.offset, query.offset + query.limit) });
}

function messagesPage(request: ControlRequest): void {
  const query = parseInboxQuery(request.search);
  if (typeof query === 'string') return sendError(request.res, 400, query);
  const messages = [];
  let total = 0;
  for (const message of request.state.store.newestFirst()) {
    if (!query.matches(message)) continue;
    if (total >= query.offset && messages.length < query.limit) messages.push(inboxMessage(message));
    total++;
  }
  sendJson(request.res, 200, { total, offset: query.offset, limit: query.limit, messages });
}

function oneMessage(request: ControlRequest, uuid: string, action: SteerAction | undefined): void {
  const { state, method, res } = request;
  const message = state.store.get(decodeURIComponent(uuid));
  if (action === undefined) {
    if (method !== 'GET') return notAllowed(res, 'GET');
    return message ? sendJson(res, 200, inboxMessage(message)) : sendError(res, 404, 'no such message in the sandbox');
  }
  if (method !== 'POST') return notAllowed(res, 'POST');
  if (!message) return sendError(res, 404, 'no such message in the sandbox');
  const parsed = parseParams(request.body, request.contentType ?? 'application/json');
  if (!parsed.ok) return sendError(res, 400, parsed.error);
  const code = parsed.params.errorCode;
  if (code !== undefined && typeof code !== 'string' && typeof code !== 'number') return sendError(res, 400, 'errorCode must be a string');
  const refused = steerMessage(state, message, action, code === undefined ? undefined : String(code));
  if (refused) return sendError(res, 409, refused);
  sendJson(res, 200, inboxMessage(message));
}

/** The inbox routes of the control API; returns false for a path that is not one of them. */
export function handleInbox(request: ControlRequest): boolean {
  const { state, method, path, res } = request;
  switch (path) {
    case '/__sandbox/messages':
      if (method === 'GET') messagesPage(request);
      else if (method === 'DELETE') {
        state.delivery.clear();
        state.store.clear();
        state.events.publish({ type: 'reset' });
        sendJson(res, 200, { cleared: true });
      } else notAllowed(res, 'GET, DELETE');
      return true;
    case '/__sandbox/phones':
      if (method === 'GET') phonesPage(request);
      else notAllowed(res, 'GET');
      return true;
    case '/__sandbox/chaos':
      handleChaos(request);
      return true;
    case '/__sandbox/inbound':
      handleInboundUrl(request);
      return true;
    case '/__sandbox/replies':
      handleReply(request);
      return true;
    case '/__sandbox/events':
      if (method !== 'GET') notAllowed(res, 'GET');
      else {
        state.events.attach(res);
        request.keepOpen(res);
      }
      return true;
  }
  const match = MESSAGE_PATH.exec(path);
  if (!match) return false;
  oneMessage(request, match[1], match[2] as SteerAction | undefined);
  return true;
}
