import * as assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { testRunsDir } from '../../harness/paths';
import { useE2eSession } from '../../harness/e2eSession';
import { ComposerPage } from '../composer/composerPage';

// "No" to "Do you trust the authors?" is the safe answer for a folder of customer CSVs someone sent.
// The extension still works there; the folder's own settings that change where a send goes do not.
const folder = join(testRunsDir, `restricted-folder-${process.pid}`, 'customer-lists');

describe('Restricted Mode: an untrusted folder', function () {
  this.timeout(150_000);
  // Registered before the session's hook, so the folder exists when VS Code opens it.
  before(() => {
    mkdirSync(join(folder, '.vscode'), { recursive: true });
    writeFileSync(join(folder, '.vscode', 'settings.json'), JSON.stringify({ 'bulkMessaging.defaultRegion': 'GB' }));
    writeFileSync(join(folder, 'list.txt'), '+12015550101\n2015550102\n');
  });
  const session = useE2eSession('restricted-mode', { folder, restrictedMode: true, dialogs: true });

  it('keeps the icon, the status bar profile and the composer, and ignores the folder’s default region', async () => {
    const { page } = session().workbench;
    await page.locator('.statusbar-item').getByRole('button', { name: /^Bulk Messaging profile Local sandbox/ }).waitFor({ timeout: 30_000 });
    // The workbench says it is in Restricted Mode (its status bar entry).
    await page.locator('.statusbar-item', { hasText: 'Restricted Mode' }).first().waitFor({ timeout: 10_000 });
    await page.locator('.activitybar [aria-label^="Bulk Messaging"]').first().waitFor({ timeout: 10_000 });
    const composer = await ComposerPage.open(session());
    await composer.pasteDestinations('+12015550101\n2015550102');
    // With the folder trusted, 2015550102 would be read as a GB number; here no region applies.
    const summary = await composer.waitForSummary(/^2 entries: /);
    assert.match(summary, /no default region set/);
  });
});
