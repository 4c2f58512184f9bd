// Network settings for every request to Plivo: import from here (`src/core/network`).
import { type NetworkSettings, networkFromEnvironment } from './networkSettings';

export { createDispatcher, type DispatcherOptions } from './dispatcher';
export { DIRECT_NETWORK, extraCaFromEnvironment, type NetworkSettings, networkFromEnvironment, type ProxySetting, splitNoProxy } from './networkSettings';
export { bypassesProxy, describeProxyUrl, describeRoute, isLoopbackHost, resolveRoute, type Route } from './route';

let processDefault: (() => NetworkSettings) | undefined;

/**
 * Makes `settings` what every client uses when it is given none. The extension sets VS Code's
 * `http.*` settings here at activation and on change, so every request (sends, status refresh,
 * reconciliation, Test Connection, anything added later) honours them without each caller passing
 * them; without it the process environment applies (the CLI). Returns a function that undoes it.
 */
export function setDefaultNetwork(settings: () => NetworkSettings): () => void {
  processDefault = settings;
  return () => {
    if (processDefault === settings) processDefault = undefined;
  };
}

/** The settings a client without its own `network` option uses now. */
export function defaultNetwork(): NetworkSettings {
  return processDefault?.() ?? networkFromEnvironment(process.env);
}
