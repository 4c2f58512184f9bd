// Shared test helpers: a fast sandbox, raw authenticated requests, and a callback receiver.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Agent, request } from 'undici';
import { startSandbox } from '../../../src/sandbox';
import type { SandboxOptions, SandboxServer } from '../../../src/sandbox';

/** Fast timings so delivery completes in tens of milliseconds. */
export const FAST: SandboxOptions = {
  messagesPerSecond: 2000,
  timings: { sentAfterMs: 10, deliveredAfterMs: 40, slowDeliveredAfterMs: 400 },
  callbackRetry: { retries: 2, baseDelayMs: 30, maxDelayMs: 200, timeoutMs: 1000 },
};

/** Starts a sandbox with fast timings plus the given options. */
export function startFast(options: SandboxOptions = {}): Promise<SandboxServer> {
  return startSandbox({ ...FAST, ...options, timings: { ...FAST.timings, ...options.timings } });
}

export function basic(authId: string, token: string): string {
  return 'Basic ' + Buffer.from(`${authId}:${token}`).toString('base64');
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  /** Parsed JSON body (undefined when the body is not JSON). */
  // Tests read arbitrary response JSON; a typed shape per route would only restate the assertions.
  json: any;
}

const agent = new Agent({ connections: 32 });

/** A raw request to the sandbox; `auth` defaults to the first account's credentials. */
export async function call(
  sandbox: SandboxServer,
  method: string,
  path: string,
  options: { body?: unknown; form?: Record<string, string>; auth?: string | null; headers?: Record<string, string>; rawBody?: string } = {},
): Promise<RawResponse> {
  const account = sandbox.accounts[0];
  const headers: Record<string, string> = { ...options.headers };
  if (options.auth !== null) headers.authorization = options.auth ?? basic(account.authId, account.authToken);
  let body: string | undefined = options.rawBody;
  if (options.body !== undefined) {
    body = JSON.stringify(options.body);
    headers['content-type'] ??= 'application/json';
  } else if (options.form) {
    body = new URLSearchParams(options.form).toString();
    headers['content-type'] = 'application/x-www-form-urlencoded';
  }
  const res = await request(sandbox.baseUrl + path, { method: method as 'GET', headers, body, dispatcher: agent });
  const text = await res.body.text();
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: res.statusCode, headers: res.headers, text, json };
}

/** `/v1/Account/{id}/…` for the first account. */
export function accountPath(sandbox: SandboxServer, rest = ''): string {
  return `/v1/Account/${sandbox.accounts[0].authId}/${rest}`;
}

/** Sends a message with JSON and returns the raw response. */
export function send(sandbox: SandboxServer, params: Record<string, unknown>): Promise<RawResponse> {
  return call(sandbox, 'POST', accountPath(sandbox, 'Message/'), { body: { src: '14155550000', text: 'Hello', ...params } });
}

export { waitFor } from '../../helpers/waitFor';

/** One request the receiver got. */
export interface Received {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  /** Form body (POST) or query (GET) parameters. */
  params: Record<string, string>;
  time: number;
}

/** A local HTTP server that records callbacks and answers with `respond(n)` (n = request number). */
export async function startReceiver(respond: (n: number) => number = () => 200): Promise<{ server: Server; url: string; received: Received[]; close(): Promise<void> }> {
  const received: Received[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      const body = Buffer.concat(chunks).toString('utf8');
      const params = req.method === 'POST' ? Object.fromEntries(new URLSearchParams(body)) : Object.fromEntries(url.searchParams);
      received.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, params, time: Date.now() });
      res.statusCode = respond(received.length);
      res.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    server,
    url: `http://127.0.0.1:${port}`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
