// Network settings for every request to Plivo: import from here (`src/core/network`).
export { createDispatcher, type DispatcherOptions } from './dispatcher';
export { type EditorHttpSettings, networkFromEditorSettings } from './editorSettings';
export { DIRECT_NETWORK, extraCaFromEnvironment, type NetworkSettings, networkFromEnvironment, type ProxySetting, splitNoProxy } from './networkSettings';
export { bypassesProxy, describeProxyUrl, describeRoute, isLoopbackHost, resolveRoute, type Route } from './route';
