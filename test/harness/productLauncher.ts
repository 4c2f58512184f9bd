import { startSandbox, type SandboxServer } from '../../src/sandbox';
import { startCodeServer, type CodeServer } from './codeServer';
import { samplesDir } from './paths';
import { workbenchUrl } from './workbench';

/** Options of `launchProduct`; `npm start` passes a fixed port and a kept state folder. */
export interface LaunchOptions {
  /** Folder for code-server's user-data dir, XDG folders and log. */
  stateDir: string;
  /** 0 lets the OS choose (tests). */
  port: number;
  /** Receives the sandbox's one-line request log (never a token). */
  sandboxLog?: (line: string) => void;
}

/** The running product: the sandbox, code-server with the extension loaded, and the page to open. */
export interface LaunchedProduct {
  readonly url: string;
  readonly sandbox: SandboxServer;
  readonly server: CodeServer;
  stop(): Promise<void>;
}

/**
 * Starts the sandbox in this process and code-server with the extension under development and the
 * sample workspace. The extension's Local sandbox profile uses this sandbox: its address and
 * credentials reach the extension host as BULK_MESSAGING_SANDBOX_URL / _AUTH_ID / _AUTH_TOKEN.
 */
export async function launchProduct(options: LaunchOptions): Promise<LaunchedProduct> {
  const sandbox = await startSandbox({ log: options.sandboxLog });
  try {
    const { authId, authToken } = sandbox.accounts[0];
    const server = await startCodeServer({
      stateDir: options.stateDir,
      port: options.port,
      env: {
        BULK_MESSAGING_SANDBOX_URL: sandbox.baseUrl,
        BULK_MESSAGING_SANDBOX_AUTH_ID: authId,
        BULK_MESSAGING_SANDBOX_AUTH_TOKEN: authToken,
      },
    });
    return {
      url: workbenchUrl(server.origin, samplesDir),
      sandbox,
      server,
      stop: async () => {
        await server.stop();
        await sandbox.close();
      },
    };
  } catch (error) {
    await sandbox.close();
    throw error;
  }
}
