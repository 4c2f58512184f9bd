import * as assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { useSandboxSession } from '../sandboxSession';
import { ComposerPage } from './composerPage';

// Page-side predicates run in the webview (see composerPage.ts); the little they touch is declared.
declare const document: { body: { classList: { contains(name: string): boolean } } };

const THEMES = ['Light Modern', 'Light+', 'Dark Modern', 'Dark High Contrast', 'Light High Contrast'];
/** WCAG AA for normal text. */
const MIN_CONTRAST = 4.5;
/** An input's border must at least be told apart from what is around it. */
const MIN_BORDER_CONTRAST = 1.3;

/** Chooses a colour theme through Preferences: Color Theme, as a person does. */
async function selectTheme(page: Page, run: () => Promise<unknown>, name: string): Promise<void> {
  const picking = run();
  const widget = page.locator('.quick-input-widget');
  const input = widget.locator('input.input');
  await input.waitFor({ timeout: 15_000 });
  await input.fill(name);
  await widget.locator('.quick-input-list .monaco-list-row').first().filter({ hasText: new RegExp(`^${name.replace('+', '\\+')}`) }).waitFor({ timeout: 10_000 });
  await input.press('Enter');
  await picking;
}

// The composer's error, warning and status words, and the input borders, in every built-in theme the
// issue names: the text meets 4.5:1 against what is behind it, and every input has a visible border.
describe('composer: readable in every built-in theme', function () {
  this.timeout(240_000);
  const { session } = useSandboxSession('composer-themes');
  let composer: ComposerPage;

  before(async () => {
    composer = await ComposerPage.open(session());
    await composer.frame.locator('#sender').fill('');
    await composer.frame.locator('#text').fill('Hi {name}');
    await composer.pasteDestinations('+12015550101\nnope');
    await composer.waitForSummary(/^2 entries: /);
    await composer.click('#send');
    await composer.waitForText('#sender-error', /Sender is required/);
  });

  for (const theme of THEMES) {
    it(`${theme}: error, warning and status text at ${MIN_CONTRAST}:1 or more, inputs with a border`, async () => {
      await selectTheme(session().workbench.page, () => session().host.executeCommand('workbench.action.selectTheme'), theme);
      // Wait until the webview has the theme's colours (its body class follows the workbench's).
      const kind = theme.includes('High Contrast') ? (theme.startsWith('Light') ? 'vscode-high-contrast-light' : 'vscode-high-contrast') : theme.startsWith('Dark') ? 'vscode-dark' : 'vscode-light';
      await composer.frame.waitForFunction((cls) => document.body.classList.contains(cls), kind, { timeout: 15_000 });
      const report = await composer.evaluate<Array<{ selector: string; kind: 'text' | 'border'; ratio: number }>>(`(() => {
        const rgb = (value) => (value.match(/[\\d.]+/g) || []).map(Number);
        const luminance = ([r, g, b]) => [r, g, b].map((c) => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; }).reduce((sum, c, i) => sum + c * [0.2126, 0.7152, 0.0722][i], 0);
        const background = (element) => {
          for (let node = element; node; node = node.parentElement) {
            const parts = rgb(getComputedStyle(node).backgroundColor);
            if (parts.length >= 3 && (parts.length < 4 || parts[3] > 0.5)) return parts;
          }
          return rgb(getComputedStyle(document.body).backgroundColor);
        };
        // A colour with alpha, laid over what is behind it.
        const over = (colour, behind) => colour.length < 4 ? colour : colour.slice(0, 3).map((c, i) => c * colour[3] + behind[i] * (1 - colour[3]));
        const contrast = (colour, behind) => {
          const [a, b] = [luminance(over(colour, behind)), luminance(behind)];
          return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
        };
        const rows = [];
        for (const selector of ['#sender-error', '#text-error', '#error-summary', '#text-placeholders', '#summary', '#send-status', '#profile-hint', '#send-summary']) {
          const element = document.querySelector(selector);
          rows.push({ selector, kind: 'text', ratio: contrast(rgb(getComputedStyle(element).color), background(element)) });
        }
        for (const selector of ['#sender', '#text', '#destinations']) {
          const element = document.querySelector(selector);
          rows.push({ selector, kind: 'border', ratio: contrast(rgb(getComputedStyle(element).borderTopColor), background(element.parentElement)) });
        }
        return rows;
      })()`);
      await session().workbench.screenshot(`theme-${theme.replace(/\W+/g, '-').toLowerCase()}`);
      console.log(`      ${theme}: ${report.map((row) => `${row.selector} ${row.ratio.toFixed(1)}:1`).join(', ')}`);
      for (const row of report) {
        const minimum = row.kind === 'text' ? MIN_CONTRAST : MIN_BORDER_CONTRAST;
        assert.ok(row.ratio >= minimum, `${theme}: ${row.kind} of ${row.selector} is ${row.ratio.toFixed(2)}:1, under ${minimum}:1`);
      }
    });
  }
});
