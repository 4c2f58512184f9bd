import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Params } from './body';
import { sendError, sendJson } from './reply';
import type { SandboxState } from './state';
import type { SandboxAccount } from './types';

/** The Plivo routes the sandbox serves. */
export type RouteName = 'account' | 'messages' | 'message' | 'pricing';

/** A matched API path. */
export interface RouteMatch {
  name: RouteName;
  /** The path pattern, as shown in request-log counts. */
  pattern: string;
  authId: string;
  uuid?: string;
}

/** One authenticated API request on its way to a handler. */
export interface ApiRequest {
  state: SandboxState;
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  /** POST body parameters (empty for GET). */
  params: Params;
  account: SandboxAccount;
  match: RouteMatch;
  /** Set by the truncated-JSON fault. */
  truncate: boolean;
}

const ROUTES: ReadonlyArray<{ name: RouteName; pattern: string; regex: RegExp; methods: readonly string[] }> = [
  { name: 'account', pattern: '/v1/Account/{auth_id}/', regex: /^\/v1\/Account\/([^/]+)\/$/, methods: ['GET'] },
  { name: 'messages', pattern: '/v1/Account/{auth_id}/Message/', regex: /^\/v1\/Account\/([^/]+)\/Message\/$/, methods: ['GET', 'POST'] },
  { name: 'message', pattern: '/v1/Account/{auth_id}/Message/{message_uuid}/', regex: /^\/v1\/Account\/([^/]+)\/Message\/([^/]+)\/$/, methods: ['GET'] },
  { name: 'pricing', pattern: '/v1/Account/{auth_id}/Pricing/', regex: /^\/v1\/Account\/([^/]+)\/Pricing\/$/, methods: ['GET'] },
];

function decode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** Matches a path to a route (paths end with `/`, as Plivo's do). */
export function matchRoute(pathname: string): RouteMatch | undefined {
  for (const route of ROUTES) {
    const m = route.regex.exec(pathname);
    if (m) return { name: route.name, pattern: route.pattern, authId: decode(m[1]), uuid: m[2] === undefined ? undefined : decode(m[2]) };
  }
  return undefined;
}

/** Methods a route answers. */
export function allowedMethods(name: RouteName): readonly string[] {
  return ROUTES.find((r) => r.name === name)?.methods ?? [];
}

/** Replies with JSON, honouring a truncated-JSON fault. */
export function reply(api: ApiRequest, status: number, body: unknown, headers?: Record<string, string>): void {
  sendJson(api.res, status, body, { headers, truncate: api.truncate });
}

/** Replies with Plivo's error shape, honouring a truncated-JSON fault. */
export function replyError(api: ApiRequest, status: number, error: string, headers?: Record<string, string>): void {
  sendError(api.res, status, error, { headers, truncate: api.truncate });
}
