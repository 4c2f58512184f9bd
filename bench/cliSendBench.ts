// Benchmark: 100,000 destinations to the sandbox through the send engine with its journal (pacing
// off), against the floor — 100 bare sequential undici.request POSTs of the same 1,000-number
// bodies to the same sandbox. Also the whole CLI process (reading and checking 100,000 numbers
// included, peak RSS printed), and the pacing setting's rate held over a paced send.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Agent, request } from 'undici';
import { PlivoClient } from '../src/core/client';
import { toRequestBody } from '../src/core/request';
import { createJournal } from '../src/core/sends/journal';
import { JournalFile } from '../src/core/sends/journalFile';
import { batchRequest, runSend } from '../src/core/sends/sendEngine';
import { startSandbox } from '../src/sandbox';
import type { BenchRow } from './benchRow';
import { median } from './median';

const DESTINATIONS = 100_000;
const PAIRS = 7;
const TARGET_RATIO = 1.3;
const PACED_BATCHES = 30;
const PACE = 20;

const round = (value: number, digits = 3): number => Math.round(value * 10 ** digits) / 10 ** digits;

function runProcess(command: string, args: string[], env: NodeJS.ProcessEnv): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

export async function runCliSendBench(): Promise<BenchRow[]> {
  const sandbox = await startSandbox({ rateLimitPer5s: 1e9, maxMessages: 250_000 });
  const { authId, authToken } = sandbox.accounts[0];
  const dir = mkdtempSync(join(tmpdir(), 'bmw-bench-send-'));
  const numbers = Array.from({ length: DESTINATIONS }, (_, i) => `+1415${String(2_000_000 + i)}`);
  const request0 = { src: '+14155550100', text: 'Flash sale: 20% off until midnight' };
  const bodies = createJournal(request0, numbers).batches.map((batch) => JSON.stringify(toRequestBody(batchRequest(request0, batch))));
  const url = `${sandbox.baseUrl}/v1/Account/${authId}/Message/`;
  const headers = { authorization: `Basic ${Buffer.from(`${authId}:${authToken}`).toString('base64')}`, accept: 'application/json', 'content-type': 'application/json' };
  const agent = new Agent();
  const client = new PlivoClient({ authId, authToken, baseUrl: sandbox.baseUrl });

  const floor = async (): Promise<number> => {
    const started = performance.now();
    for (const body of bodies) {
      const res = await request(url, { method: 'POST', headers, body, dispatcher: agent });
      const json = JSON.parse(await res.body.text()) as { message_uuid: string[] };
      if (res.statusCode !== 202 || json.message_uuid.length === 0) throw new Error(`bare request: HTTP ${res.statusCode}`);
    }
    return performance.now() - started;
  };
  let run = 0;
  const engine = async (): Promise<number> => {
    const journal = createJournal(request0, numbers);
    const started = performance.now();
    const file = await JournalFile.write(join(dir, `engine-${run++}.jsonl`), journal);
    const result = await runSend(journal, { client, save: (j, changed, started) => file.save(j, changed, started) });
    await file.close();
    if (result.stop !== 'complete') throw new Error(`engine run stopped: ${result.stop}`);
    return performance.now() - started;
  };

  try {
    await floor(); // warm-up: the sandbox's first look at 100,000 numbers is slower than the next ones
    const ratios: number[] = [];
    const engineMs: number[] = [];
    const floorMs: number[] = [];
    for (let i = 0; i < PAIRS; i++) {
      // Alternate which goes first, so neither always meets a warmer sandbox or a fresher heap.
      let e: number;
      let f: number;
      if (i % 2 === 0) {
        e = await engine();
        f = await floor();
      } else {
        f = await floor();
        e = await engine();
      }
      engineMs.push(e);
      floorMs.push(f);
      ratios.push(e / f);
    }
    const ratio = median(ratios);

    const list = join(dir, 'numbers.txt');
    writeFileSync(list, `${numbers.join('\n')}\n`);
    const cliStarted = performance.now();
    // Asynchronous: the sandbox answering the CLI lives in this process's event loop.
    const cli = await runProcess(
      process.execPath,
      [join(__dirname, '..', '..', 'dist', 'cli.js'), 'send', list, '--text', request0.text, '--src', request0.src, '--base-url', sandbox.baseUrl, '--pace', '0', '--json', '--journal', join(dir, 'cli.jsonl')],
      { PATH: process.env.PATH, PLIVO_AUTH_ID: authId, PLIVO_AUTH_TOKEN: authToken },
    );
    const cliMs = performance.now() - cliStarted;
    if (cli.status !== 0) throw new Error(`CLI send exited ${cli.status}: ${cli.stderr.slice(0, 1500)}`);
    const stats = (JSON.parse(cli.stdout) as { stats: { peakRssMb: number } }).stats;
    const floorMedian = median(floorMs);

    // Pacing on: batches of 100 at PACE a second; the rate is counted between the first and last start.
    const starts: number[] = [];
    const paced = createJournal(request0, numbers.slice(0, PACED_BATCHES * 100), 100);
    const pacedFile = await JournalFile.write(join(dir, 'paced.jsonl'), paced);
    await runSend(paced, { client, save: (j, changed, started) => pacedFile.save(j, changed, started), batchesPerSecond: PACE, onEvent: (event) => event.type === 'batch-start' && starts.push(performance.now()) });
    await pacedFile.close();
    const rate = (starts.length - 1) / ((starts[starts.length - 1] - starts[0]) / 1000);
    const rateError = Math.abs(rate - PACE) / PACE;

    return [
      {
        id: 'send-100k-engine',
        name: '100,000 destinations (100 batches) through the send engine with its fsynced journal, pacing off, vs 100 bare sequential undici POSTs of the same bodies',
        value: round(median(engineMs), 1),
        unit: 'ms',
        baseline: round(floorMedian, 1),
        ratio: round(ratio),
        better: 'lower',
        target: `<= ${TARGET_RATIO}`,
        pass: ratio <= TARGET_RATIO,
        note: `median of ${PAIRS} alternating pairs after a warm-up; the journal is written before and after every POST`,
      },
      {
        id: 'send-100k-cli',
        name: 'The same through the whole CLI process (node start, reading and checking 100,000 numbers, journal, send)',
        value: round(cliMs, 1),
        unit: 'ms',
        baseline: round(floorMedian, 1),
        ratio: round(cliMs / floorMedian),
        better: 'lower',
        note: `peak RSS ${stats.peakRssMb} MB; checking 100,000 numbers with libphonenumber is most of the difference (see P1)`,
      },
      {
        id: 'send-pacing-rate',
        name: `Pacing at ${PACE} batches/s: measured rate over ${PACED_BATCHES} batches`,
        value: round(rate, 2),
        unit: 'batches/s',
        baseline: PACE,
        ratio: round(rate / PACE),
        target: 'within 10 %',
        pass: rateError <= 0.1,
      },
    ];
  } finally {
    await client.close();
    await agent.close();
    await sandbox.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (require.main === module) {
  void runCliSendBench().then((rows) => console.table(rows));
}
