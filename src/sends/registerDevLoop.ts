import * as vscode from 'vscode';
import { Commands } from '../constants';
import type { NodeArgument, SendsCommandContext } from './commandContext';
import { copyRequestAs } from './copyRequestAs';
import { exportHistory, exportSend, type ExportChoice } from './exportCommands';
import type { DevLoopServices } from '../devLoop/profileOrigin';
import type { SnippetChoice } from '../devLoop/snippetDelivery';

/** Copy Request as…, Export Send… and Export History… on the Sends view. */
export function registerDevLoopCommands(context: vscode.ExtensionContext, ctx: SendsCommandContext, services: DevLoopServices): void {
  context.subscriptions.push(
    vscode.commands.registerCommand(Commands.copyRequestAs, (arg?: NodeArgument, choice?: SnippetChoice) => copyRequestAs(ctx, services, arg, isPlain(choice) ? choice : {})),
    vscode.commands.registerCommand(Commands.exportSend, (arg?: NodeArgument, selected?: readonly unknown[], choice?: ExportChoice) => exportSend(ctx, arg, Array.isArray(selected) ? selected : undefined, isPlain(choice) ? choice : {})),
    vscode.commands.registerCommand(Commands.exportHistory, (choice?: ExportChoice) => exportHistory(ctx, isPlain(choice) ? choice : {})),
  );
}

/** A menu passes the clicked item (or the multi-selection) where a test passes its choices. */
function isPlain<T extends object>(value: unknown): value is T {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !('kind' in value);
}
