// Partial-send battery: every fault the sandbox can produce, on the first, a middle and the last
// batch, then a resume from the journal on disk. Whatever happened, the sandbox must end up holding
// exactly one message per unique destination, and every UUID in the journal must be its number's.
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { PlivoClient } from '../../../src/core/client';
import { createJournal, type SendJournal } from '../../../src/core/sends/journal';
import { JournalFile } from '../../../src/core/sends/journalFile';
import { runSend, type RunResult, type SendEngineOptions } from '../../../src/core/sends/sendEngine';
import type { FaultKind, SandboxServer } from '../../../src/sandbox';
import { accountPath, call, startFast } from '../sandbox/helpers';

const BATCH = 10;
const NUMBERS = Array.from({ length: 25 }, (_, i) => `+1415555${String(2000 + i).padStart(4, '0')}`);
const REQUEST = { src: '+14155550000', text: 'Your code is 1234' };
const POSITIONS = { first: 0, middle: 1, last: 2 } as const;

/** Every message the sandbox holds, read through its list API as a user would. */
async function listAll(sandbox: SandboxServer): Promise<Array<{ message_uuid: string; to_number: string }>> {
  const all = [];
  for (let offset = 0; ; offset += 20) {
    const page = await call(sandbox, 'GET', accountPath(sandbox, `Message/?limit=20&offset=${offset}`));
    assert.equal(page.status, 200, page.text);
    all.push(...page.json.objects);
    if (!page.json.meta.next) return all;
  }
}

async function assertExactlyOnce(sandbox: SandboxServer, journal: SendJournal): Promise<void> {
  const messages = await listAll(sandbox);
  const perNumber = new Map<string, number>();
  for (const m of messages) perNumber.set(m.to_number, (perNumber.get(m.to_number) ?? 0) + 1);
  for (const number of NUMBERS) assert.equal(perNumber.get(number.slice(1)), 1, `${number} got ${perNumber.get(number.slice(1)) ?? 0} messages`);
  assert.equal(messages.length, NUMBERS.length, 'no message to any other number');
  const byUuid = new Map(messages.map((m) => [m.message_uuid, m.to_number]));
  const shown = journal.batches.flatMap((b) => b.destinations.filter((d) => d.resentIn === undefined));
  assert.equal(shown.length, NUMBERS.length);
  for (const d of shown) {
    assert.equal(d.result, 'accepted', `${d.number} is ${d.result}`);
    assert.equal(byUuid.get(d.uuid ?? ''), d.number.slice(1), `the UUID shown for ${d.number} is its own`);
  }
}

