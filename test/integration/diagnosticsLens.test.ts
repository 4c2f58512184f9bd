import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID } from './extensionId';
import { diagnosticsOf, openCopy, waitFor, useDiagnosticsSuite } from './fixtures/diagnostics/helpers';

function lensesOf(uri: vscode.Uri): Promise<vscode.CodeLens[]> {
  return waitFor(`CodeLens of ${uri.path}`, async () => {
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri, 10);
    return lenses !== undefined && lenses.length > 0 ? lenses : undefined;
  });
}

function composerTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((group) => group.tabs)
    .filter((tab) => tab.input instanceof vscode.TabInputWebview && tab.input.viewType.endsWith('bulkMessaging.composer'));
}

// The summary above a list, and the way from it into the composer.
describe('CodeLens above number lists', () => {
  useDiagnosticsSuite(EXTENSION_ID);

  it('sums up a list file on its first line and opens the composer with that list', async () => {
    const { document } = await openCopy('list.txt');
    await diagnosticsOf(document.uri);
    const lenses = await lensesOf(document.uri);
    assert.deepEqual(lenses.map((lens) => [lens.range.start.line, lens.command?.title]), [
      [0, '5 valid · 2 invalid · 2 duplicates'],
      [0, 'Preview in Composer'],
      [0, 'Send…'],
    ]);
    const [summary, preview, send] = lenses.map((lens) => lens.command);
    assert.equal(summary?.command, 'workbench.actions.view.problems');
    assert.equal(preview?.command, 'bulkMessaging.newMessage');
    assert.deepEqual(preview?.arguments, [{ destinations: document.getText() }]);
    assert.deepEqual(send?.arguments, [{ destinations: document.getText(), intent: 'send' }]);

    assert.ok(preview);
    await vscode.commands.executeCommand(preview.command, ...(preview.arguments ?? []));
    await waitFor('the composer panel', () => composerTabs().length === 1);
  });

  it('sums up each `<`-joined string on its own line, with just that string as the list', async () => {
    const { document } = await openCopy('request.json');
    await diagnosticsOf(document.uri);
    const lenses = await lensesOf(document.uri);
    assert.deepEqual(lenses.map((lens) => [lens.range.start.line, lens.command?.title]), [
      [2, '2 valid · 1 invalid · 1 duplicate'],
      [2, 'Preview in Composer'],
      [2, 'Send…'],
    ]);
    assert.deepEqual(lenses[1].command?.arguments, [{ destinations: '+12015550101<+12015550102<+1201555<+12015550101' }]);
  });

  it('counts a CSV by its phone column, the header not included', async () => {
    const { document } = await openCopy('contacts.csv');
    await diagnosticsOf(document.uri);
    const [summary] = await lensesOf(document.uri);
    assert.equal(summary.command?.title, '3 valid · 1 invalid · 1 duplicate');
  });
});
