// The inbox's public shapes: what `/__sandbox/messages`, `/__sandbox/phones` and the event stream
// answer. Imports nothing, so the extension's Sandbox view can share it.

/** A state a message went through. `received` is the one state of an inbound message. */
export interface InboxStateChange {
  state: 'queued' | 'sent' | 'delivered' | 'undelivered' | 'failed' | 'received';
  /** ISO time. */
  at: string;
  errorCode: string | null;
  /** Set when a chaos rule or a user action chose it, e.g. `chaos rule 2`, `view`. */
  by?: string;
}

/** One status-callback attempt for a message. */
export interface InboxCallbackAttempt {
  at: string;
  status: string;
  attempt: number;
  /** 0 when the request failed (refused, timed out). */
  responseStatus: number;
  error?: string;
}

/** A message as the inbox shows it. */
export interface InboxMessage {
  uuid: string;
  direction: 'outbound' | 'inbound';
  /** The phone this message belongs to: the destination of an outbound message, the sender of an inbound one. */
  phone: string;
  /** Numbers as Plivo stores them: digits, no `+` (or the alphanumeric sender id). */
  from: string;
  to: string;
  text: string;
  type: 'sms' | 'mms';
  encoding: 'GSM-7' | 'UCS-2' | null;
  parts: number;
  state: InboxStateChange['state'];
  errorCode: string | null;
  /** The documented meaning of the error code, e.g. `spam detected`. */
  errorMeaning: string | null;
  /** ISO time the message was sent (outbound) or received (inbound). */
  time: string;
  updatedAt: string;
  timeline: InboxStateChange[];
  /** The status callback URL, redacted as in the logs. */
  callbackUrl: string | null;
  callbacks: InboxCallbackAttempt[];
}

/** `GET /__sandbox/messages`: newest first. */
export interface InboxPage {
  /** Messages matching the filters (all pages). */
  total: number;
  offset: number;
  limit: number;
  messages: InboxMessage[];
}

/** One phone: a number the sandbox holds messages for. */
export interface InboxPhone {
  phone: string;
  messages: number;
  /** ISO time of its newest message. */
  lastAt: string;
  lastText: string;
  lastState: InboxStateChange['state'];
}

/** `GET /__sandbox/phones`: most recently active first. */
export interface InboxPhonesPage {
  total: number;
  offset: number;
  limit: number;
  phones: InboxPhone[];
}

/** Events of `GET /__sandbox/events` (server-sent events; `event:` is the type, `data:` the JSON). */
export type InboxEvent =
  | { type: 'message'; message: InboxMessage }
  | { type: 'reset' }
  | { type: 'chaos'; rules: number; seed: number };
