// Send-to-tree: from the click on Send in the composer to the Sends view (open beside it) showing
// the new send's destinations with their UUIDs. Shared by the e2e test (a bound, and the figure in
// its log) and `npm run bench` (P3, median of several sends in its own session).
import type { SandboxServer } from '../../../src/sandbox';
import type { E2eSession } from '../../harness/e2eSession';
import { ComposerPage } from '../composer/composerPage';

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
  const sentBefore = sandbox.messageCount();

  const started = performance.now();
  await composer.click('#send');
  // The first destination's row carrying a UUID, and one further down the visible part of the tree.
  const rows = page.locator('.monaco-list-row');
  await rows.filter({ hasText: numbers[0] }).filter({ hasText: UUID }).waitFor({ timeout: 60_000 });
  const further = numbers[Math.min(numbers.length - 1, 5)];
  await rows.filter({ hasText: further }).filter({ hasText: UUID }).waitFor({ timeout: 10_000 });
  const ms = performance.now() - started;

  await composer.waitForText('#result-heading', /Sent: /, 30_000);
  const [batch] = await composer.tableRows('#result-batches tbody');
  const requestMs = Number((batch?.[6] ?? '').replace(/[^\d]/g, ''));
  const queued = sandbox.messageCount() - sentBefore;
  if (queued !== numbers.length) throw new Error(`the sandbox queued ${queued} messages, expected ${numbers.length}`);
  return { ms, requestMs };
}
