// The undici dispatcher for one route: undici's own Agent or ProxyAgent (CONNECT tunnels for
// https://, absolute-form requests for http:// targets), with any extra trusted certificates.
import { rootCertificates } from 'node:tls';
import { Agent, type Dispatcher, ProxyAgent } from 'undici';
import type { NetworkSettings } from './networkSettings';
import type { Route } from './route';

export interface DispatcherOptions {
  /** TCP + TLS connect timeout, to the server or to the proxy. */
  connectMs?: number;
}

/** A dispatcher for `route`; undefined for an invalid route (the request fails before anything is sent). */
export function createDispatcher(route: Route, settings: NetworkSettings, options: DispatcherOptions = {}): Dispatcher | undefined {
  // Passing `ca` replaces Node's trust store, so the bundled roots are passed along with the extra ones.
  const ca = settings.extraCa.length > 0 ? [...rootCertificates, ...settings.extraCa] : undefined;
  // strictSSL false skips certificate checks on every connection, as VS Code's own requests do.
  const tls = { timeout: options.connectMs, ...(ca ? { ca } : {}), ...(settings.strictSSL ? {} : { rejectUnauthorized: false }) };
  if (route.kind === 'invalid') return undefined;
  if (route.kind === 'direct') return new Agent({ connect: tls });
  return new ProxyAgent({
    uri: route.proxy.href,
    // Credentials in the proxy URL become Basic auth inside ProxyAgent; an explicit header wins.
    ...(settings.proxyAuthorization ? { token: settings.proxyAuthorization } : {}),
    // http:// targets as absolute-form requests (many proxies only allow CONNECT to port 443).
    proxyTunnel: false,
    requestTls: tls,
    proxyTls: tls,
  });
}
