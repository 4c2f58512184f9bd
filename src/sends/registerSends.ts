import * as vscode from 'vscode';
import { CallbackCommands } from '../callbacks/callbackIds';
import { revealDestination } from '../callbacks/revealInSends';
import { Commands, Views } from '../constants';
import { resolveConnection } from '../profiles/connection';
import type { ProfileStore } from '../profiles/profileStore';
import type { LocalSandbox } from '../sandboxHost/localSandbox';
import type { NodeArgument, SendsCommandContext } from './commandContext';
import { continueFromView } from './continueCommand';
import { markInterruptedSends } from './interruptedSends';
import { copyResponse, copyUuids } from './copyCommands';
import { clearSends, deleteSend } from './deleteCommands';
import { MAX_BYTES_SETTING, SendHistory } from './historyStore';
import { DEFAULT_MAX_HISTORY_BYTES } from './historySchema';
import { MESSAGE_DETAILS_SCHEME, MessageDetailsProvider, openMessageDetails } from './messageDetails';
import { refreshStatus } from './refreshCommand';
import { registerDevLoopCommands } from './registerDevLoop';
import { reopenInComposer } from './reopenInComposer';
import type { SendRecord } from './sendRecord';
import { keepBadge, SendsTreeProvider } from './sendsTree';
import { AutoRefresher } from './status/autoRefresher';
import { type AccountConnection, StatusRefreshService } from './status/statusRefreshService';
import type { SendsNode } from './treeNodes';

/** What the Sends view needs from the rest of the extension. */
export interface SendsDependencies {
  profiles: ProfileStore;
  sandbox: LocalSandbox;
}

/**
 * Creates the sends history, the Sends view, its commands, the message-details documents and the
 * sandbox auto-refresh; everything is disposed with the extension. Returns the history, which the
 * send service records into (`add`, `update`).
 */
export function registerSends(context: vscode.ExtensionContext, deps: SendsDependencies): SendHistory {
  const history = new SendHistory({ dir: `${context.globalStorageUri.fsPath}/sends`, legacyState: context.globalState, emitterFactory: () => new vscode.EventEmitter(), warn: (message) => void vscode.window.showWarningMessage(message), maxBytes: () => vscode.workspace.getConfiguration('bulkMessaging').get<number>(MAX_BYTES_SETTING, DEFAULT_MAX_HISTORY_BYTES) });
  const tree = new SendsTreeProvider(history);
  // A batch left in flight by a reloaded or crashed window shows as in doubt, here or in another window.
  const recover = () => void markInterruptedSends(history).catch(() => undefined);
  void history.ready.then(recover);
  context.subscriptions.push(history.onDidChange(recover));
  const view = vscode.window.createTreeView<SendsNode>(Views.sends, { treeDataProvider: tree, showCollapseAll: true, canSelectMany: true });
  context.subscriptions.push(keepBadge(view, history));

  const connect = async (record: SendRecord): Promise<AccountConnection | undefined> => {
    const profile = deps.profiles.get(record.profileId);
    if (!profile) throw new Error(`The profile "${record.profileName}" that made this send no longer exists, so its statuses cannot be read.`);
    return resolveConnection(profile, deps.profiles, deps.sandbox);
  };
  const service = new StatusRefreshService(history, { connect });
  // Bound to the view: disposing the view's subscriptions ends the timer too.
  const auto = new AutoRefresher(history, (targets, run) => service.refresh(targets, run));
  const details = new MessageDetailsProvider();
  const ctx: SendsCommandContext = { history, tree, view, service, auto, connect };
  registerDevLoopCommands(context, ctx, deps);

  const command = (id: string, run: (arg?: NodeArgument, selected?: readonly unknown[]) => unknown) =>
    vscode.commands.registerCommand(id, (arg?: NodeArgument, selected?: readonly unknown[]) => run(arg, selected));

  context.subscriptions.push(
    history,
    tree,
    view,
    auto,
    details,
    vscode.workspace.registerTextDocumentContentProvider(MESSAGE_DETAILS_SCHEME, details),
    command(Commands.refreshSends, (arg, selected) => refreshStatus(ctx, arg, selected)),
    command(Commands.copyUuid, (arg, selected) => copyUuids(ctx, arg, selected)),
    command(Commands.copyAllUuids, (arg, selected) => copyUuids(ctx, arg, selected)),
    command(Commands.copyResponse, (arg) => copyResponse(ctx, arg)),
    command(Commands.openMessageDetails, (arg) => openMessageDetails(ctx, details, arg)),
    command(Commands.reopenInComposer, (arg) => reopenInComposer(ctx, arg)),
    command(Commands.checkNow, (arg) => continueFromView(ctx, { ...deps, history }, 'check', arg)),
    command(Commands.sendRest, (arg) => continueFromView(ctx, { ...deps, history }, 'rest', arg)),
    command(Commands.resendUncheckable, (arg) => continueFromView(ctx, { ...deps, history }, 'resend', arg)),
    command(Commands.deleteSend, (arg, selected) => deleteSend(ctx, arg, selected)),
    command(Commands.clearSends, () => clearSends(ctx)),
    // The Callbacks view reveals a callback's destination here, where the tree lives.
    vscode.commands.registerCommand(CallbackCommands.revealDestination, (sendId?: unknown, uuid?: unknown) => revealDestination(ctx, sendId, uuid)),
  );
  return history;
}
