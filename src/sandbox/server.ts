import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { FaultSpec } from './faults';
import { resolveOptions } from './options';
import { sendError } from './reply';
import { createRequestHandler } from './requestHandler';
import { createState } from './state';
import type { SandboxOptions, SandboxServer } from './types';

const HOST = '127.0.0.1';
// In-flight requests get this long to finish on close before their connections are cut.
const CLOSE_GRACE_MS = 3000;

/** Starts the Plivo-compatible sandbox on 127.0.0.1 (port 0 → a free port, reported back). */
export async function startSandbox(options: SandboxOptions = {}): Promise<SandboxServer> {
  const resolved = resolveOptions(options);
  const state = createState(resolved);
  const closing = new AbortController();
  const hanging = new Set<ServerResponse>();
  const handle = createRequestHandler(state, {
    closing: closing.signal,
    hang: (res) => {
      hanging.add(res);
      res.on('close', () => hanging.delete(res));
    },
  });

  const listener = (req: IncomingMessage, res: ServerResponse) => {
    handle(req, res).catch(() => {
      // A handler bug must still produce Plivo's error shape, never a hung request.
      if (!res.headersSent) sendError(res, 500, 'internal server error');
      else res.destroy();
    });
  };
  // HTTPS with the caller's certificate: rehearses a private certificate authority.
  const server = options.tls
    ? createHttpsServer({ keepAliveTimeout: 5000, cert: options.tls.cert, key: options.tls.key }, listener)
    : createServer({ keepAliveTimeout: 5000 }, listener);

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(resolved.port, HOST, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const baseUrl = `${options.tls ? 'https' : 'http'}://${HOST}:${port}`;
  let closed: Promise<void> | undefined;

  async function close(): Promise<void> {
    state.delivery.clear();
    closing.abort();
    for (const res of hanging) res.socket?.destroy();
    const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    const grace = setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS);
    // Keep-alive sockets that go idle after their last response are closed too.
    const sweep = setInterval(() => server.closeIdleConnections(), 50);
    await Promise.all([stopped, state.callbacks.close()]);
    clearTimeout(grace);
    clearInterval(sweep);
    state.reset();
  }

  return {
    baseUrl,
    port,
    accounts: resolved.accounts.map((a) => ({ ...a })),
    accountUrl: (authId = resolved.accounts[0].authId) => `${baseUrl}/v1/Account/${authId}`,
    injectFault: (spec: FaultSpec) => state.faults.add(spec),
    requestLog: () => state.requestLog.snapshot(),
    callbackLog: () => state.callbacks.attempts(),
    messageCount: () => state.store.size,
    reset: () => state.reset(),
    close: () => (closed ??= close()),
  };
}
