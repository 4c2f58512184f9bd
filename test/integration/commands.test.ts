import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { EXTENSION_ID } from './extensionId';

interface ContributedCommand {
  command: string;
  title: string;
}

/** Read at run time from the package.json VS Code loaded, so new commands are covered automatically. */
function contributedCommands(): ContributedCommand[] {
  const extension = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not loaded`);
  const manifest = JSON.parse(readFileSync(join(extension.extensionPath, 'package.json'), 'utf8')) as {
    contributes?: { commands?: ContributedCommand[] };
  };
  return manifest.contributes?.commands ?? [];
}

describe('contributed commands', () => {
  const contributed = contributedCommands();

  before(async () => {
    await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
  });

  it('include Bulk Messaging: New Message, so the list read from package.json is the real one', () => {
    const newMessage = contributed.find((entry) => entry.command === 'bulkMessaging.newMessage');
    assert.ok(newMessage, `bulkMessaging.newMessage missing from ${contributed.length} contributed commands`);
  });

  it('are all registered once the extension is active', async () => {
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = contributed.filter((entry) => !registered.has(entry.command)).map((entry) => entry.command);
    assert.deepEqual(missing, [], `contributed in package.json but not registered: ${missing.join(', ')}`);
  });

  it('each have a title shown in the command palette', () => {
    const untitled = contributed.filter((entry) => !entry.title?.trim()).map((entry) => entry.command);
    assert.deepEqual(untitled, []);
  });
});
