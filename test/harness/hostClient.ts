import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { HOST_DRIVER_FILE, type HostDriverAddress, type OpenDocument } from './runContract';

/** The Playwright side's handle on the host driver running in the extension host. */
export interface HostClient {
  /** Runs a VS Code command in the extension host and returns its (JSON-able) result. */
  executeCommand<T = unknown>(command: string, ...args: unknown[]): Promise<T>;
  /** What `vscode.env.clipboard` holds in the extension host. */
  clipboard(): Promise<string>;
  /** The text documents open in the extension host (including read-only virtual ones). */
  documents(): Promise<OpenDocument[]>;
  /** Lets the driver's run() resolve, so the workbench ends the test session. */
  finish(): Promise<void>;
}

/** Waits until the driver in `runDir` has written its address (the extension host is up). */
export async function connectHostDriver(runDir: string, timeoutMs = 60_000): Promise<HostClient> {
  const file = join(runDir, HOST_DRIVER_FILE);
  const deadline = Date.now() + timeoutMs;
  let address: HostDriverAddress | undefined;
  while (!address) {
    try {
      address = JSON.parse(readFileSync(file, 'utf8')) as HostDriverAddress;
    } catch {
      if (Date.now() > deadline) {
        throw new Error(`the extension host did not start the host driver within ${timeoutMs / 1000} s (${file})`);
      }
      await sleep(200);
    }
  }
  const { port, token } = address;
  const post = async (path: string, body?: unknown): Promise<unknown> => {
    const response = await fetch(`http://127.0.0.1:${port}${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(30_000),
    });
    const reply = (await response.json()) as { result?: unknown; error?: string };
    if (!response.ok) throw new Error(`host driver ${path}: ${reply.error ?? response.status}`);
    return reply.result;
  };
  return {
    executeCommand: async <T>(command: string, ...args: unknown[]) => (await post('/execute', { command, args })) as T,
    clipboard: async () => (await post('/clipboard')) as string,
    documents: async () => (await post('/documents')) as OpenDocument[],
    finish: async () => void (await post('/finish', {})),
  };
}
