import * as vscode from 'vscode';
import type { ProfileStore } from '../profiles/profileStore';
import type { LocalSandbox } from '../sandboxHost/localSandbox';
import type { SendHistory } from '../sends/historyStore';
import type { SendRecord } from '../sends/sendRecord';
import { CallbackInspector, type TokenSource } from './callbackInspector';
import { CallbackCommands, CallbackStorageKeys, CallbackViews, RAW_CALLBACK_SCHEME } from './callbackIds';
import { CallbackReceiver } from './callbackReceiver';
import { CallbacksTreeProvider, chosenCallback, type CallbackNode } from './callbacksTree';
import { CallbackForwarder } from './forwardCallback';
import { forwardTo, replay, stopForwarding } from './forwardCommands';
import { openRawCallback, RawCallbackProvider } from './rawCallbackDocument';
import { useLocalInspector } from './useLocalInspector';

export interface CallbacksDependencies {
  profiles: ProfileStore;
  sandbox: LocalSandbox;
  history: SendHistory;
  output: vscode.OutputChannel;
}

/**
 * The token of the send's profile (the active profile for a callback of no known send), read
 * from SecretStorage (or the running sandbox) each time: the inspector never keeps it.
 */
function profileTokens(deps: CallbacksDependencies): TokenSource {
  return {
    async tokenFor(record: SendRecord | undefined) {
      const profile = record ? deps.profiles.get(record.profileId) : deps.profiles.active();
      if (!profile) return { label: `the profile "${record?.profileName}", which no longer exists` };
      const label = record ? `"${profile.name}"` : `the active profile "${profile.name}"`;
      if (profile.kind === 'sandbox') return { token: (await deps.sandbox.ensureStarted()).authToken, label };
      return { token: await deps.profiles.getToken(profile.id), label };
    },
  };
}

/** The receiver (started on first use), the Callbacks view and its commands. */
export function registerCallbacks(context: vscode.ExtensionContext, deps: CallbacksDependencies): CallbackInspector {
  const state = context.globalState;
  const forwarder = new CallbackForwarder();
  const inspector = new CallbackInspector({
    history: deps.history,
    tokens: profileTokens(deps),
    forwarder,
    publicUrl: () => state.get<string>(CallbackStorageKeys.publicUrl),
    onError: (message) => deps.output.appendLine(message),
  });
  const receiver = new CallbackReceiver((request) => inspector.receive(request), state.get<number>(CallbackStorageKeys.port, 0));
  const start = async () => {
    const address = await receiver.ensureStarted();
    await state.update(CallbackStorageKeys.port, address.port);
    return address;
  };
  // Sends made with the inspector's URL before a reload still have callbacks coming: listen again.
  void deps.history.ready.then(() => {
    const port = state.get<number>(CallbackStorageKeys.port);
    if (port && deps.history.list().some((r) => r.draft.callbackUrl.startsWith(`http://127.0.0.1:${port}/`))) void start().catch(() => undefined);
  });

  const tree = new CallbacksTreeProvider(inspector);
  const view = vscode.window.createTreeView<CallbackNode>(CallbackViews.callbacks, { treeDataProvider: tree, showCollapseAll: true });
  // The view's title says where callbacks go on to, while they do.
  const describeTarget = () => (view.description = inspector.target ? `forwarding to ${inspector.target}` : undefined);
  const forwardDeps = { inspector, state };
  const chosen = (arg: unknown) => chosenCallback(inspector, view, arg);
  context.subscriptions.push(
    tree,
    view,
    inspector.onDidChange((callback) => callback === undefined && describeTarget()),
    vscode.workspace.registerTextDocumentContentProvider(RAW_CALLBACK_SCHEME, new RawCallbackProvider(inspector)),
    vscode.commands.registerCommand(CallbackCommands.useLocalInspector, async (profileId?: unknown) => {
      await start();
      return useLocalInspector({ receiver, profiles: deps.profiles, state }, profileId);
    }),
    vscode.commands.registerCommand(CallbackCommands.forwardTo, (url?: unknown) => forwardTo(forwardDeps, url)),
    vscode.commands.registerCommand(CallbackCommands.stopForwarding, () => stopForwarding(forwardDeps)),
    vscode.commands.registerCommand(CallbackCommands.replay, (arg?: unknown) => {
      const callback = chosen(arg);
      return replay(forwardDeps, callback ? [callback] : []);
    }),
    vscode.commands.registerCommand(CallbackCommands.replaySend, (arg?: unknown) => {
      const sendId = chosen(arg)?.sendId;
      return replay(forwardDeps, sendId ? inspector.ofSend(sendId) : []);
    }),
    vscode.commands.registerCommand(CallbackCommands.openRaw, (arg?: unknown) => openRawCallback(chosen(arg))),
    vscode.commands.registerCommand(CallbackCommands.revealInSends, (arg?: unknown) => {
      const callback = chosen(arg);
      return vscode.commands.executeCommand(CallbackCommands.revealDestination, callback?.sendId, callback?.messageUuid);
    }),
    vscode.commands.registerCommand(CallbackCommands.clear, () => inspector.clear()),
    { dispose: () => void receiver.close().then(() => forwarder.close()) },
  );
  return inspector;
}
