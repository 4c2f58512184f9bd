import type { HostToWebview, WebviewToHost } from '../protocol/composerProtocol';

interface VsCodeApi {
  postMessage(message: WebviewToHost): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

/** The webview's single handle on the host (acquireVsCodeApi may be called only once). */
export const vscode = acquireVsCodeApi();

/** Sends a typed message to the extension host. */
export function postToHost(message: WebviewToHost): void {
  vscode.postMessage(message);
}

/** Subscribes to typed messages from the extension host. */
export function onHostMessage(listener: (message: HostToWebview) => void): void {
  window.addEventListener('message', (event: MessageEvent<HostToWebview>) => listener(event.data));
}
