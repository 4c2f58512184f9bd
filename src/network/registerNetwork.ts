// The extension's side of the network settings: reads VS Code's `http.*` settings (and the
// environment) each time a Plivo client is made, and sends every client's request lines, with the
// proxy used, to the Output channel. Thin by design: the mapping is core's `networkFromEditorSettings`.
import * as tls from 'node:tls';
import * as vscode from 'vscode';
import { setClientDefaults } from '../core/client';
import { type EditorHttpSettings, networkFromEditorSettings } from '../core/network';

let systemCertificates: readonly string[] | undefined;

/** The OS's trusted certificates where the runtime offers them (Node 22.15+/23.5+), read once. */
function systemCa(): readonly string[] {
  const read = (tls as { getCACertificates?: (kind: string) => string[] }).getCACertificates;
  systemCertificates ??= read ? read('system') : [];
  return systemCertificates;
}

function editorHttpSettings(): EditorHttpSettings {
  const http = vscode.workspace.getConfiguration('http');
  return {
    proxy: http.get<string>('proxy'),
    proxyStrictSSL: http.get<boolean>('proxyStrictSSL'),
    proxyAuthorization: http.get<string | null>('proxyAuthorization'),
    noProxy: http.get<string[]>('noProxy'),
    proxySupport: http.get<string>('proxySupport'),
    systemCertificates: http.get<boolean>('systemCertificates'),
  };
}

/** Makes every Plivo client honour VS Code's proxy and certificate settings and log to `output`; dispose to undo. */
export function registerNetwork(output: Pick<vscode.OutputChannel, 'appendLine'>): vscode.Disposable {
  const undo = setClientDefaults({
    network: () => networkFromEditorSettings(editorHttpSettings(), process.env, systemCa),
    log: (line) => output.appendLine(line),
  });
  return { dispose: undo };
}