describe('partial-send battery: exactly one message per destination after resume', function () {
  this.timeout(30_000);
  let sandbox: SandboxServer;
  let dir: string;
  let client: PlivoClient;

  before(async () => {
    sandbox = await startFast();
    const account = sandbox.accounts[0];
    // A one-second timeout makes `no-response` end quickly (undici checks timeouts about every 0.5 s).
    client = new PlivoClient({ authId: account.authId, authToken: account.authToken, baseUrl: sandbox.baseUrl, timeouts: { headersMs: 1000, bodyMs: 1000 } });
  });
  beforeEach(async () => {
    assert.equal((await call(sandbox, 'POST', '/__sandbox/reset')).status, 200);
    dir = mkdtempSync(path.join(tmpdir(), 'bmw-journal-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  after(async () => {
    await client.close();
    await sandbox.close();
  });

  /** One run of the engine over the journal file, as a fresh process would: read, run, close. */
  async function runFromDisk(file: string, extra: Partial<SendEngineOptions> = {}): Promise<{ result: RunResult; journal: SendJournal }> {
    const journal = await JournalFile.read(file);
    const handle = await JournalFile.write(file, journal);
    try {
      const result = await runSend(journal, {
        client,
        save: (j, changed, started) => handle.save(j, changed, started),
        reconcile: { listRequestsPerMinute: 60_000, settleMs: 0 },
        ...extra,
      });
      return { result, journal };
    } finally {
      await handle.close();
    }
  }

  async function start(): Promise<string> {
    const file = path.join(dir, 'send.jsonl');
    await (await JournalFile.write(file, createJournal(REQUEST, NUMBERS, BATCH))).close();
    return file;
  }

  const kinds: FaultKind[] = ['truncated-json', 'connection-reset', 'no-response', 'server-error', 'unavailable-html', 'rate-limit'];
  for (const kind of kinds) {
    for (const [where, skip] of Object.entries(POSITIONS)) {
      it(`${kind} on the ${where} batch`, async () => {
        sandbox.injectFault({ kind, method: 'POST', path: '/Message/', skip, retryAfterSeconds: 0 });
        const file = await start();
        const first = await runFromDisk(file);
        if (kind === 'rate-limit') {
          // A 429 was not processed: the same batch goes again by itself and the send completes.
          assert.equal(first.result.stop, 'complete');
          assert.equal(first.journal.batches[skip].attempts, 2);
        } else {
          assert.equal(first.result.stop, 'in-doubt', JSON.stringify(first.result));
          assert.equal(first.journal.batches[skip].state, 'in-doubt');
          assert.equal(first.result.progress.inDoubt, Math.min(BATCH, NUMBERS.length - skip * BATCH));
          assert.equal(first.result.progress.accepted, skip * BATCH, 'batches before it were accepted');
          const second = await runFromDisk(file);
          assert.equal(second.result.stop, 'complete', JSON.stringify(second.result));
        }
        await assertExactlyOnce(sandbox, await JournalFile.read(file));
      });
    }
  }

  it('truncated-json: the checked batch keeps the UUIDs Plivo queued and sends none of it again', async () => {
    sandbox.injectFault({ kind: 'truncated-json', method: 'POST', skip: 1 });
    const file = await start();
    await runFromDisk(file);
    const { journal } = await runFromDisk(file);
    assert.equal(journal.batches.length, 3, 'no batch was added: nothing needed sending again');
    assert.ok(journal.batches[1].destinations.every((d) => d.recovered && d.uuid));
  });

  it('server-error: proven not queued, the batch goes out again in a new batch on resume', async () => {
    sandbox.injectFault({ kind: 'server-error', method: 'POST', skip: 1 });
    const file = await start();
    await runFromDisk(file);
    const { journal } = await runFromDisk(file);
    assert.equal(journal.batches[1].state, 'reconciled');
    assert.ok(journal.batches[1].destinations.every((d) => d.result === 'not-sent' && d.resentIn === 3));
    assert.equal(journal.batches[3].destinations.length, BATCH);
  });

  it('a check that cannot read the account leaves the batch in doubt; sending it anyway is only the explicit choice', async () => {
    sandbox.injectFault({ kind: 'server-error', method: 'POST', path: '/Message/', skip: 1 });
    const file = await start();
    await runFromDisk(file);
    sandbox.injectFault({ kind: 'server-error', method: 'GET', path: '/Message/' });
    const blocked = await runFromDisk(file);
    assert.equal(blocked.result.stop, 'check-failed');
    assert.equal(blocked.journal.batches[1].state, 'in-doubt');
    assert.match(blocked.journal.batches[1].reconcileError ?? '', /500/);
    assert.equal(blocked.journal.batches[2].state, 'pending', 'nothing else is sent while a batch is in doubt');
    sandbox.injectFault({ kind: 'server-error', method: 'GET', path: '/Message/' });
    const chosen = await runFromDisk(file, { resendUncheckable: true });
    assert.equal(chosen.result.stop, 'complete');
    assert.equal(chosen.journal.batches[1].problem?.kind, 'resent-by-choice');
    await assertExactlyOnce(sandbox, chosen.journal);
  });

  it('cancel between batches: stops after the batch under way; resume sends only the rest', async () => {
    const file = await start();
    const controller = new AbortController();
    const first = await runFromDisk(file, {
      signal: controller.signal,
      onEvent: (event) => {
        if (event.type === 'batch-end' && event.batch.index === 0) controller.abort();
      },
    });
    assert.equal(first.result.stop, 'cancelled');
    assert.deepEqual(first.result.progress, { total: 25, accepted: 10, refused: 0, inDoubt: 0, notSent: 15 });
    assert.equal((await listAll(sandbox)).length, 10);
    const second = await runFromDisk(file);
    assert.equal(second.result.stop, 'complete');
    await assertExactlyOnce(sandbox, second.journal);
  });

  it('a 400 on a middle batch: the rest is not posted; resume sends the rejected batch and the rest once', async () => {
    const file = await start();
    const journal = await JournalFile.read(file);
    // The sandbox refuses a batch whose every number is invalid: make batch 2 such a batch.
    journal.batches[1].destinations = journal.batches[1].destinations.map(() => ({ number: '+1' }));
    await (await JournalFile.write(file, journal)).close();
    const first = await runFromDisk(file);
    assert.equal(first.result.stop, 'rejected');
    assert.equal(first.journal.batches[2].state, 'pending', 'the last batch was not posted');
    assert.equal(first.result.progress.accepted, 10);
  });

  it('a batch cut off by a crash mid-POST is in doubt on reopening and is checked, not re-posted', async () => {
    const file = await start();
    const journal = await JournalFile.read(file);
    const handle = await JournalFile.write(file, journal);
    // What the engine stores right before its POST, then the process dies; the POST did arrive.
    journal.batches[0].state = 'in-flight';
    journal.batches[0].startedAt = new Date(Date.now() - 1000).toISOString();
    journal.batches[0].attempts = 1;
    await handle.save(journal, [journal.batches[0]]);
    await handle.close();
    await call(sandbox, 'POST', accountPath(sandbox, 'Message/'), { body: { ...REQUEST, dst: NUMBERS.slice(0, BATCH).map((n) => n.slice(1)).join('<') } });
    const { result, journal: after } = await runFromDisk(file);
    assert.equal(result.stop, 'complete');
    assert.equal(after.batches[0].problem?.kind, 'interrupted');
    await assertExactlyOnce(sandbox, after);
  });
});
