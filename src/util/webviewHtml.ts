import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';

/** Which bundle a webview loads: `dist/webview/<name>.js` and `media/<name>.css`. */
export interface WebviewShell {
  name: string;
  title: string;
  /** Id of the empty element the script fills in. */
  rootId: string;
}

/**
 * A webview's HTML shell: static markup only, a strict Content-Security-Policy, and one script
 * allowed by a fresh nonce from a cryptographic source; the script renders every value as text.
 */
export function webviewHtml(webview: vscode.Webview, extensionUri: vscode.Uri, shell: WebviewShell): string {
  const nonce = randomBytes(18).toString('base64url');
  const script = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', 'webview', `${shell.name}.js`));
  const style = webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'media', `${shell.name}.css`));
  const csp = [
    "default-src 'none'",
    `style-src ${webview.cspSource}`,
    `img-src ${webview.cspSource}`,
    `font-src ${webview.cspSource}`,
    `script-src 'nonce-${nonce}'`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${style}">
<title>${shell.title}</title>
</head>
<body>
<main id="${shell.rootId}" aria-busy="true"></main>
<script nonce="${nonce}" src="${script}"></script>
</body>
</html>`;
}
