import { analyseSegments } from '../core/segments';
import type { StoredMessage } from './messageStore';
import type { SandboxState } from './state';
import type { SandboxAccount } from './types';

// Keywords as US carriers and Plivo treat them. Plivo documents `optout` for STOP words; `optin` and
// `help` are the sandbox's reading of the same field (unconfirmed).
const OPT_OUT = ['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', 'OPTOUT'];
const OPT_IN = ['START', 'UNSTOP', 'YES', 'OPTIN'];
const HELP = ['HELP', 'INFO'];

/** `MessageIntent` of an inbound text: a keyword alone (any case, surrounding spaces and punctuation ignored). */
export function messageIntent(text: string): '' | 'optout' | 'optin' | 'help' {
  const word = text.trim().replace(/[.!?]+$/, '').toUpperCase();
  if (OPT_OUT.includes(word)) return 'optout';
  if (OPT_IN.includes(word)) return 'optin';
  return HELP.includes(word) ? 'help' : '';
}

/** A reply a phone sends, as the control API takes it. */
export interface ReplyRequest {
  /** The phone (digits as stored). */
  from: string;
  /** The user's number it replies to; default the sender of the phone's latest message. */
  to?: string;
  text: string;
}

/** The webhook fields Plivo posts to a number's message URL for an inbound message. */
export function inboundParams(m: StoredMessage, intent: string): Record<string, string> {
  return {
    From: m.from,
    To: m.to,
    Text: m.text,
    Type: 'sms',
    MessageUUID: m.uuid,
    Units: String(m.units),
    // Plivo's inbound SMS rate is 0.
    TotalRate: '0.00000',
    TotalAmount: '0.00000',
    MessageIntent: intent,
    PowerpackUUID: m.powerpackId ?? '',
  };
}

/** Who the phone last heard from: that message's account, sender and powerpack. */
function lastConversation(state: SandboxState, phone: string): StoredMessage | undefined {
  for (const m of state.store.newestFirst()) if (m.direction === 'outbound' && m.to === phone) return m;
  return undefined;
}

/**
 * Stores a reply from a phone as an inbound message and posts the signed inbound webhook to the
 * inbound URL (when one is set). A STOP word blocks later sends from that number to the phone
 * (error 200) until an opt-in word. Returns the message, or an error text.
 */
export function receiveReply(state: SandboxState, reply: ReplyRequest): StoredMessage | string {
  const conversation = lastConversation(state, reply.from);
  const to = reply.to ?? conversation?.from;
  if (!to) return 'to is required: the phone has no message to reply to';
  const account: SandboxAccount = state.accountsById.get(conversation?.authId ?? '') ?? state.options.accounts[0];
  const now = Date.now();
  const segments = analyseSegments(reply.text);
  const message: StoredMessage = {
    uuid: '',
    authId: account.authId,
    from: reply.from,
    to,
    direction: 'inbound',
    type: 'sms',
    text: reply.text,
    encoding: segments.encoding,
    units: Math.max(1, segments.parts),
    country: undefined,
    powerpackId: conversation?.to === reply.from && conversation.from === to ? conversation.powerpackId : null,
    state: 'delivered',
    errorCode: null,
    queuedAt: now,
    sentAt: now,
    updatedAt: now,
    expiresAt: now,
    callbackUrl: state.inbound.url,
    callbackMethod: 'POST',
    outcome: { kind: 'deliver' },
    callbackCount: 0,
    timeline: [{ state: 'received', at: now, errorCode: null }],
    callbackAttempts: [],
    evicted: false,
  };
  state.store.add(message);
  const intent = messageIntent(reply.text);
  if (intent === 'optout') state.optedOut.add(`${to}|${reply.from}`);
  if (intent === 'optin') state.optedOut.delete(`${to}|${reply.from}`);
  state.events.messageChanged(message);
  if (state.inbound.url) {
    state.callbacks.enqueue({ authId: account.authId, url: state.inbound.url, method: 'POST', params: inboundParams(message, intent), attempts: 0 });
  }
  return message;
}
