import * as vscode from 'vscode';
import { Commands } from '../constants';
import type { ProfileStore } from './profileStore';

/** Shows the active profile in the status bar; clicking it switches profiles. */
export function createProfileStatusBar(store: ProfileStore): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('bulkMessaging.profile', vscode.StatusBarAlignment.Left, 10);
  item.name = 'Bulk Messaging Profile';
  item.command = Commands.switchProfile;
  const render = () => {
    const profile = store.active();
    item.text = `$(comment-discussion) ${profile.name}`;
    item.tooltip = `Bulk Messaging profile: ${profile.name}${profile.kind === 'sandbox' ? ' (no account, no cost)' : ` — ${profile.baseUrl}`}\nClick to switch.`;
    // Read by screen readers instead of the text, whose icon would be spoken as "comment-discussion".
    const kind = profile.kind === 'live' ? ', live: real, charged messages' : profile.kind === 'sandbox' ? ', no account, no cost' : ', custom URL';
    item.accessibilityInformation = { label: `Bulk Messaging profile ${profile.name}${kind}. Switch profile`, role: 'button' };
    // A live profile sends real, paid SMS: make that visible at a glance.
    item.backgroundColor = profile.kind === 'live' ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    item.show();
  };
  render();
  return vscode.Disposable.from(item, store.onDidChange(render));
}
