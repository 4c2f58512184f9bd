import { performance } from 'node:perf_hooks';
import { type Dispatcher, request } from 'undici';
import { createDispatcher, describeRoute, resolveRoute } from '../network';
import { type MessageRequest, toRequestBody } from '../request';
import { normaliseBaseUrl } from './baseUrl';
import { defaultLog, defaultNetwork } from './defaults';
import { type HttpMethod, PlivoAbortError, PlivoClientError, PlivoNetworkError } from './errors';
import { type FailureContext, malformedFailure, statusFailure, type Timeouts, transportFailure } from './failures';
import type { RouteContext } from './networkFailures';
import { checkAccount, checkMessageList, checkMessageRecord, checkSendBody, type ShapeCheck } from './shapes';
import type {
  AccountDetails,
  CallOptions,
  ListMessagesOptions,
  MessageList,
  MessageRecord,
  PlivoClientOptions,
  PlivoResponse,
  RouteSummary,
  SendMessageBody,
} from './types';

export const DEFAULT_BASE_URL = 'https://api.plivo.com';
const DEFAULT_TIMEOUTS: Required<Timeouts> = { connectMs: 10_000, headersMs: 30_000, bodyMs: 30_000 };
const DEFAULT_USER_AGENT = 'bulk-messaging-workbench';
/** Real bodies are a few KB (a 20-message page); anything far larger is not Plivo. */
const MAX_BODY_BYTES = 2 * 1024 * 1024;

interface Exchange {
  method: HttpMethod;
  /** Path below `/v1/Account/{auth_id}/`. */
  relative: string;
  query?: URLSearchParams;
  json?: unknown;
  signal?: AbortSignal;
}

/**
 * The Plivo Message API over undici with a keep-alive Agent, or a ProxyAgent when the network settings
 * name a proxy for this base URL (fetch measured ~2× slower per request).
 * Never retries: a POST that may have reached Plivo must not be repeated blindly, so callers decide.
 */
export class PlivoClient {
  readonly authId: string;
  /** Normalised, without a trailing slash. */
  readonly baseUrl: string;
  // Private fields stay out of util.inspect and JSON.stringify of the client.
  readonly #authorization: string;
  readonly #secrets: readonly string[];
  /** Undefined when the proxy setting is unusable: every request then fails before it is sent. */
  readonly #dispatcher?: Dispatcher;
  readonly #ownAgent?: Dispatcher;
  readonly #route: RouteContext;
  /** Why no request can be sent (an unusable proxy setting). */
  readonly #routeProblem?: string;
  /** How requests reach the server, for logs and Test Connection; never holds credentials. */
  readonly route: RouteSummary;
  readonly #timeouts: Timeouts;
  readonly #userAgent: string;
  readonly #log?: (line: string) => void;
  #closed = false;

  constructor(options: PlivoClientOptions) {
    if (!options.authId) throw new TypeError('authId is required.');
    if (!options.authToken) throw new TypeError('authToken is required.');
    this.authId = options.authId;
    this.baseUrl = normaliseBaseUrl(options.baseUrl ?? DEFAULT_BASE_URL);
    const credentials = Buffer.from(`${options.authId}:${options.authToken}`).toString('base64');
    this.#authorization = `Basic ${credentials}`;
    this.#secrets = [options.authToken, credentials, encodeURIComponent(options.authToken)];
    this.#timeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
    const network = options.network ?? defaultNetwork();
    if (options.dispatcher) {
      this.#dispatcher = options.dispatcher;
      this.#timeouts.connectMs = undefined; // the caller's dispatcher decides; don't claim a number
      this.#route = { origin: network.origin };
      this.route = { description: '' };
    } else {
      const route = resolveRoute(new URL(this.baseUrl), network);
      this.#ownAgent = createDispatcher(route, network, { connectMs: this.#timeouts.connectMs });
      this.#dispatcher = this.#ownAgent;
      const proxy = route.kind === 'proxy' ? { shown: route.shown, source: route.source } : undefined;
      this.#route = { proxy, origin: network.origin };
      if (route.kind === 'invalid') this.#routeProblem = route.problem;
      const unchecked = network.strictSSL ? '' : 'certificates not checked (http.proxyStrictSSL)';
      this.route = { proxy: proxy?.shown, proxySource: proxy?.source, description: [describeRoute(route), unchecked].filter(Boolean).join(', ') };
    }
    this.#userAgent = options.userAgent ?? DEFAULT_USER_AGENT;
    this.#log = options.log ?? defaultLog();
  }

  /** `POST /Message/` with a JSON body; resolves on 2xx with one UUID per valid destination. */
  async sendMessage(req: MessageRequest, options: CallOptions = {}): Promise<PlivoResponse<SendMessageBody>> {
    return this.#call({ method: 'POST', relative: 'Message/', json: toRequestBody(req), signal: options.signal }, checkSendBody);
  }

  /** `GET /Message/{uuid}/`: one message's state, units and cost. */
  async getMessage(uuid: string, options: CallOptions = {}): Promise<PlivoResponse<MessageRecord>> {
    if (typeof uuid !== 'string' || uuid.trim() === '') throw new TypeError('A message UUID is required.');
    return this.#call({ method: 'GET', relative: `Message/${encodeURIComponent(uuid.trim())}/`, signal: options.signal }, checkMessageRecord);
  }

