import type { Page } from 'playwright-core';

/**
 * Runs a command the way a person does: F1, type its title, pick the row. Retries the whole
 * gesture because the palette may open before the extension's commands are known, or lose focus.
 */
export async function runFromCommandPalette(page: Page, title: string, attempts = 4): Promise<void> {
  const input = page.locator('.quick-input-widget input');
  const row = page.locator('.quick-input-list .monaco-list-row', { hasText: title }).first();
  const failures: string[] = [];
  for (let attempt = 1; attempt <= attempts; attempt++) {
    let step = 'focus the editor area';
    try {
      await page.locator('.monaco-workbench .part.editor').click({ timeout: 20_000 });
      step = 'open the palette with F1';
      await page.keyboard.press('F1');
      await input.waitFor({ state: 'visible', timeout: 5000 });
      step = `find "${title}"`;
      await input.fill(`>${title}`);
      await row.waitFor({ state: 'visible', timeout: 10_000 });
      step = 'pick the row';
      await row.click();
      await input.waitFor({ state: 'hidden', timeout: 5000 });
      return;
    } catch (error) {
      failures.push(`attempt ${attempt}: could not ${step} (${String(error).split('\n')[0]})`);
      await page.keyboard.press('Escape').catch(() => undefined);
    }
  }
  throw new Error(`command palette: ${failures.join('; ')}`);
}
