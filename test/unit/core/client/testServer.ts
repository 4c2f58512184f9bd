// A real node:http server on 127.0.0.1 (port 0) that records every request and answers with
// whatever the current test's `respond` does — including never answering or breaking the socket.
import * as assert from 'node:assert/strict';
import * as diagnostics from 'node:diagnostics_channel';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';

export interface SeenRequest {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** Client-side port of the TCP connection: equal ports mean a reused keep-alive socket. */
  remotePort: number;
}

export type Responder = (req: IncomingMessage, res: ServerResponse, seen: SeenRequest) => void;

export interface TestServer {
  /** `http://127.0.0.1:PORT` */
  origin: string;
  requests: SeenRequest[];
  /** Replaced by each test; the default answers 404 with Plivo's error body. */
  respond: Responder;
  close(): Promise<void>;
}

export const AUTH_ID = 'MAXXXXXXXXXXXXXXXXXX';
/** Shaped like a real 40-character Plivo token so the generic redaction cannot be what hides it. */
export const AUTH_TOKEN = 'Zx9Tq7Lm2Pw4Rt6Yu8Io0Pa1Sd3Fg5Hj7Kl9Zx2C';
export const BASIC_CREDENTIALS = Buffer.from(`${AUTH_ID}:${AUTH_TOKEN}`).toString('base64');

/** Replies with a JSON body and the given status. */
export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

/** Starts a recording server; close it in an `after`/`afterEach` hook. */
export async function startTestServer(): Promise<TestServer> {
  const state: TestServer = {
    origin: '',
    requests: [],
    respond: (_req, res) => sendJson(res, 404, { api_id: 'a1', error: 'not found' }),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const seen: SeenRequest = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        remotePort: req.socket.remotePort ?? 0,
      };
      state.requests.push(seen);
      state.respond(req, res, seen);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return state;
}

/** A port on 127.0.0.1 with nothing listening (bound, then released). */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Asserts the token (raw or inside Basic credentials) shows up in no rendering of the error. */
export function assertNoSecrets(error: unknown): void {
  const err = error as Error;
  const renderings = {
    string: String(err),
    message: err.message,
    json: JSON.stringify(err),
    stack: err.stack ?? '',
    inspect: inspect(err, { depth: 5, showHidden: true }),
  };
  for (const [how, text] of Object.entries(renderings)) {
    assert.equal(text.includes(AUTH_TOKEN), false, `token visible in ${how}: ${text}`);
    assert.equal(text.includes(BASIC_CREDENTIALS), false, `credentials visible in ${how}: ${text}`);
  }
}

/** Number of POST requests the server received. */
export function postCount(server: TestServer): number {
  return server.requests.filter((seen) => seen.method === 'POST').length;
}

/**
 * Runs `action` once the client has read the response headers from `origin` (undici's own diagnostics
 * channel), so a test can break or cancel the exchange while the body is arriving, not after a guessed delay.
 */
export function whenClientHasHeaders(origin: string, action: () => void): void {
  const onHeaders = (message: unknown) => {
    if ((message as { request?: { origin?: unknown } }).request?.origin !== origin) return;
    diagnostics.unsubscribe('undici:request:headers', onHeaders);
    action();
  };
  diagnostics.subscribe('undici:request:headers', onHeaders);
}
