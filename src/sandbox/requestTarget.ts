import { CONTROL_PREFIX } from './controlRoutes';
import { redactSecrets, redactUrl } from './redact';
import { matchRoute, type RouteMatch } from './routes';

/** What the handler reads from a request's target (`req.url`), worked out once per distinct target. */
export interface RequestTarget {
  /** The path with repeated slashes merged (the node SDK asks for `…/{auth_id}//`). */
  pathname: string;
  /** The target as logs show it: tokens and secret-looking parameters redacted. */
  shownPath: string;
  control: boolean;
  /** The Plivo route, for API paths. */
  match: RouteMatch | undefined;
  /** The account in an API path, checked against the credentials. */
  pathAuthId: string | undefined;
  /** Request-log route labels by method, e.g. `POST /v1/Account/{auth_id}/Message/`. */
  labels: Map<string, string>;
}

/** The route a request counts under in the request log (control requests share one label). */
export function routeLabel(target: RequestTarget, method: string): string {
  let label = target.labels.get(method);
  if (label === undefined) {
    label = `${method} ${target.control ? CONTROL_PREFIX : (target.match?.pattern ?? 'unknown')}`;
    if (target.labels.size < 16) target.labels.set(method, label);
  }
  return label;
}

const ACCOUNT_PATH = /^\/v1\/Account\/([^/]+)\//;
// Clients repeat the same few targets (one send path per account); a bounded memo spares the URL
// parse, the redaction regexes and the route match on every request.
const MEMO_LIMIT = 256;

/** The full URL of a target, as the list routes read their query from it. */
export function parseTarget(rawTarget: string): URL {
  const url = new URL(`http://127.0.0.1${rawTarget}`);
  url.pathname = url.pathname.replace(/\/{2,}/g, '/');
  return url;
}

/** Returns a reader of request targets for a sandbox whose tokens are `tokens`. */
export function createTargetReader(tokens: readonly string[]): (rawTarget: string) => RequestTarget {
  const memo = new Map<string, RequestTarget>();
  return (rawTarget) => {
    let target = memo.get(rawTarget);
    if (target) return target;
    const { pathname } = parseTarget(rawTarget);
    const control = pathname.startsWith(CONTROL_PREFIX) || pathname === CONTROL_PREFIX.slice(0, -1);
    target = {
      pathname,
      shownPath: redactUrl(redactSecrets(rawTarget, tokens)),
      control,
      match: control ? undefined : matchRoute(pathname),
      pathAuthId: control ? undefined : ACCOUNT_PATH.exec(pathname)?.[1],
      labels: new Map(),
    };
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(rawTarget, target);
    return target;
  };
}
