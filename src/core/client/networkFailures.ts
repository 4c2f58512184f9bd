// Failures of the way to the server rather than of the server: the proxy (unreachable, 407, refusing
// the tunnel) and TLS trust (an unknown root, a certificate for another name). None of them let the
// request reach Plivo, so each says that nothing was sent and which setting or variable fixes it.
import { PlivoNetworkError } from './errors';
import type { FailureContext } from './failures';

/** What the failure messages need to know about the route a request took. */
export interface RouteContext {
  /** The proxy as shown to the user (no credentials) and the setting it came from. */
  proxy?: { shown: string; source: string };
  /** Who configured the network: decides which setting or variable the advice names. */
  origin: 'vscode' | 'environment';
}

const PROXY_REACH_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NODATA', 'EAI_NONAME', 'ENETUNREACH', 'EHOSTUNREACH', 'EADDRNOTAVAIL', 'UND_ERR_CONNECT_TIMEOUT']);
const UNTRUSTED_CODES = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'CERT_UNTRUSTED',
  'CERT_SIGNATURE_FAILURE',
]);
const HOSTNAME_CODES = new Set(['ERR_TLS_CERT_ALTNAME_INVALID', 'HOSTNAME_MISMATCH']);
const EXPIRED_CODES = new Set(['CERT_HAS_EXPIRED', 'CERT_NOT_YET_VALID']);

/** A proxy or certificate failure for `code`, or undefined when it is neither. */
export function routeFailure(code: string, thrown: unknown, ctx: FailureContext): PlivoNetworkError | undefined {
  const route = ctx.route;
  const notSent = (what: string, advice: string, errorCode = code) => new PlivoNetworkError(`${what}; nothing was sent. ${advice}`, ctx, false, errorCode);
  const proxy = route?.proxy;
  if (proxy) {
    const status = proxyStatus(code, thrown);
    if (status === 407) {
      return notSent(`The proxy ${proxy.shown} (from ${proxy.source}) asks for credentials (HTTP 407)`, proxyAuthAdvice(proxy.source, route.origin), 'PROXY_AUTH_REQUIRED');
    }
    if (status !== undefined) {
      return notSent(`The proxy ${proxy.shown} (from ${proxy.source}) refused to connect to ${ctx.host} (HTTP ${status})`, `Check that the proxy allows ${ctx.host}, or add the host to ${noProxyName(route.origin)}.`, 'PROXY_REFUSED');
    }
    if (PROXY_REACH_CODES.has(code)) {
      const reason = code === 'ECONNREFUSED' ? 'connection refused' : code === 'UND_ERR_CONNECT_TIMEOUT' ? 'no answer in time' : code;
      return notSent(`Could not reach the proxy ${proxy.shown} (from ${proxy.source}: ${reason})`, `Check ${proxy.source} and that the proxy is running, then try again.`, 'PROXY_UNREACHABLE');
    }
  }
  if (UNTRUSTED_CODES.has(code)) {
    return notSent(`The certificate of ${viaProxy(ctx)} is not trusted (${code})`, trustAdvice(route));
  }
  if (HOSTNAME_CODES.has(code)) {
    return notSent(
      `The certificate presented for ${ctx.host} is for another host name (${code})`,
      proxy ? 'Check the base URL; if the proxy inspects TLS, it must re-sign certificates for this host.' : 'Check the base URL: use the host name the server\'s certificate names.',
    );
  }
  if (EXPIRED_CODES.has(code)) {
    return notSent(`The certificate of ${viaProxy(ctx)} is not valid now (${code})`, 'Check the computer\'s clock and the server\'s certificate.');
  }
  return undefined;
}

/** The status a proxy answered instead of connecting: a refused CONNECT or an absolute-form 407. */
function proxyStatus(code: string, thrown: unknown): number | undefined {
  const message = (thrown as { message?: unknown })?.message;
  if (typeof message !== 'string') return undefined;
  if (code === 'UND_ERR_ABORTED') {
    const tunnel = /^Proxy response \((\d{3})\) !== 200 when HTTP Tunneling$/.exec(message);
    if (tunnel) return Number(tunnel[1]);
  }
  if (code === 'UND_ERR_INVALID_ARG' && message === 'Proxy Authentication Required (407)') return 407;
  return undefined;
}

function viaProxy(ctx: FailureContext): string {
  return ctx.route?.proxy ? `${ctx.host} (through the proxy ${ctx.route.proxy.shown})` : ctx.host;
}

function noProxyName(origin: RouteContext['origin']): string {
  return origin === 'vscode' ? 'http.noProxy' : 'NO_PROXY';
}

export function proxyAuthAdvice(source: string, origin: RouteContext['origin']): string {
  const inUrl = `Check the user name and password in ${source} (http://user:password@host:port)`;
  return origin === 'vscode' ? `${inUrl} or set http.proxyAuthorization, then try again.` : `${inUrl}, then try again.`;
}

/** What fixes an unknown root: the variable everywhere, VS Code's setting in the extension. */
export function trustAdvice(route: RouteContext | undefined): string {
  const lead = 'If your network inspects TLS with its own root certificate, trust that certificate: set NODE_EXTRA_CA_CERTS to its PEM file';
  return route?.origin === 'vscode'
    ? `${lead} and restart VS Code (or, not recommended, set http.proxyStrictSSL to false to skip the check).`
    : `${lead} and run again. Otherwise check the base URL.`;
}
