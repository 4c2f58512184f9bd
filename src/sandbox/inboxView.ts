import { errorCodeMeaning } from '../core/errorCodes';
import type { InboxMessage } from './inboxTypes';
import type { StoredMessage } from './messageStore';
import { redactUrl } from './redact';

// Messages sent in the same millisecond share their times: the last formatting is reused, which
// spares a Date per timestamp when the event stream serialises a burst of sends.
let lastMs = Number.NaN;
let lastIso = '';
function iso(ms: number): string {
  if (ms !== lastMs) {
    lastIso = new Date(ms).toISOString();
    lastMs = ms;
  }
  return lastIso;
}

/** The phone a message belongs to: its destination, or its sender when it came in. */
export function phoneOf(m: StoredMessage): string {
  return m.direction === 'outbound' ? m.to : m.from;
}

/** The inbox's view of a stored message. */
export function inboxMessage(m: StoredMessage): InboxMessage {
  return {
    uuid: m.uuid,
    direction: m.direction,
    phone: phoneOf(m),
    from: m.from,
    to: m.to,
    text: m.text,
    type: m.type,
    encoding: m.encoding ?? null,
    parts: m.units,
    state: m.direction === 'inbound' ? 'received' : m.state,
    errorCode: m.errorCode,
    errorMeaning: m.errorCode && m.errorCode !== '000' ? (errorCodeMeaning(m.errorCode) ?? null) : null,
    time: iso(m.queuedAt),
    updatedAt: iso(m.updatedAt),
    timeline: m.timeline.map((c) => ({ state: c.state, at: iso(c.at), errorCode: c.errorCode, ...(c.by ? { by: c.by } : {}) })),
    callbackUrl: m.callbackUrl ? redactUrl(m.callbackUrl) : null,
    callbacks: m.callbackAttempts.map((a) => ({ ...a, at: iso(a.at) })),
  };
}
