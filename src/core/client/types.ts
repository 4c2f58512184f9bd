import type { Dispatcher } from 'undici';
import type { NetworkSettings } from '../network';

/** How to reach Plivo (or the sandbox) and how long to wait. */
export interface PlivoClientOptions {
  authId: string;
  /** Sent only in the Authorization header; never appears in errors or logs. */
  authToken: string;
  /** Default `https://api.plivo.com`; may carry a path prefix (`http://127.0.0.1:8080/plivo`). */
  baseUrl?: string;
  /** undici checks headers/body timeouts on a ~0.5 s tick, so sub-second values fire up to ~1 s late. */
  timeouts?: {
    /** TCP/TLS connect (default 10 s); only applies to the client's own Agent. */
    connectMs?: number;
    /** Until response headers arrive (default 30 s). */
    headersMs?: number;
    /** Longest gap between body chunks (default 30 s). */
    bodyMs?: number;
  };
  /** Proxies and trusted certificates; default: what `setClientDefaults` set, else the environment. Ignored with `dispatcher`. */
  network?: NetworkSettings;
  /** Use this undici dispatcher instead of the client's own keep-alive Agent (not closed by `close()`). */
  dispatcher?: Dispatcher;
  /** Default `bulk-messaging-workbench`. */
  userAgent?: string;
  /** Receives one line per request (method, URL, proxy, outcome, time); never headers, bodies or credentials. Default: `setClientDefaults`'s. */
  log?: (line: string) => void;
}

/** How a client reaches its server, fit to show: no credentials. */
export interface RouteSummary {
  /** The proxy's scheme, host and port, when one is used. */
  proxy?: string;
  /** The setting or variable that named the proxy, e.g. `http.proxy`, `HTTPS_PROXY`. */
  proxySource?: string;
  /** For logs: "via proxy http://proxy:3128 (HTTPS_PROXY)", "direct (NO_PROXY)" or "". */
  description: string;
}

/** Per-call options. */
export interface CallOptions {
  signal?: AbortSignal;
}

/** A successful response: HTTP status, the checked JSON body, and wall time including the body. */
export interface PlivoResponse<T> {
  status: number;
  body: T;
  elapsedMs: number;
}

/** Body of `POST /Message/` (202). */
export interface SendMessageBody {
  api_id: string;
  message: string;
  /** One UUID per unique valid destination, in order. */
  message_uuid: string[];
  /** Destinations Plivo refused, as given; absent when all were valid. */
  invalid_number?: string[];
}

/**
 * One message as `GET /Message/{uuid}/` and the list return it. Only `message_uuid` and
 * `message_state` are checked; the other fields are typed as Plivo documents them.
 */
export interface MessageRecord {
  message_uuid: string;
  message_state: string;
  api_id?: string;
  error_code?: string | null;
  error_message?: string;
  from_number?: string;
  to_number?: string;
  message_direction?: string;
  message_time?: string;
  message_type?: string;
  message_sent_time?: string | null;
  message_updated_time?: string | null;
  resource_uri?: string;
  total_amount?: string;
  total_rate?: string;
  units?: number;
  powerpack_id?: string | null;
  destination_country_iso2?: string;
  is_domestic?: boolean;
  [field: string]: unknown;
}

/** Body of `GET /Message/` (a page, newest first). */
export interface MessageList {
  api_id: string;
  meta: {
    limit: number;
    offset: number;
    total_count: number;
    /** Path of the next page, or null on the last one. */
    next: string | null;
    previous: string | null;
  };
  objects: MessageRecord[];
}

/** Filters of the message list; times as `YYYY-MM-DD HH:MM[:SS[.ffffff]]` UTC. */
export interface MessageListFilters {
  message_state?: string;
  message_direction?: 'inbound' | 'outbound';
  message_type?: string;
  error_code?: string | number;
  from_number?: string;
  to_number?: string;
  message_time?: string;
  message_time__gt?: string;
  message_time__gte?: string;
  message_time__lt?: string;
  message_time__lte?: string;
  powerpack_id?: string;
  subaccount?: string;
}

export interface ListMessagesOptions extends CallOptions {
  /** 1–20, default 20 at Plivo. */
  limit?: number;
  offset?: number;
  filters?: MessageListFilters;
}

/** Body of `GET /v1/Account/{id}/`; only checked to be an object. */
export interface AccountDetails {
  api_id?: string;
  auth_id?: string;
  name?: string;
  cash_credits?: string;
  account_type?: string;
  [field: string]: unknown;
}
