// Which way one base URL is reached: directly or through a proxy, and why. Resolved once per
// client (a client talks to one origin), so the log and Test Connection can say what was used.
import type { NetworkSettings, ProxySetting } from './networkSettings';

export type Route =
  | { kind: 'direct'; reason: 'no-proxy-set' | 'loopback' | 'no-proxy-list'; bypassSource?: string }
  | { kind: 'proxy'; proxy: URL; source: string; shown: string }
  | { kind: 'invalid'; source: string; problem: string };

const DEFAULT_PORTS: Record<string, number> = { 'http:': 80, 'https:': 443 };

/** The route for requests to `target` under `settings`. */
export function resolveRoute(target: URL, settings: NetworkSettings): Route {
  const setting = target.protocol === 'https:' ? settings.httpsProxy : settings.httpProxy;
  if (!setting) return { kind: 'direct', reason: 'no-proxy-set' };
  const host = bareHost(target);
  const proxy = parseProxy(setting);
  // A remote proxy cannot reach this machine's loopback (the embedded sandbox), so loopback targets
  // bypass it, as in VS Code; a proxy on this machine (a debugging proxy, a test) can, so it gets them.
  if (isLoopbackHost(host) && !(proxy.kind === 'proxy' && isLoopbackHost(bareHost(proxy.proxy)))) return { kind: 'direct', reason: 'loopback' };
  const port = Number(target.port) || DEFAULT_PORTS[target.protocol] || 0;
  if (bypassesProxy(host, port, settings.noProxy)) return { kind: 'direct', reason: 'no-proxy-list', bypassSource: settings.noProxySource };
  return proxy;
}

function bareHost(url: URL): string {
  return url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
}

export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || host === '::ffff:127.0.0.1' || /^127(\.\d{1,3}){3}$/.test(host);
}

/** NO_PROXY matching as curl and undici do it: exact host or a subdomain, optional port, `*` for all. */
export function bypassesProxy(host: string, port: number, entries: readonly string[]): boolean {
  for (const raw of entries) {
    const entry = raw.trim().toLowerCase();
    if (entry === '*') return true;
    const match = /^(.+):(\d+)$/.exec(entry);
    const entryHost = (match ? match[1] : entry).replace(/^\*?\./, '').replace(/^\[|\]$/g, '');
    if (match && Number(match[2]) !== port) continue;
    if (entryHost !== '' && (host === entryHost || host.endsWith(`.${entryHost}`))) return true;
  }
  return false;
}

function parseProxy(setting: ProxySetting): Route {
  // `proxy.corp:3128` without a scheme means http://, as curl reads it.
  const raw = /^[a-z][a-z0-9+.-]*:\/\//i.test(setting.url) ? setting.url : `http://${setting.url}`;
  let proxy: URL;
  try {
    proxy = new URL(raw);
  } catch {
    return { kind: 'invalid', source: setting.source, problem: `${setting.source} is not a valid proxy URL` };
  }
  if (proxy.protocol !== 'http:' && proxy.protocol !== 'https:') {
    return { kind: 'invalid', source: setting.source, problem: `${setting.source} uses ${proxy.protocol.replace(/:$/, '')}://, but only http:// and https:// proxies are supported` };
  }
  return { kind: 'proxy', proxy, source: setting.source, shown: describeProxyUrl(proxy) };
}

/** A proxy URL fit for logs and messages: scheme, host and port only (no user, password, path or query). */
export function describeProxyUrl(proxy: URL): string {
  return `${proxy.protocol}//${proxy.host}`;
}

/** One phrase for logs: "via proxy http://proxy:3128 (HTTPS_PROXY)", "direct (NO_PROXY)" or "". */
export function describeRoute(route: Route): string {
  if (route.kind === 'proxy') return `via proxy ${route.shown} (${route.source})`;
  if (route.kind === 'direct' && route.reason === 'no-proxy-list') return `direct (${route.bypassSource ?? 'no-proxy list'})`;
  if (route.kind === 'direct' && route.reason === 'loopback') return 'direct (loopback)';
  return '';
}
