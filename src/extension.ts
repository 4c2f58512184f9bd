import * as vscode from 'vscode';
import { registerCallbacks } from './callbacks/registerCallbacks';
import { registerComposer } from './composer/registerComposer';
import { OutputChannelName } from './constants';
import { registerDiagnostics } from './diagnostics/registerDiagnostics';
import { registerNetwork } from './network/registerNetwork';
import { registerProfiles } from './profiles/registerProfiles';
import type { LocalSandbox, SandboxEndpoint } from './sandboxHost/localSandbox';
import { registerSandbox } from './sandboxHost/registerSandbox';
import { registerSandboxView } from './sandboxView/registerSandboxView';
import { registerSends } from './sends/registerSends';
import { registerReport } from './report/registerReport';
import { registerWalkthrough } from './walkthrough/registerWalkthrough';

let sandbox: LocalSandbox | undefined;

/** What the extension exports: the Local sandbox, for tests and for other tools that want to reach it. */
export interface BulkMessagingApi {
  localSandbox(): Promise<Pick<SandboxEndpoint, 'baseUrl' | 'authId' | 'authToken'>>;
}

/** Activation is wiring only: every feature registers itself and owns its disposables. */
export function activate(context: vscode.ExtensionContext): BulkMessagingApi {
  const output = vscode.window.createOutputChannel(OutputChannelName);
  context.subscriptions.push(output);
  context.subscriptions.push(registerNetwork(output));
  sandbox = registerSandbox(context, output);
  const profiles = registerProfiles(context, sandbox);
  const history = registerSends(context, { profiles, sandbox });
  registerReport(context, history);
  registerCallbacks(context, { profiles, sandbox, history, output });
  registerComposer(context, { profiles, sandbox, history, output });
  registerDiagnostics(context);
  registerSandboxView(context, sandbox);
  registerWalkthrough(context, history);
  const localSandbox = sandbox;
  return {
    localSandbox: async () => {
      const { baseUrl, authId, authToken } = await localSandbox.ensureStarted();
      return { baseUrl, authId, authToken };
    },
  };
}

/** Stops the Local sandbox and waits for in-flight requests to finish. */
export async function deactivate(): Promise<void> {
  await sandbox?.stop();
  sandbox = undefined;
}
