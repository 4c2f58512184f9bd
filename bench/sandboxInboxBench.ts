// Benchmark: the sandbox's inbox features. Single-destination throughput with the event stream
// attached (a client reading every event) against a bare node:http server in the same run, and the
// time from a send to the Sandbox view's model holding it (event stream → model update), median.
import { performance } from 'node:perf_hooks';
import { request } from 'undici';
import { startSandbox } from '../src/sandbox';
import { InboxModel } from '../src/sandboxView/inboxModel';
import { SandboxApi } from '../src/sandboxView/sandboxApi';
import type { BenchRow } from './benchRow';
import { median } from './median';
import { CONCURRENCY, interleavedRates, roundsNote, sandboxTarget, startBareServer, usNumbers } from './sandboxBench';

const RATIO_TARGET = 0.5;
const LATENCY_SAMPLES = 40;
const LATENCY_TARGET_MS = 100;

async function throughputWithEventsRow(): Promise<BenchRow> {
  const sandbox = await startSandbox({ rateLimitPer5s: 1e9 });
  const bare = await startBareServer();
  const { authorization } = sandboxTarget(sandbox);
  const stream = new AbortController();
  let eventBytes = 0;
  const events = await request(`${sandbox.baseUrl}/__sandbox/events`, { headers: { authorization }, signal: stream.signal, bodyTimeout: 0 });
  events.body.on('data', (chunk: Buffer) => (eventBytes += chunk.length));
  events.body.on('error', () => undefined);
  const numbers = usNumbers(1000, 0);
  const bodyFor = (n: number) => JSON.stringify({ src: '14155550000', dst: numbers[n % numbers.length], text: `Your code is ${100000 + (n % 900000)}` });
  try {
    const ours = sandboxTarget(sandbox);
    const floor = { ...ours, origin: bare.origin };
    const rates = await interleavedRates(ours, floor, bodyFor);
    const { value, baseline, ratio } = rates;
    return {
      id: 'sandbox-single-rps-events',
      name: `sandbox POST Message with /__sandbox/events attached, 1 destination, ${CONCURRENCY} clients vs bare node:http fixed 202`,
      value: Math.round(value * 10) / 10,
      unit: 'req/s',
      baseline: Math.round(baseline * 10) / 10,
      ratio: Math.round(ratio * 1000) / 1000,
      better: 'higher',
      target: `>= ${RATIO_TARGET}`,
      pass: ratio >= RATIO_TARGET && eventBytes > 0,
      note: `${(eventBytes / 1024 / 1024).toFixed(1)} MB of events read by the attached client; ${roundsNote(rates)}`,
    };
  } finally {
    stream.abort();
    await sandbox.close();
    await new Promise<void>((resolve) => bare.server.close(() => resolve()));
  }
}

async function eventToViewRow(): Promise<BenchRow> {
  const sandbox = await startSandbox({ rateLimitPer5s: 1e9, timings: { sentAfterMs: 60_000 } });
  const { authId, authToken } = sandbox.accounts[0];
  const api = new SandboxApi({ baseUrl: sandbox.baseUrl, authId, authToken });
  let waiting: { phone: string; resolve: () => void } | undefined;
  const model = new InboxModel(
    () => api,
    () => {
      if (waiting && model.phones[0]?.phone.phone === waiting.phone) waiting.resolve();
    },
  );
  const following = new AbortController();
  let opened!: () => void;
  const open = new Promise<void>((resolve) => (opened = resolve));
  void api.follow((event) => model.apply(event), () => void model.reload().then(opened), following.signal);
  const target = sandboxTarget(sandbox);
  try {
    await open;
    const samples: number[] = [];
    const numbers = usNumbers(LATENCY_SAMPLES + 5, 500_000);
    for (let i = 0; i < numbers.length; i++) {
      const phone = numbers[i].slice(1);
      const updated = new Promise<void>((resolve) => (waiting = { phone, resolve }));
      const started = performance.now();
      const res = await request(`${target.origin}${target.path}`, { method: 'POST', headers: { authorization: target.authorization, 'content-type': 'application/json' }, body: JSON.stringify({ src: '14155550000', dst: numbers[i], text: 'hi' }) });
      await res.body.dump();
      await updated;
      // The first few warm the JIT.
      if (i >= 5) samples.push(performance.now() - started);
    }
    const value = median(samples);
    return {
      id: 'sandbox-event-to-view',
      name: 'send → Sandbox view model updated from the event stream (median of 40)',
      value: Math.round(value * 100) / 100,
      unit: 'ms',
      better: 'lower',
      target: `<= ${LATENCY_TARGET_MS}`,
      pass: value <= LATENCY_TARGET_MS,
      note: 'POST answered + event pushed + model applied; the tree then paints within its 50 ms batching window',
    };
  } finally {
    following.abort();
    await api.close();
    await sandbox.close();
  }
}

/** The inbox rows of P5. */
export async function runSandboxInboxBench(): Promise<BenchRow[]> {
  return [await throughputWithEventsRow(), await eventToViewRow()];
}

if (require.main === module) {
  void runSandboxInboxBench().then((rows) => console.table(rows));
}
