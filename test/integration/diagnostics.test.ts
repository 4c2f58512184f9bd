import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID } from './extensionId';
import { asRow, closeAllEditors, diagnosticsOf, openCopy, ours, useSettings, waitFor, useDiagnosticsSuite } from './fixtures/diagnostics/helpers';

// Number lists opened in the real editor: what the Problems panel shows, where, and when.
describe('number diagnostics in open files', () => {
  useDiagnosticsSuite(EXTENSION_ID);

  it('marks every problem of a plain list with its range, severity, code and message', async () => {
    const { document } = await openCopy('list.txt');
    const diagnostics = await diagnosticsOf(document.uri);
    assert.deepEqual(diagnostics.map(asRow), [
      [1, 0, 8, 'Error', 'invalid-number', 'Invalid number "+1201555": too short.'],
      [2, 0, 17, 'Warning', 'duplicate', 'Duplicate: +12015550141 is already on line 1; it is sent only once.'],
      [3, 0, 10, 'Warning', 'ambiguous', 'Ambiguous number "2015550123": read as +12015550123 (a US number), but Plivo reads these digits as +2015550123. Write it with + to be sure.'],
      [4, 0, 13, 'Warning', 'fixed-line', 'Fixed-line number +442079460000: it probably cannot receive SMS.'],
      [5, 0, 10, 'Information', 'national-number', 'National number: sent as +16502530000 (default region US).'],
      [6, 0, 3, 'Error', 'invalid-number', 'Invalid number "n/a": not a phone number.'],
      [8, 0, 15, 'Warning', 'duplicate', 'Duplicate: +61491570145 is already on line 8; it is sent only once.'],
    ]);
    const [related] = diagnostics[1].relatedInformation ?? [];
    assert.equal(related?.location.uri.toString(), document.uri.toString());
    assert.deepEqual([related.location.range.start.line, related.location.range.start.character, related.location.range.end.character], [0, 0, 12]);
    assert.equal(related.message, 'First occurrence of +12015550141');
  });

  it('reads a CSV by its phone column: the header and the other columns are left alone', async () => {
    const { document } = await openCopy('contacts.csv');
    const diagnostics = await diagnosticsOf(document.uri);
    const grace = document.lineAt(3).text;
    assert.deepEqual(diagnostics.map(asRow), [
      [3, grace.indexOf('+1 (201)'), grace.indexOf('",New York'), 'Warning', 'duplicate', 'Duplicate: +12015550121 is already on line 2; it is sent only once.'],
      [4, 'Edsger Dijkstra,'.length, 'Edsger Dijkstra,n/a'.length, 'Error', 'invalid-number', 'Invalid number "n/a": not a phone number.'],
    ]);
  });

  it('checks a `<`-joined string inside JSON, and no other string', async () => {
    const { document } = await openCopy('request.json');
    const diagnostics = await diagnosticsOf(document.uri);
    const dst = document.lineAt(2).text;
    assert.deepEqual(diagnostics.map(asRow), [
      [2, dst.indexOf('+1201555<'), dst.indexOf('+1201555<') + 8, 'Error', 'invalid-number', 'Invalid number "+1201555": too short.'],
      [2, dst.lastIndexOf('+12015550101'), dst.lastIndexOf('+12015550101') + 12, 'Warning', 'duplicate', 'Duplicate: +12015550101 is already on line 3; it is sent only once.'],
    ]);
  });

  it('leaves a prose file alone, and clears a list\'s problems when its file closes', async () => {
    const notes = await openCopy('notes.txt');
    const list = await openCopy('list.txt');
    await diagnosticsOf(list.document.uri);
    // Both were shown together; the list's problems are in, so the notes were decided too.
    assert.deepEqual(ours(notes.document.uri), []);
    await closeAllEditors();
    await waitFor('problems cleared on close', () => ours(list.document.uri).length === 0, 15_000);
  });

  it('follows edits: a new mistake shows up, and only the last of quick edits counts', async () => {
    const editor = await openCopy('list.txt');
    const uri = editor.document.uri;
    await diagnosticsOf(uri);
    for (const digit of ['1', '2', '3', '4', '5']) {
      await editor.edit((edit) => edit.insert(new vscode.Position(editor.document.lineCount - 1, 0), `+1201555${digit}\n`));
    }
    const lastLine = editor.document.lineCount - 2;
    const diagnostics = await diagnosticsOf(uri, (found) => found.some((d) => d.range.start.line === lastLine));
    const added = diagnostics.filter((d) => d.range.start.line >= 9).map(asRow);
    assert.deepEqual(added, [9, 10, 11, 12, 13].map((line, i) => [line, 0, 9, 'Error', 'invalid-number', `Invalid number "+1201555${i + 1}": too short.`]));
  });

  it('shows at most maxProblems, then a note that says how to see the rest', async () => {
    const restoreCap = await useSettings({ 'validate.maxProblems': 2 });
    try {
      const { document } = await openCopy('list.txt');
      const diagnostics = await diagnosticsOf(document.uri);
      assert.deepEqual(diagnostics.map((d) => [d.range.start.line, d.code]), [[1, 'invalid-number'], [2, 'duplicate'], [3, 'problem-limit']]);
      assert.equal(diagnostics[2].message, 'Only the first 2 of 7 number problems are shown; raise "bulkMessaging.validate.maxProblems" to see more.');
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, diagnostics[2].range, 'quickfix');
      const openSetting = actions.find((action) => action.title === 'Open the "bulkMessaging.validate.maxProblems" setting');
      assert.deepEqual([openSetting?.command?.command, openSetting?.command?.arguments], ['workbench.action.openSettings', ['bulkMessaging.validate.maxProblems']]);
    } finally {
      await restoreCap();
    }
  });

  it('skips a file above the size cap, and the Validate command says why', async () => {
    const restoreCap = await useSettings({ 'validate.maxFileSize': 1 });
    try {
      const big = Array.from({ length: 200 }, (_, i) => `+1201555${String(i).padStart(4, '0')}`).join('\n');
      const editor = await openCopy('big.txt', `${big}\n+1201555\n`);
      const result = await vscode.commands.executeCommand<{ kind: string; size: number; limit: number }>('bulkMessaging.validateNumbers');
      assert.deepEqual(result, { kind: 'tooLarge', size: editor.document.getText().length, limit: 1024 });
      assert.deepEqual(ours(editor.document.uri), []);
    } finally {
      await restoreCap();
    }
  });

  it('validates any file or selection on demand with the Validate command', async () => {
    const editor = await openCopy('notes.txt');
    const line = editor.document.lineAt(2).text;
    const start = line.indexOf('+1');
    editor.selection = new vscode.Selection(2, start, 2, line.length);
    const result = await vscode.commands.executeCommand<{ kind: string; summary: string }>('bulkMessaging.validateNumbers');
    assert.equal(result?.kind, 'validated');
    assert.equal(result.summary, '2 valid · 0 invalid · 0 duplicates');
    const national = line.indexOf('12015550142');
    assert.deepEqual(ours(editor.document.uri).map(asRow), [[2, national, national + 11, 'Information', 'national-number', 'National number: sent as +12015550142 (default region US).']]);

    editor.selection = new vscode.Selection(0, 0, 0, 0);
    const whole = await vscode.commands.executeCommand<{ kind: string; invalid: number }>('bulkMessaging.validateNumbers');
    assert.equal(whole?.kind, 'validated');
    assert.equal(whole.invalid, 4, 'each line of words in the notes is one entry that is not a number');
    assert.ok(ours(editor.document.uri).some((d) => d.range.start.line === 0 && d.code === 'invalid-number'));
  });
});
