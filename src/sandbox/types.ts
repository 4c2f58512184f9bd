import type { FaultSpec } from './faults';
import type { RequestLogSnapshot } from './requestLog';
import type { CallbackAttempt } from './callbacks';

/** One sandbox account: the credentials a client authenticates with. */
export interface SandboxAccount {
  authId: string;
  authToken: string;
}

/** Message states the sandbox moves a message through. */
export type MessageState = 'queued' | 'sent' | 'delivered' | 'undelivered' | 'failed';

/** Timings of the delivery simulation, in milliseconds. */
export interface DeliveryTimings {
  /** Minimum time a message stays `queued` before it can be dequeued. */
  sentAfterMs: number;
  /** Time from `sent` to the delivery receipt (delivered/undelivered). */
  deliveredAfterMs: number;
  /** Time from `sent` to `delivered` for the slow magic number. */
  slowDeliveredAfterMs: number;
}

/** How failed status callbacks are retried. */
export interface CallbackRetryPolicy {
  /** Retries after the first attempt (0 = never retry). */
  retries: number;
  /** Delay before the first retry; doubled for each further retry. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** One attempt's time limit (connect + response). */
  timeoutMs: number;
}

/** Options of `startSandbox`; everything has a default. */
export interface SandboxOptions {
  /** TCP port on 127.0.0.1; 0 (default) picks a free one. */
  port?: number;
  /** Accounts; one is generated when absent or empty. */
  accounts?: Array<Partial<SandboxAccount>>;
  /** Messages dequeued for delivery per second (whole sandbox). */
  messagesPerSecond?: number;
  timings?: Partial<DeliveryTimings>;
  /** API requests allowed per account per 5 s window before 429. */
  rateLimitPer5s?: number;
  /** Largest accepted request body in bytes (413 above). */
  maxBodyBytes?: number;
  /** Messages kept in memory; the oldest are evicted beyond this. */
  maxMessages?: number;
  callbackRetry?: Partial<CallbackRetryPolicy>;
  /** Request log entries kept for `/__sandbox/requests`. */
  requestLogSize?: number;
  /** Called with one line per request (never contains a token). */
  log?: (line: string) => void;
  /** Serve HTTPS with this PEM certificate (chain) and key instead of HTTP. */
  tls?: { cert: string | Buffer; key: string | Buffer };
}

/** The options with every default filled in. */
export interface ResolvedSandboxOptions {
  port: number;
  accounts: SandboxAccount[];
  messagesPerSecond: number;
  timings: DeliveryTimings;
  rateLimitPer5s: number;
  maxBodyBytes: number;
  maxMessages: number;
  callbackRetry: CallbackRetryPolicy;
  requestLogSize: number;
  log?: (line: string) => void;
}

/** A running sandbox. */
export interface SandboxServer {
  /** `http://127.0.0.1:PORT` — the stand-in for `https://api.plivo.com`. */
  readonly baseUrl: string;
  readonly port: number;
  readonly accounts: readonly SandboxAccount[];
  /** `baseUrl/v1/Account/{authId}` — what the official SDK's `url` option wants. */
  accountUrl(authId?: string): string;
  /** Queues a fault for the next matching requests (same as POST /__sandbox/faults). */
  injectFault(spec: FaultSpec): void;
  /** Counts and recent entries of the API request log. */
  requestLog(): RequestLogSnapshot;
  /** Recent status-callback attempts, oldest first. */
  callbackLog(): CallbackAttempt[];
  /** Messages currently held in memory. */
  messageCount(): number;
  /** Forgets messages, faults, request log, rate-limit windows and pending callbacks. */
  reset(): void;
  /** Stops accepting, lets in-flight requests finish, clears every timer. */
  close(): Promise<void>;
}
