// The sandbox's public types. This file imports nothing, so every module can depend on it.

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
  /** Chaos rules in force from the start (`PUT /__sandbox/chaos` replaces them). */
  chaos?: ChaosConfig;
  /** The chaos seed when the rules name none: the same seed and requests give the same outcomes. */
  seed?: number;
  /** Where replies from phones are posted as Plivo's signed inbound-message webhook. */
  inboundUrl?: string;
  /** Host names served besides 127.0.0.1, localhost and [::1] (any other Host header gets 403). */
  allowHosts?: string[];
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
  allowHosts: string[];
  chaos: ChaosConfig | undefined;
  seed: number | undefined;
  inboundUrl: string | undefined;
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

/** The failures the sandbox can be told to produce (`FAULT_KINDS` lists them). */
export type FaultKind = 'latency' | 'rate-limit' | 'server-error' | 'unavailable-html' | 'truncated-json' | 'connection-reset' | 'no-response';

/** A fault for the next `count` API requests that match `method` and `path`. */
export interface FaultSpec {
  kind: FaultKind;
  /** How many matching requests get it (default 1). */
  count?: number;
  /** Only requests with this method (any when absent). */
  method?: string;
  /** Only requests whose path contains this text, e.g. `/Message/` (any when absent). */
  path?: string;
  /** For `latency`: added delay before the request is handled normally (default 1000). */
  latencyMs?: number;
  /** For `rate-limit`: the Retry-After value (default 1). */
  retryAfterSeconds?: number;
  /** Matching requests let through untouched first, e.g. 1 to hit the second batch of a send (default 0). */
  skip?: number;
}

/** One API request as the sandbox saw it. */
export interface RequestLogEntry {
  time: string;
  method: string;
  /** Path with query string. */
  path: string;
  /** The route pattern, e.g. `POST /v1/Account/{auth_id}/Message/`, or `unknown`. */
  route: string;
  /** HTTP status sent, 0 when none was (connection reset, no response). */
  status: number;
  /** Fault applied to this request, if any. */
  fault?: string;
  /** Request body with tokens redacted, cut to `BODY_CHARS`. */
  body: string;
}

/** What `/__sandbox/requests` answers. */
export interface RequestLogSnapshot {
  total: number;
  /** Authenticated requests per `METHOD route-pattern` since the last reset. */
  counts: Record<string, number>;
  /**
   * Requests refused before auth (403 wrong Host, 401) per route: counted apart, so they change no
   * count above, while a client that repeats a refused request still shows.
   */
  refused: Record<string, number>;
  /** The most recent entries, oldest first. */
  entries: RequestLogEntry[];
}

/** One status-callback attempt, for `/__sandbox/callbacks`. */
export interface CallbackAttempt {
  time: string;
  messageUuid: string;
  messageStatus: string;
  /** The callback URL with its userinfo and secret-looking query parameters redacted. */
  url: string;
  method: 'GET' | 'POST';
  attempt: number;
  /** HTTP status received, 0 when the request failed. */
  responseStatus: number;
  error?: string;
  /** True when another attempt is scheduled. */
  willRetry: boolean;
}

// Chaos rules: a JSON file for `--chaos FILE`, the body of `PUT /__sandbox/chaos`; the editor's
// schema for them is schemas/sandbox-chaos.schema.json.

/** The API routes a rule can match; `any` (the default) matches them all. */
export type ChaosRoute = 'send' | 'list' | 'get' | 'account' | 'any';

/** What a matching request gets before it is handled (`latency` adds up and lets it through). */
export type ChaosRequestEffect =
  | { kind: 'latency'; ms: number; jitterMs?: number }
  | { kind: 'rate-limit'; retryAfterSeconds?: number }
  | { kind: 'server-error'; status?: 500 | 502 | 503 | 504; format?: 'json' | 'html' }
  | { kind: 'connection-reset' }
  | { kind: 'truncated-body' }
  | { kind: 'no-answer' };

/** What a matching message of an accepted send goes through (send route only). */
export type ChaosDeliveryEffect =
  | { kind: 'outcome'; state: 'failed' | 'undelivered'; errorCode: string }
  | { kind: 'blackhole' }
  | { kind: 'slow-receipt'; ms: number };

export type ChaosEffect = ChaosRequestEffect | ChaosDeliveryEffect;

export interface ChaosRule {
  /** Shown in the timeline and the fired counts; `rule N` (1-based) when absent. */
  name?: string;
  route?: ChaosRoute;
  /** GET or POST; any when absent. */
  method?: string;
  /** Destination prefix, written any way (`+1 201 555`, `1201555`). A send matches when one of its numbers does. */
  to?: string;
  /** A regular expression on the destination's stored digits (`^1415555\d{4}$`). */
  toPattern?: string;
  /** 0–1, default 1. */
  probability?: number;
  effect: ChaosEffect;
}

export interface ChaosConfig {
  /** Same seed and same requests → same outcomes; a random seed is chosen (and shown) when absent. */
  seed?: number;
  rules: ChaosRule[];
}

/** `GET /__sandbox/chaos`. */
export interface ChaosSnapshot {
  seed: number;
  rules: ChaosRule[];
  /** How often each rule took effect since the rules were loaded or the sandbox reset. */
  fired: number[];
}
