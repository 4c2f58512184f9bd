import { CallbackDispatcher } from './callbacks';
import { DeliverySimulator } from './delivery';
import { FaultQueue } from './faults';
import { MessageStore, type StoredMessage } from './messageStore';
import { callbackParams } from './messageView';
import { RateLimiter } from './rateLimiter';
import { RequestLog } from './requestLog';
import type { ResolvedSandboxOptions, SandboxAccount } from './types';

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
  /** Adds a new queued message: stored, scheduled for delivery, `queued` callback sent. */
  admit(message: StoredMessage): void;
  /** Forgets messages, faults, logs, rate windows and pending callbacks. */
  reset(): void;
}

/** Builds the state for the given options. */
export function createState(options: ResolvedSandboxOptions): SandboxState {
  const accountsById = new Map(options.accounts.map((a) => [a.authId, a]));
  const callbacks = new CallbackDispatcher(options.callbackRetry, (authId) => accountsById.get(authId)?.authToken);
  const notify = (message: StoredMessage) => {
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
  const delivery = new DeliverySimulator(options.messagesPerSecond, options.timings, notify);
  const store = new MessageStore(options.maxMessages, () => delivery.dropEvicted());
  const faults = new FaultQueue();
  const requestLog = new RequestLog(options.requestLogSize);
  const rateLimiter = new RateLimiter(options.rateLimitPer5s);
  return {
    options,
    accountsById,
    store,
    delivery,
    callbacks,
    faults,
    requestLog,
    rateLimiter,
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
    },
  };
}
