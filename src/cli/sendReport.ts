// What `bulk-messaging send` tells the person running it: progress on stderr (a live line on a
// terminal, a line per batch otherwise), the outcome as text on stderr or JSON on stdout.
import type { SendJournal } from '../core/sends/journal';
import type { RunResult, SendEvent } from '../core/sends/sendEngine';
import { nextStep, progressLine, sendProgress } from '../core/sends/sendProgress';
import { stopHeading } from '../core/sends/stopHeading';

const SHOWN_INVALID = 20;

export class SendReporter {
  private readonly live: boolean;
  private lineOpen = false;

  constructor(
    private readonly err: NodeJS.WriteStream,
    private readonly json: boolean,
  ) {
    this.live = Boolean(err.isTTY);
  }

  skipped(entries: Array<{ line: number; input: string; reason?: string }>): void {
    if (entries.length === 0) return;
    this.say(`${entries.length.toLocaleString('en-US')} invalid entr${entries.length === 1 ? 'y is' : 'ies are'} skipped:`);
    for (const entry of entries.slice(0, SHOWN_INVALID)) this.say(`  line ${entry.line}: ${JSON.stringify(entry.input)} ${entry.reason ?? ''}`.trimEnd());
    if (entries.length > SHOWN_INVALID) this.say(`  … and ${entries.length - SHOWN_INVALID} more (bulk-messaging check lists them all)`);
  }

  wouldSend(count: number, baseUrl: string): void {
    this.say(`Would send to ${count.toLocaleString('en-US')} destination${count === 1 ? '' : 's'} at ${baseUrl} (real, paid SMS). Nothing was sent: add --yes to send.`);
  }

  resuming(journalPath: string, journal: SendJournal): void {
    this.say(`Continuing the send in ${journalPath}: ${progressLine(sendProgress(journal))}.`);
  }

  event(event: SendEvent): void {
    switch (event.type) {
      case 'batch-start':
        this.progress(`batch ${event.index + 1} of ${event.total}${event.attempt > 1 ? ` (attempt ${event.attempt})` : ''}: posting…`);
        break;
      case 'batch-end':
        this.progress(`batch ${event.batch.index + 1}: ${event.batch.state}${event.batch.problem ? ` — ${event.batch.problem.message}` : ''}`, true);
        break;
      case 'rate-limited':
        this.progress(`batch ${event.index + 1}: 429 too many requests; posting it again in ${(event.waitMs / 1000).toFixed(1)} s (Ctrl+C stops)`, true);
        break;
      case 'checking':
        this.progress(`batch ${event.index + 1}: checking the account's message list (page ${event.page})…`);
        break;
      case 'checked':
        this.progress(`batch ${event.index + 1}: checked — ${event.recovered} were queued, ${event.notSent} were not`, true);
        break;
    }
  }

  finished(result: RunResult, journal: SendJournal, journalPath: string, rerun: string): void {
    this.endLine();
    const { progress } = result;
    if (this.json) {
      process.stdout.write(
        `${JSON.stringify({
          stop: result.stop,
          detail: result.detail ?? null,
          journal: journalPath,
          progress,
          batches: journal.batches.map((b) => ({ index: b.index, state: b.state, size: b.destinations.length, attempts: b.attempts, status: b.status ?? null, apiId: b.apiId ?? null, problem: b.problem ?? null })),
          next: result.stop === 'complete' ? null : rerun,
          // For scripts that track the cost of a run (the benchmark reads these).
          stats: { elapsedMs: Math.round(performance.now()), peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024) },
        })}\n`,
      );
    }
    // A batch's own problem was shown with it; only the other stops need their detail here.
    // (An unreachable batch carries no problem: its detail, e.g. a proxy or certificate failure, is said here.)
    const shown = ['in-doubt', 'rejected', 'auth'].includes(result.stop);
    const troubled = journal.batches.find((b) => b.state === 'in-doubt' || b.state === 'rejected');
    this.say(`${stopHeading(result.stop, troubled)}${result.detail && !shown ? ` — ${result.detail.replace(/\.$/, '')}` : ''}.`);
    this.say(`${progressLine(progress)}.`);
    if (result.stop === 'complete') {
      this.say(`Journal: ${journalPath} (running the same command again sends nothing; use another --journal for a new send).`);
      return;
    }
    this.say(nextStep(progress, { check: 'Run the same command again to check them', rest: 'run it again to send the rest' }));
    this.say(`Next: ${rerun}`);
  }

  private progress(text: string, keep = false): void {
    if (!this.live) {
      if (keep) this.say(text);
      return;
    }
    this.err.write(`\r\x1b[2K${text}`);
    this.lineOpen = true;
    if (keep) this.endLine();
  }

  private endLine(): void {
    if (this.lineOpen) this.err.write('\n');
    this.lineOpen = false;
  }

  private say(text: string): void {
    this.endLine();
    this.err.write(`${text}\n`);
  }
}
