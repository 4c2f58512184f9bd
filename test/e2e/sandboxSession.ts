// An e2e session whose Local sandbox profile uses a sandbox this test process runs, so tests can
// inject faults and count every POST the extension makes.
import { startSandbox, type SandboxOptions, type SandboxServer } from '../../src/sandbox';
import { useE2eSession, type E2eSession } from '../harness/e2eSession';

export interface SandboxSession {
  sandbox(): SandboxServer;
  session(): E2eSession;
}

/** Registers the hooks: the sandbox starts first, then VS Code with the sandbox's address and credentials. */
export function useSandboxSession(label: string, options: SandboxOptions = {}): SandboxSession {
  let server: SandboxServer | undefined;
  const env: Record<string, string> = {};
  before(async () => {
    server = await startSandbox(options);
    const { authId, authToken } = server.accounts[0];
    Object.assign(env, { BULK_MESSAGING_SANDBOX_URL: server.baseUrl, BULK_MESSAGING_SANDBOX_AUTH_ID: authId, BULK_MESSAGING_SANDBOX_AUTH_TOKEN: authToken });
  });
  after(async () => server?.close());
  // Registered after the sandbox hook, so `env` is filled when the session starts.
  const session = useE2eSession(label, { env });
  return {
    sandbox: () => {
      if (!server) throw new Error('the sandbox did not start (see the before hook error)');
      return server;
    },
    session,
  };
}
