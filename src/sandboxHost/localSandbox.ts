import * as vscode from 'vscode';
import { startSandbox } from '../sandbox';
import type { SandboxServer } from '../sandbox/types';

/** What a client needs to talk to the sandbox. */
export interface SandboxEndpoint {
  baseUrl: string;
  authId: string;
  authToken: string;
  /** The in-process server, when this extension started it (not when it uses an external one). */
  server?: SandboxServer;
}

/**
 * The Local sandbox profile's server: started in-process on first use, stopped on deactivate.
 * BULK_MESSAGING_SANDBOX_URL (+ _AUTH_ID, _AUTH_TOKEN) points it at a sandbox that is already
 * running instead — `npm start` and the test harness use that to share one sandbox with the tests.
 */
export class LocalSandbox implements vscode.Disposable {
  private starting: Promise<SandboxEndpoint> | undefined;

  constructor(private readonly output: vscode.OutputChannel) {}

  /** Starts the sandbox once; later calls return the same endpoint. */
  ensureStarted(): Promise<SandboxEndpoint> {
    this.starting ??= this.start().catch((error: unknown) => {
      this.starting = undefined;
      throw error;
    });
    return this.starting;
  }

  private async start(): Promise<SandboxEndpoint> {
    const external = externalSandbox();
    if (external) {
      this.output.appendLine(`Using the sandbox at ${external.baseUrl} (auth ID ${external.authId}).`);
      return external;
    }
    const server = await startSandbox({ log: (line) => this.output.appendLine(line) });
    const account = server.accounts[0];
    this.output.appendLine(`Local sandbox listening on ${server.baseUrl} (auth ID ${account.authId}).`);
    return { baseUrl: server.baseUrl, authId: account.authId, authToken: account.authToken, server };
  }

  /** The running endpoint, without starting one. */
  async current(): Promise<SandboxEndpoint | undefined> {
    return this.starting?.catch(() => undefined);
  }

  async stop(): Promise<void> {
    const endpoint = await this.current();
    this.starting = undefined;
    await endpoint?.server?.close();
  }

  dispose(): void {
    void this.stop();
  }
}

function externalSandbox(): SandboxEndpoint | undefined {
  const baseUrl = process.env.BULK_MESSAGING_SANDBOX_URL;
  const authId = process.env.BULK_MESSAGING_SANDBOX_AUTH_ID;
  const authToken = process.env.BULK_MESSAGING_SANDBOX_AUTH_TOKEN;
  return baseUrl && authId && authToken ? { baseUrl: baseUrl.replace(/\/+$/, ''), authId, authToken } : undefined;
}
