import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
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

  it('loads a file chosen in the open dialog', async () => {
    const { workbench } = session();
    const composer = await ComposerPage.open(session());
    const file = join(samplesDir, 'numbers.txt');
    await composer.click('#load-file');
    // code-server shows VS Code's own quick-input file dialog, opened on the workspace folder
    // (samples); typing a path races its autocompletion, so pick the file from its list.
    const item = workbench.page.locator('.quick-input-widget').getByRole('option', { name: 'numbers.txt', exact: true });
    await item.click({ timeout: 15_000 });
    // Choosing a file may accept the dialog by itself; if it stays open, press its button (a click
    // on a vanished button fails loudly, where a stray Enter would land in the composer).
    const dialog = workbench.page.locator('.quick-input-widget');
    const closed = await dialog.waitFor({ state: 'hidden', timeout: 3_000 }).then(() => true, () => false);
    if (!closed) await dialog.getByRole('button', { name: 'Load Destinations' }).click();
    await composer.waitForText('#notice', /Loaded numbers\.txt\./, 15_000);
    assert.equal(await composer.destinations(), readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
  });
});
