// Benchmark: the sandbox on loopback. Single-destination sends vs a bare node:http server answering a
// fixed 202 to the same client in the same run; 1,000-destination bulk sends; memory after 1,000,000
// messages (the store is bounded, so the heap must stay flat).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Pool } from 'undici';
import { startSandbox, type SandboxServer } from '../src/sandbox';
import type { BenchRow } from './benchRow';
import { median } from './median';

export const CONCURRENCY = 16;
// Short interleaved rounds: a burst of load from another process spoils a round or two of each
// side, and the medians drop them.
const ROUNDS = 20;
const SECONDS_PER_ROUND = 0.4;
const BULK_SECONDS = 2;
const WARM_UP_REQUESTS = 20_000;
const WARM_UP_SECONDS = 3;
const SINGLE_TARGET_RATIO = 0.5;
const BULK_TARGET_RPS = 20;
const MESSAGES_FOR_MEMORY = 1_000_000;
const HEAP_FLAT_RATIO = 1.25;
const RSS_BOUND_MB = 400;

export interface Target {
  origin: string;
  path: string;
  authorization: string;
}

/** `count` distinct valid US numbers starting at `start` (+1 415 2xx xxxx). */
export function usNumbers(count: number, start: number): string[] {
  return Array.from({ length: count }, (_, i) => `+1415${2_000_000 + start + i}`);
}

/**
 * Sends back to back on `concurrency` keep-alive connections until `seconds` pass or `maxRequests`
 * are done; returns requests per second.
 */
export async function requestsPerSecond(
  target: Target,
  bodyFor: (n: number) => string,
  concurrency: number,
  seconds: number,
  expectStatus: number,
  maxRequests = Infinity,
): Promise<number> {
  const pool = new Pool(target.origin, { connections: concurrency, pipelining: 1 });
  const headers = { authorization: target.authorization, 'content-type': 'application/json' };
  let started = 0;
  let done = 0;
  const begin = performance.now();
  const deadline = begin + seconds * 1000;
  const worker = async () => {
    while (performance.now() < deadline && started < maxRequests) {
      const res = await pool.request({ origin: target.origin, path: target.path, method: 'POST', headers, body: bodyFor(started++) });
      await res.body.dump();
      if (res.statusCode !== expectStatus) throw new Error(`Unexpected HTTP ${res.statusCode} from ${target.origin}`);
      done++;
    }
  };
  try {
    await Promise.all(Array.from({ length: concurrency }, worker));
    return done / ((performance.now() - begin) / 1000);
  } finally {
    await pool.close();
  }
}

/** The floor: a bare node:http server that reads the body and answers a fixed 202. */
export async function startBareServer(): Promise<{ server: Server; origin: string }> {
  const body = JSON.stringify({ api_id: '7a3c6e0c-0000-4000-8000-000000000000', message: 'message(s) queued', message_uuid: ['5b40a428-0000-4000-8000-000000000000'] });
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(202, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) });
      res.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

export function sandboxTarget(sandbox: SandboxServer): Target {
  const { authId, authToken } = sandbox.accounts[0];
  return {
    origin: sandbox.baseUrl,
    path: `/v1/Account/${authId}/Message/`,
    authorization: 'Basic ' + Buffer.from(`${authId}:${authToken}`).toString('base64'),
  };
}

