import * as vscode from 'vscode';
import { generateSnippet } from '../core/codegen/languages';
import { chosenSends, chosenNodes, type NodeArgument, type SendsCommandContext } from './commandContext';
import { profileOrigin, type DevLoopServices } from '../devLoop/profileOrigin';
import type { SendRecord } from './sendRecord';
import { deliverSnippet, pickLanguage, type SnippetChoice } from '../devLoop/snippetDelivery';

/** The code that makes a stored send's requests again: its fields, every destination, its profile's URL. */
export async function snippetOfSend(record: SendRecord, services: DevLoopServices, language: Parameters<typeof generateSnippet>[0]): Promise<string> {
  const baseUrl = await profileOrigin(services.profiles.get(record.profileId), record.isSandbox, services.sandbox);
  const numbers = record.batches.flatMap((batch) => batch.destinations.map((d) => d.number));
  return generateSnippet(language, { baseUrl, request: record.request, numbers });
}

/** Copy Request as…: the chosen send as code, copied or opened in an editor. Returns the code. */
export async function copyRequestAs(ctx: SendsCommandContext, services: DevLoopServices, arg?: NodeArgument, choice: SnippetChoice = {}): Promise<string | undefined> {
  const [record] = chosenSends(chosenNodes(ctx, arg));
  if (!record) {
    void vscode.window.showInformationMessage('Choose a send in the Sends view first.');
    return undefined;
  }
  const language = await pickLanguage('Copy Request as…', choice.language);
  if (!language) return undefined;
  return deliverSnippet(language, await snippetOfSend(record, services, language.id), choice.target);
}
