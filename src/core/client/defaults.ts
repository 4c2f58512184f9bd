// What a client uses when its caller does not say: the network settings and the request log. The
// extension sets VS Code's \`http.*\` settings and its Output channel here at activation, so every
// request (sends, status refresh, reconciliation, Test Connection, anything added later) honours
// them without each caller passing them; without it the process environment applies (the CLI).
import { type NetworkSettings, networkFromEnvironment } from '../network';

export interface ClientDefaults {
  /** Read when each client is made, so a changed setting applies to the next request run. */
  network: () => NetworkSettings;
  /** Receives each client's request lines (method, URL, route, outcome, time). */
  log?: (line: string) => void;
}

let current: ClientDefaults | undefined;

/** Makes \`defaults\` apply to clients made from now on; returns a function that undoes it. */
export function setClientDefaults(defaults: ClientDefaults): () => void {
  current = defaults;
  return () => {
    if (current === defaults) current = undefined;
  };
}

export function defaultNetwork(): NetworkSettings {
  return current?.network() ?? networkFromEnvironment(process.env);
}

export function defaultLog(): ((line: string) => void) | undefined {
  return current?.log;
}