/** A `gc()` even when node was started without --expose-gc. */
function collector(): () => void {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

function megabytes(bytes: number): number {
  return Math.round((bytes / 1024 / 1024) * 10) / 10;
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}


/** Medians of both servers' rates over interleaved rounds, and the ratio of the medians. */
export interface InterleavedRates {
  value: number;
  baseline: number;
  ratio: number;
  /** Spread of the per-round ratios (first and third quartile), to show how noisy the run was. */
  quartiles: [number, number];
}

function quantile(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

/**
 * Warms both servers up (the JIT settles after ~20,000 requests; time-capped on a slow machine),
 * then measures them in alternating rounds — ours, floor, floor, ours, … — so machine noise and
 * drift hit both alike.
 */
export async function interleavedRates(ours: Target, floor: Target, bodyFor: (n: number) => string): Promise<InterleavedRates> {
  await requestsPerSecond(ours, bodyFor, CONCURRENCY, WARM_UP_SECONDS, 202, WARM_UP_REQUESTS);
  await requestsPerSecond(floor, bodyFor, CONCURRENCY, WARM_UP_SECONDS, 202, WARM_UP_REQUESTS);
  const oursRates: number[] = [];
  const floorRates: number[] = [];
  const measure = async (target: Target, rates: number[]) => rates.push(await requestsPerSecond(target, bodyFor, CONCURRENCY, SECONDS_PER_ROUND, 202));
  for (let i = 0; i < ROUNDS; i++) {
    if (i % 2 === 0) {
      await measure(ours, oursRates);
      await measure(floor, floorRates);
    } else {
      await measure(floor, floorRates);
      await measure(ours, oursRates);
    }
  }
  const value = median(oursRates);
  const baseline = median(floorRates);
  const roundRatios = oursRates.map((rate, i) => rate / floorRates[i]);
  return { value, baseline, ratio: value / baseline, quartiles: [quantile(roundRatios, 0.25), quantile(roundRatios, 0.75)] };
}

/** The bench row's note on the rounds. */
export function roundsNote(rates: InterleavedRates): string {
  const [q1, q3] = rates.quartiles.map((r) => r.toFixed(2));
  return `median of ${ROUNDS} interleaved ${SECONDS_PER_ROUND} s rounds per server, per-round ratios ${q1}–${q3} (quartiles)`;
}

async function singleDestinationRow(): Promise<BenchRow> {
  const sandbox = await startSandbox({ rateLimitPer5s: 1e9 });
  const bare = await startBareServer();
  const numbers = usNumbers(1000, 0);
  // One-time codes: a different text and number each time, as a real OTP sender's traffic.
  const bodyFor = (n: number) => JSON.stringify({ src: '14155550000', dst: numbers[n % numbers.length], text: `Your code is ${100000 + (n % 900000)}` });
  try {
    const ours = sandboxTarget(sandbox);
    const floor = { ...ours, origin: bare.origin };
    const rates = await interleavedRates(ours, floor, bodyFor);
    const { value, baseline, ratio } = rates;
    return {
      id: 'sandbox-single-rps',
      name: `sandbox POST Message, 1 destination, ${CONCURRENCY} keep-alive clients vs bare node:http fixed 202`,
      value: round1(value),
      unit: 'req/s',
      baseline: round1(baseline),
      ratio: Math.round(ratio * 1000) / 1000,
      better: 'higher',
      target: `>= ${SINGLE_TARGET_RATIO}`,
      pass: ratio >= SINGLE_TARGET_RATIO,
      note: `auth, rate limit, validation, store, delivery queue, request log; client and servers in one process; ${roundsNote(rates)}`,
    };
  } finally {
    await sandbox.close();
    await new Promise<void>((resolve) => bare.server.close(() => resolve()));
  }
}

async function bulkRows(): Promise<BenchRow[]> {
  const sandbox = await startSandbox({ rateLimitPer5s: 1e9 });
  try {
    const target = sandboxTarget(sandbox);
    // Cold: every request has 1,000 numbers never seen before (more than the reading cache holds).
    const cold = await requestsPerSecond(target, (n) => JSON.stringify({ src: '14155550000', dst: usNumbers(1000, (n % 5000) * 1000).join('<'), text: 'Sale ends tonight' }), 4, BULK_SECONDS, 202);
    // Warm: the same list again, as when a campaign is re-sent.
    const list = usNumbers(1000, 0).join('<');
    const warm = await requestsPerSecond(target, () => JSON.stringify({ src: '14155550000', dst: list, text: 'Sale ends tonight' }), 4, BULK_SECONDS, 202);
    const row = (id: string, label: string, value: number, note: string): BenchRow => ({
      id,
      name: `sandbox POST Message, 1,000 destinations (${label}), 4 keep-alive clients`,
      value: round1(value),
      unit: 'req/s',
      better: 'higher',
      target: `>= ${BULK_TARGET_RPS}`,
      pass: value >= BULK_TARGET_RPS,
      note,
    });
    return [
      row('sandbox-bulk-1000-cold-rps', 'new numbers each time', cold, `${Math.round(cold * 1000).toLocaleString('en-US')} messages/s; every number read by libphonenumber`),
      row('sandbox-bulk-1000-warm-rps', 'same list again', warm, `${Math.round(warm * 1000).toLocaleString('en-US')} messages/s; number readings cached`),
    ];
  } finally {
    await sandbox.close();
  }
}

async function memoryRows(): Promise<BenchRow[]> {
  const gc = collector();
  const sandbox = await startSandbox({ rateLimitPer5s: 1e9 });
  try {
    const target = sandboxTarget(sandbox);
    const pool = new Pool(target.origin, { connections: 4 });
    const body = JSON.stringify({ src: '14155550000', dst: usNumbers(1000, 0).join('<'), text: 'Sale ends tonight' });
    const sendBatches = async (batches: number) => {
      let next = 0;
      const worker = async () => {
        while (next++ < batches) {
          const res = await pool.request({ path: target.path, method: 'POST', headers: { authorization: target.authorization, 'content-type': 'application/json' }, body });
          await res.body.dump();
          if (res.statusCode !== 202) throw new Error(`Unexpected HTTP ${res.statusCode}`);
        }
      };
      await Promise.all(Array.from({ length: 4 }, worker));
    };
    const snapshot = () => {
      gc();
      gc();
      return process.memoryUsage();
    };
    const started = performance.now();
    await sendBatches(MESSAGES_FOR_MEMORY / 4 / 1000);
    const quarter = snapshot();
    await sendBatches((MESSAGES_FOR_MEMORY * 3) / 4 / 1000);
    const full = snapshot();
    const seconds = (performance.now() - started) / 1000;
    await pool.close();
    const ratio = full.heapUsed / quarter.heapUsed;
    const note = `${sandbox.messageCount().toLocaleString('en-US')} messages kept (default store size); 1,000,000 sent in ${seconds.toFixed(1)} s`;
    return [
      {
        id: 'sandbox-heap-1m',
        name: 'sandbox heap after 1,000,000 messages vs after 250,000',
        value: megabytes(full.heapUsed),
        unit: 'MB',
        baseline: megabytes(quarter.heapUsed),
        ratio: Math.round(ratio * 1000) / 1000,
        better: 'lower',
        target: `<= ${HEAP_FLAT_RATIO}`,
        pass: ratio <= HEAP_FLAT_RATIO,
        note,
      },
      {
        id: 'sandbox-rss-1m',
        name: 'process RSS after 1,000,000 sandbox messages',
        value: megabytes(full.rss),
        unit: 'MB',
        better: 'lower',
        target: `<= ${RSS_BOUND_MB}`,
        pass: full.rss / 1024 / 1024 <= RSS_BOUND_MB,
        note: 'includes the benchmark client in the same process',
      },
    ];
  } finally {
    await sandbox.close();
  }
}

/** Sandbox throughput and memory on loopback (a few seconds per figure). */
export async function runSandboxBench(): Promise<BenchRow[]> {
  return [await singleDestinationRow(), ...(await bulkRows()), ...(await memoryRows())];
}

if (require.main === module) {
  void runSandboxBench().then((rows) => console.table(rows));
}
