// What "rendered as inert text" means in the composer webview, checked from Playwright.
import * as assert from 'node:assert/strict';
import type { Frame } from 'playwright-core';

// Elements the composer never creates itself (VS Code adds its #_defaultStyles to every webview):
// any of them in the page means a payload became markup.
const FOREIGN = 'img, svg, iframe, object, embed, math, template, base, style:not(#_defaultStyles), meta[http-equiv="refresh" i], a[href^="javascript" i], [onerror], [onload], [onfocus], [ontoggle], [onclick]';

/** Scripts in the webview other than the one VS Code itself puts first (acquireVsCodeApi). */
export const COMPOSER_SCRIPTS = 'script:not(#_vscodeApiScript)';

/** No payload ran (the title is the composer's) and none became an element; only the composer's own script exists. */
export async function assertInert(frame: Frame): Promise<void> {
  assert.equal(await frame.title(), 'New Message', 'a payload changed document.title');
  const foreign = frame.locator(FOREIGN);
  const count = await foreign.count();
  const shown = count === 0 ? [] : await foreign.evaluateAll((elements) => elements.map((element) => element.outerHTML.slice(0, 200)));
  assert.equal(count, 0, `a payload became an element: ${shown.join(' | ')}`);
  const scripts = frame.locator(COMPOSER_SCRIPTS);
  assert.equal(await scripts.count(), 1, 'only the composer script exists');
  assert.equal(await scripts.first().textContent(), '', 'the composer script has no inline code');
}

/** The webview's Content-Security-Policy, read from the HTML the extension generated. */
export async function contentSecurityPolicy(frame: Frame): Promise<Map<string, string[]>> {
  const content = await frame.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  assert.ok(content, 'the composer HTML declares a Content-Security-Policy');
  const directives = new Map<string, string[]>();
  for (const part of content.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (name) directives.set(name, sources);
  }
  return directives;
}
