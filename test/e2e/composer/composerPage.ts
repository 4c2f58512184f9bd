// Drives the composer webview from Playwright: open it, fill fields, read what it shows.
import type { Frame } from 'playwright-core';
import type { E2eSession } from '../../harness/e2eSession';
import { findWebviewFrame } from '../../harness/webview';
import { waitFor } from '../../helpers/waitFor';

// Page-side predicates run in the webview. They must be functions, not strings: the webview's CSP
// forbids eval, which Playwright needs to poll a string. The tests compile without the DOM library,
// so the little the predicates touch is declared here (module scope; at run time it is the page's).
interface PageElement {
  textContent: string | null;
  value?: string;
  disabled?: boolean;
  options?: { length: number };
  dispatchEvent(event: unknown): boolean;
}
declare const document: { querySelector(selector: string): PageElement | null };
declare const Event: new (type: string, init?: { bubbles?: boolean }) => unknown;

/** The composer's frame plus small helpers that wait for what a user would wait for. */
export class ComposerPage {
  private constructor(readonly frame: Frame) {}

  /** Runs Bulk Messaging: New Message and waits until the host's init filled the profile picker. */
  static async open(session: E2eSession): Promise<ComposerPage> {
    await session.host.executeCommand('bulkMessaging.newMessage');
    const frame = await findWebviewFrame(session.workbench.page, '#composer');
    await frame.waitForFunction(() => (document.querySelector('#profile')?.options?.length ?? 0) > 0, undefined, { timeout: 20_000 });
    return new ComposerPage(frame);
  }

  /**
   * Closes the composer panel (the active editor) with its tab's close button, as a user does: the
   * click takes focus from the webview first, so its pending draft is posted before the panel goes.
   * (A close command from the extension host can overtake the webview's last message.)
   */
  static async close(session: E2eSession, page: ComposerPage): Promise<void> {
    await session.workbench.page.locator('.tabs-container .tab.active .tab-actions .codicon-close').click();
    await waitFor(() => (page.frame.isDetached() ? true : undefined), 10_000, 'the composer frame to close', 100);
  }

  /** Replaces the destinations box's text as a paste would (one input event). */
  async setDestinations(text: string): Promise<void> {
    await this.frame.locator('#destinations').fill(text);
  }

  /**
   * Puts a large text into the box the way a paste lands: the value changes at once and one input
   * event fires. (Playwright's fill types through Chromium's insertText, which is quadratic in lines.)
   */
  async pasteDestinations(text: string): Promise<void> {
    await this.frame.evaluate((value) => {
      const box = document.querySelector('#destinations');
      if (!box) throw new Error('no #destinations');
      box.value = value;
      box.dispatchEvent(new Event('input', { bubbles: true }));
    }, text);
  }

  async destinations(): Promise<string> {
    return this.frame.locator('#destinations').inputValue();
  }

  /** The summary's text once it matches `pattern` (the preview is debounced and analysed in the host). */
  async waitForSummary(pattern: RegExp, timeoutMs = 20_000): Promise<string> {
    return this.waitForText('#summary', pattern, timeoutMs);
  }

  /** Waits until the element's text matches, then returns it. */
  async waitForText(selector: string, pattern: RegExp, timeoutMs = 10_000): Promise<string> {
    try {
      await this.frame.waitForFunction(
        ([sel, source, flags]) => new RegExp(source, flags).test(document.querySelector(sel)?.textContent ?? ''),
        [selector, pattern.source, pattern.flags] as const,
        { timeout: timeoutMs },
      );
    } catch (error) {
      const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
      throw new Error(`${selector} never matched ${pattern}; it shows ${JSON.stringify(await this.text(selector))} (${reason})`);
    }
    return this.text(selector);
  }

  async text(selector: string): Promise<string> {
    return (await this.frame.locator(selector).first().textContent({ timeout: 5_000 })) ?? '';
  }

  /** The preview rows shown now, each as its cells' texts. */
  async rows(): Promise<string[][]> {
    return this.tableRows('#preview-rows');
  }

  /** The rows of a table body, each as its cells' trimmed texts. */
  async tableRows(tbodySelector: string): Promise<string[][]> {
    return this.frame.evaluate<string[][]>(
      `Array.from(document.querySelectorAll(${JSON.stringify(`${tbodySelector} tr`)}), (row) => Array.from(row.cells, (cell) => (cell.textContent ?? '').trim()))`,
    );
  }

  /** Evaluates a page-side expression once (through the debugger protocol, so the CSP allows it). */
  async evaluate<T>(expression: string): Promise<T> {
    return this.frame.evaluate<T>(expression);
  }

  /** Waits until the Send button is usable again: the send ended one way or another. */
  async waitForSendIdle(timeoutMs = 60_000): Promise<void> {
    await this.frame.waitForFunction(() => document.querySelector('#send')?.disabled === false, undefined, { timeout: timeoutMs });
  }

  /** Chooses a preview filter by clicking its label, as a user would. */
  async filter(name: 'all' | 'valid' | 'invalid' | 'duplicate' | 'warning'): Promise<void> {
    await this.frame.locator(`label[for="filter-${name}"]`).click();
  }

  /** Opens "Advanced" (type, Powerpack, status callback) as a user would, if it is closed. */
  async openAdvanced(): Promise<void> {
    if ((await this.frame.locator('#advanced').getAttribute('open')) === null) await this.click('#advanced-summary');
  }

  async click(selector: string): Promise<void> {
    await this.frame.locator(selector).click();
  }
}
