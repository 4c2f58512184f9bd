import type { Frame, Locator, Page } from 'playwright-core';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * The frame (VS Code nests each webview two iframes deep) in which `selector` exists.
 * Polls because the webview's iframes appear some time after the command that opens it.
 */
export async function findWebviewFrame(page: Page, selector: string, timeoutMs = 20_000): Promise<Frame> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const frame of page.frames()) {
      // A frame may detach while we look; that is not an error, only not the one.
      const found = await frame.$(selector).catch(() => null);
      if (found) return frame;
    }
    await sleep(200);
  }
  throw new Error(`no frame contains ${selector} after ${timeoutMs / 1000} s (${page.frames().length} frames open)`);
}

/** Waits until `text` is visible in the frame, page or element; the error shows what was there instead. */
export async function waitForText(target: Frame | Page | Locator, text: string, timeoutMs = 10_000): Promise<void> {
  try {
    await target.getByText(text).first().waitFor({ state: 'visible', timeout: timeoutMs });
  } catch {
    const element = 'first' in target ? target : target.locator('body');
    const shown = await element.innerText({ timeout: 1000 }).catch(() => '');
    throw new Error(`text ${JSON.stringify(text)} did not appear within ${timeoutMs / 1000} s; shown: ${JSON.stringify(shown.slice(0, 500))}`);
  }
}
