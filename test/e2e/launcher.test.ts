import * as assert from 'node:assert/strict';
import { openBrowser, type BrowserSession } from '../harness/browser';
import { runFromCommandPalette } from '../harness/commandPalette';
import { createRunDir } from '../harness/paths';
import { launchProduct, type LaunchedProduct } from '../harness/productLauncher';
import { findWebviewFrame, waitForText } from '../harness/webview';
import { screenshot } from '../harness/workbench';

// What `npm start` serves, started by the same launcher, opened and used the way a person would.
describe('npm start launcher', function () {
  this.timeout(90_000);
  let product: LaunchedProduct | undefined;
  let browser: BrowserSession | undefined;

  before(async () => {
    const stateDir = createRunDir('e2e-launcher');
    product = await launchProduct({ stateDir, port: 0 });
    browser = await openBrowser(product.server.xdgEnv);
  });

  afterEach(async function () {
    if (this.currentTest?.state === 'failed' && browser) {
      console.error(`    screenshot: ${await screenshot(browser.page, `e2e-${this.currentTest.fullTitle()}`)}`);
    }
  });

  after(async () => {
    await browser?.close();
    await product?.stop();
  });

  it('serves a workbench whose command palette opens the composer webview', async () => {
    assert.ok(product && browser);
    await browser.page.goto(product.url);
    // The activity bar entry shows once the workbench knows the extension (and so its commands).
    await browser.page.locator('.activitybar a[aria-label^="Bulk Messaging"]').waitFor({ timeout: 30_000 });
    await runFromCommandPalette(browser.page, 'Bulk Messaging: New Message');
    const frame = await findWebviewFrame(browser.page, '#destinations');
    assert.ok(await frame.locator('#destinations').isEditable());
  });

  it('shows the Local sandbox profile as the active one', async () => {
    assert.ok(browser);
    await waitForText(browser.page.locator('.statusbar'), 'Local sandbox');
  });

  it('opens the sample workspace', async () => {
    assert.ok(browser);
    const explorer = browser.page.locator('.explorer-folders-view');
    for (const name of ['numbers.txt', 'plivo-dst.txt', 'contacts.csv', 'numbers-with-mistakes.txt']) {
      await explorer.getByText(name, { exact: true }).waitFor({ timeout: 10_000 });
    }
  });
});
