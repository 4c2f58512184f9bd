// Send-to-tree: from the click on Send in the composer to the Sends view (open beside it) showing
// the new send's destinations with their UUIDs. Shared by the e2e test (a bound, and the figure in
// its log) and `npm run bench` (P3, median of several sends in its own session).
import type { SandboxServer } from '../../../src/sandbox';
import type { E2eSession } from '../../harness/e2eSession';
import { ComposerPage } from '../composer/composerPage';

/** The little of the browser the page-side observer uses (this project builds without the DOM lib). */
interface PageGlobals {
  sendToTreeShownAt?: number;
  document: { body: unknown; querySelectorAll(selector: string): Iterable<{ textContent: string | null }> };
  MutationObserver: new (callback: () => void) => { observe(target: unknown, options: object): void; disconnect(): void };
  requestAnimationFrame(callback: () => void): void;
  performance: { timeOrigin: number; now(): number };
}
declare const globalThis: PageGlobals;

/** Runs in the workbench page: notes the time once rows with both numbers show a UUID. */
function OBSERVE_ROWS({ wanted, uuid }: { wanted: string[]; uuid: string }): void {
  const g = globalThis;
  g.sendToTreeShownAt = undefined;
  const pattern = new RegExp(uuid);
  const observer = new g.MutationObserver(() => {
    const texts = [...g.document.querySelectorAll('.monaco-list-row')].map((row) => row.textContent ?? '');
    if (!wanted.every((number) => texts.some((text) => text.includes(number) && pattern.test(text)))) return;
    observer.disconnect();
    g.requestAnimationFrame(() => setTimeout(() => (g.sendToTreeShownAt = g.performance.timeOrigin + g.performance.now())));
  });
  observer.observe(g.document.body, { childList: true, subtree: true, characterData: true });
}

/** What NOTE_CLICK leaves in the composer's frame. */
interface ClickGlobals {
  sendClickedAt?: number;
  sendClickListening?: boolean;
  document: { addEventListener(type: string, listener: (event: { timeStamp: number; target: { closest?(selector: string): unknown } | null }) => void, capture: boolean): void };
  performance: { timeOrigin: number };
}

/** Runs in the composer's frame: notes when the next click on Send reached the page (the event's own time stamp). */
function NOTE_CLICK(): void {
  const g = globalThis as unknown as ClickGlobals;
  g.sendClickedAt = undefined;
  if (g.sendClickListening) return;
  g.sendClickListening = true;
  g.document.addEventListener(
    'click',
    (event) => {
      if (g.sendClickedAt === undefined && event.target?.closest?.('#send')) g.sendClickedAt = g.performance.timeOrigin + event.timeStamp;
    },
    true,
  );
}

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/;

/** One measured send. */
export interface SendToTree {
  /** Click on Send → the tree shows the first destinations with the UUIDs the sandbox gave them. */
  ms: number;
  /** The HTTP request alone, as the composer reports it (part of `ms`). */
  requestMs: number;
}

/** Distinct valid numbers for the n-th measured send, so every send's tree rows are new. */
export function destinationsFor(run: number, count: number): string[] {
  return Array.from({ length: count }, (_, i) => `+1415${String(2_000_000 + run * count + i)}`);
}

/**
 * Fills the open composer with `numbers`, opens the Sends view in the sidebar, clicks Send and waits
 * until the rows of the first and the last visible destinations show the UUIDs the sandbox returned.
 */
export async function measureSendToTree(session: E2eSession, composer: ComposerPage, sandbox: SandboxServer, numbers: string[]): Promise<SendToTree> {
  const { page } = session.workbench;
  await session.host.executeCommand('workbench.view.extension.bulkMessaging');
  await composer.frame.locator('#sender').fill('14155550100');
  await composer.frame.locator('#text').fill(`Send-to-tree ${numbers[0]}`);
  await composer.pasteDestinations(numbers.join('\n'));
  await composer.waitForSummary(new RegExp(`${numbers.length.toLocaleString('en-US')} unique numbers? will be sent`), 60_000);
  // The count alone may still be the previous list's (each run sends as many): wait for this list's
  // first number in the preview, so the host has analysed it before the click, as a user would see.
  await composer.frame.locator('#preview-rows tr', { hasText: numbers[0] }).first().waitFor({ timeout: 60_000 });
  const sentBefore = sandbox.messageCount();

  const further = numbers[Math.min(numbers.length - 1, 5)];
  // The page notes when the rows arrive: a locator's waitFor polls with a backoff (20, 50, 100, 100,
  // then every 500 ms), so a tree painted at 280 ms was seen at ~770 ms and the figure measured the
  // polling. A mutation observer costs nothing between changes; the time is taken after the frame
  // that paints the rows (rAF, then a task), on the clock Node shares with the browser.
  await page.evaluate(OBSERVE_ROWS, { wanted: [numbers[0], further], uuid: UUID.source });
  await composer.frame.evaluate(NOTE_CLICK);
  await composer.click('#send');
  // From the click as the page received it: Playwright's actionability checks before it (visible,
  // stable over two frames, hit target) are the test's time, not the user's.
  const clicked = await composer.frame.waitForFunction(() => (globalThis as unknown as ClickGlobals).sendClickedAt, undefined, { timeout: 10_000 });
  const started = Number(await clicked.jsonValue());
  // The first destination's row carrying a UUID, and one further down the visible part of the tree.
  const rows = page.locator('.monaco-list-row');
  await rows.filter({ hasText: numbers[0] }).filter({ hasText: UUID }).waitFor({ timeout: 60_000 });
  await rows.filter({ hasText: further }).filter({ hasText: UUID }).waitFor({ timeout: 10_000 });
  const shown = await page.waitForFunction(() => globalThis.sendToTreeShownAt, undefined, { timeout: 10_000 });
  const ms = Number(await shown.jsonValue()) - started;

  await composer.waitForText('#result-heading', /Sent: /, 30_000);
  const [batch] = await composer.tableRows('#result-batches tbody');
  const requestMs = Number((batch?.[6] ?? '').replace(/[^\d]/g, ''));
  const queued = sandbox.messageCount() - sentBefore;
  if (queued !== numbers.length) throw new Error(`the sandbox queued ${queued} messages, expected ${numbers.length}`);
  return { ms, requestMs };
}
