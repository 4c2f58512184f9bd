import type { IncomingMessage, ServerResponse } from 'node:http';
import { parseParams } from './body';
import type { RequestChaos } from './chaos';
import { storedNumber } from './inboxQuery';
import { sendError } from './reply';
import type { RouteMatch } from './routes';
import type { SandboxState } from './state';
import type { ChaosRoute } from './types';

const SERVER_ERRORS: Record<number, string> = { 500: 'internal server error', 502: 'bad gateway', 503: 'service unavailable', 504: 'gateway timeout' };

function chaosRoute(match: RouteMatch, method: string): Exclude<ChaosRoute, 'any'> {
  if (match.name === 'messages') return method === 'POST' ? 'send' : 'list';
  return match.name === 'message' ? 'get' : 'account';
}

/** The chaos rules' decision for one authenticated API request (nothing when no rule is loaded). */
export function requestChaos(state: SandboxState, match: RouteMatch | undefined, method: string, body: string, contentType: string | undefined): RequestChaos | undefined {
  if (!match || !state.chaos.active) return undefined;
  const destinations = (): string[] => {
    const parsed = parseParams(body, contentType);
    const dst = parsed.ok ? parsed.params.dst : undefined;
    return typeof dst === 'string' ? dst.split('<').map(storedNumber) : [];
  };
  return state.chaos.forRequest(chaosRoute(match, method), method, destinations);
}

function htmlPage(status: number): string {
  const title = `${status} ${SERVER_ERRORS[status].replace(/\b\w/g, (c) => c.toUpperCase())}`;
  return `<html>\r\n<head><title>${title}</title></head>\r\n<body>\r\n<center><h1>${title}</h1></center>\r\n</body>\r\n</html>\r\n`;
}

/** Applies a stopping effect: answered, cut, or left hanging. */
export function applyChaosStop(stop: NonNullable<RequestChaos['stop']>, req: IncomingMessage, res: ServerResponse, hang: (res: ServerResponse) => void): void {
  switch (stop.kind) {
    case 'rate-limit':
      return sendError(res, 429, 'too many requests', { headers: { 'retry-after': String(stop.retryAfterSeconds ?? 1) } });
    case 'server-error': {
      const status = stop.status ?? 500;
      if (stop.format !== 'html') return sendError(res, status, SERVER_ERRORS[status]);
      const html = htmlPage(status);
      res.writeHead(status, { 'content-type': 'text/html', 'content-length': String(Buffer.byteLength(html)) });
      return void res.end(html);
    }
    case 'connection-reset':
      return void req.socket.resetAndDestroy();
    case 'no-answer':
      return hang(res);
  }
}
