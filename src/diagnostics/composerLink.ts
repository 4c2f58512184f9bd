import type * as vscode from 'vscode';
import { Commands } from '../constants';

/**
 * The first argument of `bulkMessaging.newMessage` that prefills the composer (the contract with
 * src/composer): `destinations` is the list's text as written; `intent: 'send'` asks the composer
 * to go on to sending (it still confirms); without it the composer only previews.
 */
export interface NewMessageArgs {
  destinations: string;
  intent?: 'send';
}

/** A command that opens the composer with `destinations` filled in. */
export function openInComposer(title: string, destinations: string, intent?: 'send'): vscode.Command {
  const args: NewMessageArgs = intent === undefined ? { destinations } : { destinations, intent };
  return { title, command: Commands.newMessage, arguments: [args] };
}
