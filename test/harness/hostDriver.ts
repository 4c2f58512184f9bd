// Loaded into the extension host as `extensionTestsPath` by e2e sessions: instead of running tests,
// it serves a tiny HTTP endpoint on 127.0.0.1 through which the Playwright side executes VS Code
// commands (opening a panel from the extension side is reliable; the command palette is not), reads
// the clipboard and lists the open text documents.
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import * as vscode from 'vscode';
import { HOST_DRIVER_FILE, RUN_DIR_ENV, type HostDriverAddress, type OpenDocument } from './runContract';

/** Request body of POST /execute. */
export interface ExecuteRequest {
  command: string;
  args?: unknown[];
}

/**
 * Called by VS Code as the tests entry (or by the driver extension, see e2eSession.ts); resolves
 * (ending a test session) when the node side posts /finish.
 */
export function run(): Promise<void> {
  const runDir = process.env[RUN_DIR_ENV];
  if (!runDir) return Promise.reject(new Error(`${RUN_DIR_ENV} is not set`));
  const token = randomUUID();
  return new Promise((resolve, reject) => {
    const server = createServer((request, response) => {
      if (request.headers.authorization !== `Bearer ${token}`) {
        response.writeHead(401).end();
        return;
      }
      const reply = (status: number, body: unknown) =>
        response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
      if (request.method === 'POST' && request.url === '/execute') {
        readJson<ExecuteRequest>(request)
          .then((body) => vscode.commands.executeCommand(body.command, ...(body.args ?? [])))
          .then((result) => reply(200, { result: serializable(result) }))
          .catch((error: unknown) => reply(500, { error: error instanceof Error ? error.message : String(error) }));
      } else if (request.method === 'GET' && request.url === '/clipboard') {
        Promise.resolve(vscode.env.clipboard.readText())
          .then((text) => reply(200, { result: text }))
          .catch((error: unknown) => reply(500, { error: error instanceof Error ? error.message : String(error) }));
      } else if (request.method === 'GET' && request.url === '/documents') {
        const documents: OpenDocument[] = vscode.workspace.textDocuments.map((document) => ({ uri: document.uri.toString(), languageId: document.languageId, text: document.getText() }));
        reply(200, { result: documents });
      } else if (request.method === 'POST' && request.url === '/finish') {
        reply(200, {});
        server.close(() => resolve());
      } else {
        reply(404, { error: `no route ${request.method} ${request.url}` });
      }
    });
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address: HostDriverAddress = { port: (server.address() as AddressInfo).port, token };
      writeFileSync(join(runDir, HOST_DRIVER_FILE), JSON.stringify(address));
    });
  });
}

async function readJson<T>(request: IncomingMessage): Promise<T> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString('utf8')) as T;
}

/** Command results may be live objects (panels, disposables); only plain data travels back. */
function serializable(value: unknown): unknown {
  try {
    return JSON.parse(JSON.stringify(value ?? null)) as unknown;
  } catch {
    return null;
  }
}
