// How requests to Plivo reach the network: proxies, the hosts that bypass them, and extra trusted
// certificate authorities. The CLI fills this from the environment; the extension from VS Code's
// `http.*` settings (falling back to the environment, as VS Code itself does).
import { readFileSync } from 'node:fs';

/** A proxy and the setting or variable it came from (named in messages and logs). */
export interface ProxySetting {
  /** As configured; may hold `user:password@` (never shown: see `describeProxyUrl`). */
  url: string;
  /** e.g. `http.proxy`, `HTTPS_PROXY`. */
  source: string;
}

export interface NetworkSettings {
  /** Who filled these settings: decides which setting or variable a message tells the user to change. */
  origin: 'vscode' | 'environment';
  /** Proxy for https:// base URLs. */
  httpsProxy?: ProxySetting;
  /** Proxy for http:// base URLs (custom servers). */
  httpProxy?: ProxySetting;
  /** Hosts that bypass the proxy: `example.com` (and its subdomains), `.example.com`, `*.example.com`, `host:port`, `*`. */
  noProxy: readonly string[];
  /** Where `noProxy` came from, e.g. `http.noProxy` or `NO_PROXY`. */
  noProxySource?: string;
  /** A ready `Proxy-Authorization` header value (VS Code `http.proxyAuthorization`), e.g. `Basic …`. */
  proxyAuthorization?: string;
  /** False: server and proxy certificates are not checked (VS Code `http.proxyStrictSSL`, which VS Code applies to all its requests). */
  strictSSL: boolean;
  /** PEM certificates trusted in addition to Node's bundled roots. */
  extraCa: readonly string[];
  /** Where `extraCa` came from, e.g. `NODE_EXTRA_CA_CERTS`, `system certificates`. */
  caSources: readonly string[];
}

/** No proxy, Node's own trust store. */
export const DIRECT_NETWORK: NetworkSettings = Object.freeze({ origin: 'environment', noProxy: [], strictSSL: true, extraCa: [], caSources: [] });

/** The first variable of `names` that is set (lower case first, as curl and undici read them). */
function envValue(env: NodeJS.ProcessEnv, ...names: string[]): { value: string; name: string } | undefined {
  for (const name of names) {
    const value = env[name]?.trim();
    if (value) return { value, name };
  }
  return undefined;
}

/** `HTTPS_PROXY` / `HTTP_PROXY` / `NO_PROXY` (either case) and `NODE_EXTRA_CA_CERTS`. */
export function networkFromEnvironment(env: NodeJS.ProcessEnv = process.env): NetworkSettings {
  const http = envValue(env, 'http_proxy', 'HTTP_PROXY');
  // An https:// target falls back to HTTP_PROXY, as curl, undici and VS Code do.
  const https = envValue(env, 'https_proxy', 'HTTPS_PROXY') ?? http;
  const noProxy = envValue(env, 'no_proxy', 'NO_PROXY');
  const ca = extraCaFromEnvironment(env);
  return {
    origin: 'environment',
    httpsProxy: https && { url: https.value, source: https.name },
    httpProxy: http && { url: http.value, source: http.name },
    noProxy: noProxy ? splitNoProxy(noProxy.value) : [],
    noProxySource: noProxy?.name,
    strictSSL: true,
    extraCa: ca,
    caSources: ca.length > 0 ? ['NODE_EXTRA_CA_CERTS'] : [],
  };
}

/** `NO_PROXY` is a comma- (or space-) separated list. */
export function splitNoProxy(value: string): string[] {
  return value.split(/[,\s]+/).map((entry) => entry.trim()).filter((entry) => entry !== '');
}

const PEM_BLOCK = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

/**
 * The certificates of the `NODE_EXTRA_CA_CERTS` file. Node reads that file only when the process
 * starts (a VS Code started before the variable was set never sees it), so it is read here too and
 * handed to the connection itself. A missing or unreadable file adds nothing (Node warns about it).
 */
export function extraCaFromEnvironment(env: NodeJS.ProcessEnv): string[] {
  const file = env.NODE_EXTRA_CA_CERTS?.trim();
  if (!file) return [];
  try {
    return readFileSync(file, 'utf8').match(PEM_BLOCK) ?? [];
  } catch {
    return [];
  }
}
