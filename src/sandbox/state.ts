import { CallbackDispatcher } from './callbacks';
import { ChaosEngine } from './chaos';
import { DeliverySimulator } from './delivery';
import { EventHub } from './events';
import { FaultQueue } from './faults';
import { MessageStore, type StoredMessage } from './messageStore';
import { callbackParams } from './messageView';
import { RateLimiter } from './rateLimiter';
import { RequestLog } from './requestLog';
import type { ResolvedSandboxOptions, SandboxAccount } from './types';

// Callback attempts kept per message for the inbox (the dispatcher's own log keeps the last 1,000).
const MAX_MESSAGE_CALLBACKS = 20;

/** Everything a running sandbox holds, wired together. */
export interface SandboxState {
  options: ResolvedSandboxOptions;
  accountsById: ReadonlyMap<string, SandboxAccount>;
  store: MessageStore;
  delivery: DeliverySimulator;
  callbacks: CallbackDispatcher;
  faults: FaultQueue;
  requestLog: RequestLog;
  rateLimiter: RateLimiter;
  events: EventHub;
  chaos: ChaosEngine;
  /** Where replies from phones are posted (the number's message URL at Plivo). */
  inbound: { url: string | undefined };
  /** `sender|phone` pairs blocked by a STOP reply: sends between them fail with error 200. */
  optedOut: Set<string>;
  /** Records a state change made outside the delivery simulation (a user action), then reports it like one. */
  changed(message: StoredMessage, by: string): void;
  /** Adds a new queued message: stored, scheduled for delivery, `queued` callback sent. */
  admit(message: StoredMessage): void;
  /** Forgets messages, faults, logs, rate windows and pending callbacks. */
  reset(): void;
}

/** Builds the state for the given options. */
export function createState(options: ResolvedSandboxOptions): SandboxState {
  const accountsById = new Map(options.accounts.map((a) => [a.authId, a]));
  const events = new EventHub();
  const callbacks = new CallbackDispatcher(
    options.callbackRetry,
    (authId) => accountsById.get(authId)?.authToken,
    (attempt) => {
      const message = store.get(attempt.messageUuid);
      if (!message) return;
      if (message.callbackAttempts.length >= MAX_MESSAGE_CALLBACKS) message.callbackAttempts.shift();
      const { attempt: n, responseStatus, error } = attempt;
      message.callbackAttempts.push({ at: Date.now(), status: attempt.messageStatus, attempt: n, responseStatus, ...(error ? { error } : {}) });
      events.messageChanged(message);
    },
  );
  const notify = (message: StoredMessage) => {
    events.messageChanged(message);
    if (!message.callbackUrl) return;
    message.callbackCount++;
    callbacks.enqueue({
      authId: message.authId,
      url: message.callbackUrl,
      method: message.callbackMethod,
      params: callbackParams(message, message.callbackCount),
      attempts: 0,
    });
  };
  const stateChanged = (message: StoredMessage, by = message.state !== 'queued' && message.state !== 'sent' ? message.chaosRule : undefined) => {
    message.timeline.push({ state: message.state, at: message.updatedAt, errorCode: message.errorCode, ...(by ? { by } : {}) });
    notify(message);
  };
  const delivery = new DeliverySimulator(options.messagesPerSecond, options.timings, (message) => stateChanged(message));
  const store = new MessageStore(options.maxMessages, () => delivery.dropEvicted());
  const faults = new FaultQueue();
  const requestLog = new RequestLog(options.requestLogSize);
  const rateLimiter = new RateLimiter(options.rateLimitPer5s);
  const chaos = new ChaosEngine(options.seed);
  const optedOut = new Set<string>();
  if (options.chaos) chaos.load(options.chaos);
  return {
    options,
    accountsById,
    store,
    delivery,
    callbacks,
    faults,
    requestLog,
    rateLimiter,
    events,
    chaos,
    inbound: { url: options.inboundUrl },
    optedOut,
    changed: stateChanged,
    admit(message) {
      store.add(message);
      delivery.enqueue(message);
      notify(message);
    },
    reset() {
      delivery.clear();
      store.clear();
      callbacks.clear();
      faults.clear();
      requestLog.clear();
      rateLimiter.clear();
      chaos.restart();
      optedOut.clear();
      events.publish({ type: 'reset' });
    },
  };
}
