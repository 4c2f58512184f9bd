// A Plivo-compatible server whose every answer carries injection payloads, standing in for the
// sandbox (the Local sandbox profile is pointed at it), so the composer and the Sends view show
// server-supplied strings: api_id, message, invalid_number entries, error texts, an HTML error page.
import { randomUUID } from 'node:crypto';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PAYLOADS } from './payloads';

export interface HostileServer {
  origin: string;
  authId: string;
  authToken: string;
  /** POSTs received, to check each send was made once. */
  posts: number;
  close(): Promise<void>;
}

/** What a send's `text` asks the server for. */
export const HOSTILE_MODES = { accept: 'accept', reject: 'reject', html: 'html' } as const;

function json(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) }).end(text);
}

/** Starts the server on 127.0.0.1 (port 0); close it in an `after` hook. */
export async function startHostileServer(): Promise<HostileServer> {
  const state: HostileServer = { origin: '', authId: 'MAHOSTILESERVER00001', authToken: randomUUID().replace(/-/g, ''), posts: 0, close: async () => undefined };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
      if (req.method === 'POST' && /\/Message\/$/.test(path)) {
        state.posts++;
        const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as { dst?: string; text?: string };
        const mode = body.text ?? '';
        if (mode.includes(HOSTILE_MODES.reject)) return json(res, 400, { api_id: PAYLOADS[0], error: PAYLOADS[11] });
        if (mode.includes(HOSTILE_MODES.html)) {
          const page = `<html><head><title>${PAYLOADS[14]}</title></head><body>${PAYLOADS.slice(0, 6).join('')}</body></html>`;
          res.writeHead(503, { 'content-type': 'text/html' }).end(page);
          return;
        }
        const uuids = (body.dst ?? '').split('<').map(() => randomUUID());
        return json(res, 202, { api_id: PAYLOADS[0], message: PAYLOADS[2], message_uuid: uuids, invalid_number: [...PAYLOADS] });
      }
      if (req.method === 'GET' && /\/Message\/[^/]+\/$/.test(path)) return json(res, 404, { api_id: PAYLOADS[3], error: PAYLOADS[4] });
      json(res, 404, { error: PAYLOADS[5] });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  state.close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return state;
}
