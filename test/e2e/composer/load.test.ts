import * as assert from 'node:assert/strict';
import { readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { useE2eSession } from '../../harness/e2eSession';
import { samplesDir } from '../../harness/paths';
import { ComposerPage } from './composerPage';

// "Load from selection" and "Load from file…" fill the destinations box from the workbench.
describe('composer: loading destinations', function () {
  this.timeout(90_000);
  const session = useE2eSession('composer-load');

  it('says what to do when no editor is open', async () => {
    const composer = await ComposerPage.open(session());
    await composer.click('#load-selection');
    await composer.waitForText('#notice', /No text editor is open/);
  });

  it('loads the whole document of the editor used last when nothing is selected', async () => {
    const { host, workbench } = session();
    await host.executeCommand('workbench.action.files.newUntitledFile');
    // Typed through the editor, as a person would; the composer is opened afterwards.
    await workbench.page.keyboard.type('+61491570160\n+61491570161\nnot-a-number');
    const composer = await ComposerPage.open(session());
    await composer.click('#load-selection');
    await composer.waitForText('#notice', /Loaded all of Untitled-1 \(nothing was selected\)/);
    assert.equal(await composer.destinations(), '+61491570160\n+61491570161\nnot-a-number');
    await composer.waitForSummary(/^3 entries: .*2 valid/);
  });

  /** Clicks Load from file and picks `name` in VS Code's quick-input file dialog (on samples/). */
  async function loadFile(composer: ComposerPage, name: string): Promise<void> {
    const { workbench } = session();
    await composer.click('#load-file');
    // code-server shows VS Code's own quick-input file dialog, opened on the workspace folder
    // (samples); typing a path races its autocompletion, so pick the file from its list.
    const item = workbench.page.locator('.quick-input-widget').getByRole('option', { name, exact: true });
    await item.click({ timeout: 15_000 });
    // Choosing a file may accept the dialog by itself; if it stays open, press its button (a click
    // on a vanished button fails loudly, where a stray Enter would land in the composer).
    const dialog = workbench.page.locator('.quick-input-widget');
    const closed = await dialog.waitFor({ state: 'hidden', timeout: 3_000 }).then(() => true, () => false);
    if (!closed) await dialog.getByRole('button', { name: 'Load Destinations' }).click();
  }

  it('loads a file chosen in the open dialog', async () => {
    const composer = await ComposerPage.open(session());
    const file = join(samplesDir, 'numbers.txt');
    await loadFile(composer, 'numbers.txt');
    await composer.waitForText('#notice', /Loaded numbers\.txt\./, 15_000);
    assert.equal(await composer.destinations(), readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
  });

  describe('files Excel and others write', () => {
    // Written into the workspace folder for the dialog to list, and removed afterwards.
    const unicode = join(samplesDir, 'e2e-excel-unicode.txt');
    const huge = join(samplesDir, 'e2e-huge-list.txt');
    after(() => {
      for (const path of [unicode, huge]) rmSync(path, { force: true });
    });

    it("reads Excel's Unicode text (UTF-16 LE with a BOM)", async () => {
      writeFileSync(unicode, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('+61491570160\r\n+61491570161\r\n', 'utf16le')]));
      const composer = await ComposerPage.open(session());
      await loadFile(composer, 'e2e-excel-unicode.txt');
      await composer.waitForText('#notice', /Loaded e2e-excel-unicode\.txt \(UTF-16 LE\)\./, 15_000);
      // A textarea keeps line breaks as \n.
      assert.equal(await composer.destinations(), '+61491570160\n+61491570161\n');
      await composer.waitForSummary(/^2 entries: ✓ 2 valid/);
    });

    it('refuses a 10 MB file from its size and keeps the list', async () => {
      writeFileSync(huge, '');
      truncateSync(huge, 10 * 1024 * 1024);
      const composer = await ComposerPage.open(session());
      await composer.pasteDestinations('+61491570162');
      await composer.waitForSummary(/^1 entr/);
      await loadFile(composer, 'e2e-huge-list.txt');
      await composer.waitForText('#notice', /e2e-huge-list\.txt is 10\.5 MB; the composer reads up to 2,000,000 characters .*The destinations are unchanged\./, 15_000);
      assert.equal(await composer.destinations(), '+61491570162');
    });
  });
});
