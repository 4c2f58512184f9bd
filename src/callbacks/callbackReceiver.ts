// The local status-callback receiver: node:http on 127.0.0.1, started on first use. It answers
// every callback at once (Plivo retries slow or failed ones) and hands the request on as read.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** The path of the inspector URL the composer fills in. */
export const INSPECTOR_PATH = '/plivo/status';

/** Plivo's callbacks are a few hundred bytes; anything far larger is not one. */
const MAX_BODY_BYTES = 64 * 1024;

/** One request as the receiver read it. */
export interface ReceivedRequest {
  receivedAt: Date;
  method: string;
  /** The request target: path and query. */
  target: string;
  /** Header names in lower case; repeated headers joined with ", ". */
  headers: Record<string, string>;
  body: string;
}

export interface ReceiverAddress {
  port: number;
  /** `http://127.0.0.1:PORT/plivo/status`. */
  url: string;
}

function headersOf(request: IncomingMessage): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

export class CallbackReceiver {
  private server: Server | undefined;
  private starting: Promise<ReceiverAddress> | undefined;

  /**
   * `preferredPort`: the port of the last session, so callbacks of sends made before a reload still
   * arrive; another free port when it is taken.
   */
  constructor(
    private readonly onRequest: (request: ReceivedRequest) => void,
    private readonly preferredPort = 0,
  ) {}

  /** Starts listening once; later calls return the same address. */
  ensureStarted(): Promise<ReceiverAddress> {
    this.starting ??= this.start().catch((error: unknown) => {
      this.starting = undefined;
      throw error;
    });
    return this.starting;
  }

  /** The address when it is listening, without starting it. */
  async current(): Promise<ReceiverAddress | undefined> {
    return this.starting?.catch(() => undefined);
  }

  private async start(): Promise<ReceiverAddress> {
    const server = createServer((request, response) => this.handle(request, response));
    server.keepAliveTimeout = 5000;
    const listen = (port: number) =>
      new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, '127.0.0.1', () => {
          server.off('error', reject);
          resolve();
        });
      });
    try {
      await listen(this.preferredPort);
    } catch (error) {
      if (this.preferredPort === 0 || (error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
      await listen(0);
    }
    this.server = server;
    const { port } = server.address() as AddressInfo;
    return { port, url: `http://127.0.0.1:${port}${INSPECTOR_PATH}` };
  }

  private handle(request: IncomingMessage, response: import('node:http').ServerResponse): void {
    const reply = (status: number, text: string) => {
      response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8', connection: status === 200 ? 'keep-alive' : 'close' });
      response.end(text);
    };
    if (request.method !== 'POST' && request.method !== 'GET') return reply(405, 'Only GET and POST status callbacks are accepted.');
    const chunks: Buffer[] = [];
    let size = 0;
    let refused = false;
    request.on('data', (chunk: Buffer) => {
      if (refused) return;
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        refused = true;
        reply(413, 'A status callback is at most 64 KiB.');
        request.resume();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => {
      if (refused) return;
      reply(200, 'OK');
      this.onRequest({ receivedAt: new Date(), method: request.method ?? 'GET', target: request.url ?? '/', headers: headersOf(request), body: Buffer.concat(chunks).toString('utf8') });
    });
    request.on('error', () => undefined);
  }

  async close(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    this.starting = undefined;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}
