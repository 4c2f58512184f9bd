// DNS rebinding defence: a page on evil.example that rebinds its name to 127.0.0.1 still sends
// `Host: evil.example`, so only loopback names (and the ones the user allows) are served.

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'];

/** Splits a Host header into a lower-case name and a port (undefined when absent or malformed). */
function parseHost(header: string): { name: string; port: string | undefined } | undefined {
  const match = /^(\[[0-9a-f:.]+\]|[^:[\]]+)(?::(\d{1,5}))?$/i.exec(header.trim());
  return match ? { name: match[1].toLowerCase(), port: match[2] } : undefined;
}

/**
 * Returns a check that accepts a Host header naming a loopback address or an allowed name, with
 * the port the connection arrived on (or no port when that is 80).
 */
export function createHostCheck(allowHosts: readonly string[]): (host: string | undefined, localPort: number | undefined) => boolean {
  const names = new Set([...LOOPBACK_NAMES, ...allowHosts.map((name) => name.toLowerCase())]);
  const check = (host: string | undefined, localPort: number | undefined): boolean => {
    if (!host) return false;
    const parsed = parseHost(host);
    if (!parsed || !names.has(parsed.name)) return false;
    const port = parsed.port ?? '80';
    return localPort === undefined || port === String(localPort);
  };
  // Keep-alive clients send the same Host on every request: the last answer is reused.
  let lastHost: string | undefined;
  let lastPort: number | undefined;
  let lastAnswer = false;
  return (host, localPort) => {
    if (host !== lastHost || localPort !== lastPort || host === undefined) {
      lastAnswer = check(host, localPort);
      lastHost = host;
      lastPort = localPort;
    }
    return lastAnswer;
  };
}

/** Checks a name given to `--allow-host` / `allowHosts`: a host name or IP, without port or scheme. */
export function validAllowedHost(name: string): boolean {
  return /^(\[[0-9a-f:.]+\]|[a-z0-9]([a-z0-9.-]*[a-z0-9])?)$/i.test(name);
}