  /** `GET /Message/?limit&offset&filters`: one page of messages, newest first. */
  async listMessages(options: ListMessagesOptions = {}): Promise<PlivoResponse<MessageList>> {
    const { limit, offset, filters = {}, signal } = options;
    if (limit !== undefined && !(Number.isInteger(limit) && limit >= 1 && limit <= 20)) {
      throw new RangeError('limit must be a whole number from 1 to 20.');
    }
    if (offset !== undefined && !(Number.isInteger(offset) && offset >= 0)) {
      throw new RangeError('offset must be a whole number, 0 or more.');
    }
    const query = new URLSearchParams();
    if (limit !== undefined) query.set('limit', String(limit));
    if (offset !== undefined) query.set('offset', String(offset));
    for (const [name, value] of Object.entries(filters)) {
      if (value !== undefined) query.set(name, String(value));
    }
    return this.#call({ method: 'GET', relative: 'Message/', query, signal }, checkMessageList);
  }

  /** `GET /v1/Account/{auth_id}/`: account details; the way to test credentials. */
  async getAccount(options: CallOptions = {}): Promise<PlivoResponse<AccountDetails>> {
    return this.#call({ method: 'GET', relative: '', signal: options.signal }, checkAccount);
  }

  /** Closes the client's own keep-alive connections (a dispatcher passed in is left open). */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await this.#ownAgent?.close();
  }

  async #call<T>(exchange: Exchange, check: (json: unknown) => ShapeCheck<T>): Promise<PlivoResponse<T>> {
    const url = this.#url(exchange);
    const ctx: FailureContext = { method: exchange.method, url, host: new URL(url).host, secrets: this.#secrets, route: this.#route };
    const via = this.route.description ? ` ${this.route.description}` : '';
    const started = performance.now();
    try {
      const { status, text, retryAfter } = await this.#exchange(exchange, url, ctx);
      const elapsedMs = performance.now() - started;
      if (status < 200 || status >= 300) throw statusFailure(status, text, retryAfter, ctx);
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        throw malformedFailure(status, text.trim() === '' ? 'is empty' : 'is not JSON', text, ctx);
      }
      const checked = check(json);
      if (!checked.ok) throw malformedFailure(status, checked.problem, text, ctx);
      this.#report(`${exchange.method} ${url}${via} → ${status} in ${Math.round(elapsedMs)} ms`);
      return { status, body: checked.value, elapsedMs };
    } catch (error) {
      const outcome = error instanceof PlivoClientError ? error.kind : 'error';
      const status = (error as { status?: number }).status;
      this.#report(`${exchange.method} ${url}${via} → ${outcome}${status ? ` ${status}` : ''} after ${Math.round(performance.now() - started)} ms`);
      throw error;
    }
  }

  /** Sends the request and reads the whole body; transport failures become typed errors here. */
  async #exchange(exchange: Exchange, url: string, ctx: FailureContext): Promise<{ status: number; text: string; retryAfter?: string | string[] }> {
    const { method, json, signal } = exchange;
    if (signal?.aborted) throw new PlivoAbortError('The request was cancelled before it was sent; nothing was sent.', ctx, false);
    if (this.#closed) throw new PlivoNetworkError('This client is closed; nothing was sent. Create a new client.', ctx, false, 'CLIENT_CLOSED');
    if (this.#routeProblem !== undefined || !this.#dispatcher) {
      throw new PlivoNetworkError(`${this.#routeProblem ?? 'No way to the server'}; nothing was sent. Fix the proxy setting, then try again.`, ctx, false, 'PROXY_INVALID');
    }
    const headers: Record<string, string> = {
      authorization: this.#authorization,
      accept: 'application/json',
      'user-agent': this.#userAgent,
    };
    if (json !== undefined) headers['content-type'] = 'application/json';
    try {
      const response = await request(url, {
        method,
        headers,
        body: json === undefined ? undefined : JSON.stringify(json),
        signal,
        dispatcher: this.#dispatcher,
        headersTimeout: this.#timeouts.headersMs,
        bodyTimeout: this.#timeouts.bodyMs,
      });
      const status = response.statusCode;
      const text = await readCapped(response.body, MAX_BODY_BYTES);
      if (text === undefined) throw malformedFailure(status, `is larger than ${MAX_BODY_BYTES / 1024 / 1024} MiB`, '', ctx);
      return { status, text, retryAfter: response.headers['retry-after'] };
    } catch (thrown) {
      if (thrown instanceof PlivoClientError) throw thrown;
      throw transportFailure(thrown, ctx, signal, this.#timeouts);
    }
  }

  #url({ relative, query }: Exchange): string {
    const search = query?.toString() ? `?${query.toString()}` : '';
    return `${this.baseUrl}/v1/Account/${encodeURIComponent(this.authId)}/${relative}${search}`;
  }

  #report(line: string): void {
    try {
      this.#log?.(line);
    } catch {
      // A failing logger must not turn a sent message into an error.
    }
  }
}

/** The body as UTF-8 text, or undefined once it exceeds `limit` bytes (the stream is then dropped). */
async function readCapped(body: Dispatcher.ResponseData['body'], limit: number): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    size += (chunk as Buffer).length;
    if (size > limit) {
      body.destroy();
      return undefined;
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}
