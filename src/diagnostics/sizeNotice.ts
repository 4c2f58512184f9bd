import * as vscode from 'vscode';
import { settingId, ValidationSettingKeys } from './settings';

const OPEN_SETTING = 'Open Setting';

/** "4.2 MB" / "380 KB". */
export function formatSize(characters: number): string {
  return characters >= 1024 * 1024 ? `${(characters / (1024 * 1024)).toFixed(1)} MB` : `${Math.ceil(characters / 1024)} KB`;
}

/** Tells the user, once per file and session, that a file was too large to validate, with a link to the setting. */
export class SizeNotice {
  private readonly told = new Set<string>();

  /** Shows the message unless it was shown for this file already. */
  once(uri: vscode.Uri, size: number, limit: number): void {
    const key = uri.toString();
    if (this.told.has(key)) return;
    this.told.add(key);
    void SizeNotice.show(uri, size, limit);
  }

  /** Shows the message now (the Validate command, asked explicitly, always answers). */
  static async show(uri: vscode.Uri, size: number, limit: number): Promise<void> {
    const name = uri.path.split('/').pop() ?? uri.toString();
    const setting = settingId(ValidationSettingKeys.maxFileSize);
    const choice = await vscode.window.showWarningMessage(
      `${name} (${formatSize(size)}) is larger than the ${formatSize(limit)} set in "${setting}", so its numbers are not checked. Raise the limit to check it.`,
      OPEN_SETTING,
    );
    if (choice === OPEN_SETTING) await vscode.commands.executeCommand('workbench.action.openSettings', setting);
  }
}
