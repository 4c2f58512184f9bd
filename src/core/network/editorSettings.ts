// VS Code's `http.*` settings as network settings, with VS Code's own precedence: `http.proxy` over
// the environment's proxies; `http.noProxy`, when it has entries, instead of NO_PROXY; nothing at
// all with `http.proxySupport: off`. Pure, so the mapping is tested without an editor.
import { type NetworkSettings, networkFromEnvironment } from './networkSettings';

/** The values of VS Code's `http.*` settings that concern requests to Plivo. */
export interface EditorHttpSettings {
  proxy?: string;
  proxyStrictSSL?: boolean;
  proxyAuthorization?: string | null;
  noProxy?: readonly string[];
  proxySupport?: string;
  systemCertificates?: boolean;
}

/** `systemCa` lists the OS's trusted certificates where the runtime exposes them (else none). */
export function networkFromEditorSettings(http: EditorHttpSettings, env: NodeJS.ProcessEnv, systemCa: () => readonly string[] = () => []): NetworkSettings {
  const fromEnv = networkFromEnvironment(env);
  const system = http.systemCertificates === false ? [] : systemCa();
  const trust = {
    extraCa: [...fromEnv.extraCa, ...system],
    caSources: [...fromEnv.caSources, ...(system.length > 0 ? ['system certificates (http.systemCertificates)'] : [])],
  };
  const strictSSL = http.proxyStrictSSL !== false;
  if (http.proxySupport === 'off') return { origin: 'vscode', noProxy: [], strictSSL, ...trust };
  const proxy = http.proxy?.trim();
  const setting = proxy ? { url: proxy, source: 'http.proxy' } : undefined;
  const listed = (http.noProxy ?? []).map((entry) => entry.trim()).filter((entry) => entry !== '');
  return {
    origin: 'vscode',
    httpsProxy: setting ?? fromEnv.httpsProxy,
    httpProxy: setting ?? fromEnv.httpProxy,
    noProxy: listed.length > 0 ? listed : fromEnv.noProxy,
    noProxySource: listed.length > 0 ? 'http.noProxy' : fromEnv.noProxySource,
    proxyAuthorization: http.proxyAuthorization?.trim() || undefined,
    strictSSL,
    ...trust,
  };
}
