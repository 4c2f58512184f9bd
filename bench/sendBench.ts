// Benchmark P3: one 1,000-destination bulk send through the project's PlivoClient to the sandbox,
// against the floor — a bare undici.request carrying the same JSON body to the same sandbox on its
// own keep-alive Agent, reading the body and parsing it (any client must, to get the UUIDs).
// Requests go one at a time, in pairs whose order alternates; the figure is the median of the
// per-pair ratios after a warm-up, so load on the machine hits both sides alike.
import { performance } from 'node:perf_hooks';
import { Agent, request } from 'undici';
import { PlivoClient } from '../src/core/client';
import { type MessageRequest, toRequestBody } from '../src/core/request';
import { startSandbox } from '../src/sandbox';
import type { BenchRow } from './benchRow';
import { median } from './median';

const DESTINATIONS = 1000;
const WARM_UP_PAIRS = 150;
const PAIRS = 300;
const TARGET_RATIO = 1.1;


function round(value: number, digits = 3): number {
  const scale = 10 ** digits;
  return Math.round(value * scale) / scale;
}

/** Measures the client against bare undici on the same sandbox, same body, same list. */
export async function runSendBench(): Promise<BenchRow[]> {
  // The store is bounded (oldest messages forgotten), so thousands of bulk sends keep memory flat.
  const sandbox = await startSandbox({ rateLimitPer5s: 1e9 });
  const { authId, authToken } = sandbox.accounts[0];
  const message: MessageRequest = {
    src: '14155550100',
    dst: Array.from({ length: DESTINATIONS }, (_, i) => `1415${2_000_000 + i}`).join('<'),
    text: 'Flash sale: 20% off until midnight',
  };
  const body = JSON.stringify(toRequestBody(message));
  const url = `${sandbox.baseUrl}/v1/Account/${authId}/Message/`;
  const headers = {
    authorization: `Basic ${Buffer.from(`${authId}:${authToken}`).toString('base64')}`,
    accept: 'application/json',
    'content-type': 'application/json',
  };
  const client = new PlivoClient({ authId, authToken, baseUrl: sandbox.baseUrl });
  const agent = new Agent();

  const ours = async (): Promise<number> => {
    const started = performance.now();
    const sent = await client.sendMessage(message);
    if (sent.body.message_uuid.length !== DESTINATIONS) throw new Error(`expected ${DESTINATIONS} UUIDs`);
    return performance.now() - started;
  };
  const floor = async (): Promise<number> => {
    const started = performance.now();
    const res = await request(url, { method: 'POST', headers, body, dispatcher: agent });
    const json = JSON.parse(await res.body.text()) as { message_uuid: string[] };
    if (res.statusCode !== 202 || json.message_uuid.length !== DESTINATIONS) throw new Error(`bare request: HTTP ${res.statusCode}`);
    return performance.now() - started;
  };

  try {
    for (let i = 0; i < WARM_UP_PAIRS; i++) {
      await ours();
      await floor();
    }
    const oursMs: number[] = [];
    const floorMs: number[] = [];
    const ratios: number[] = [];
    const overheads: number[] = [];
    for (let i = 0; i < PAIRS; i++) {
      // Alternate which goes first, so neither always meets a warmer connection or a fresher heap.
      let oursTime: number;
      let floorTime: number;
      if (i % 2 === 0) {
        oursTime = await ours();
        floorTime = await floor();
      } else {
        floorTime = await floor();
        oursTime = await ours();
      }
      oursMs.push(oursTime);
      floorMs.push(floorTime);
      ratios.push(oursTime / floorTime);
      overheads.push(oursTime - floorTime);
    }
    const ratio = median(ratios);
    return [
      {
        id: 'send-1000-client',
        name: 'POST Message, 1,000 destinations: PlivoClient vs bare undici.request, same body, same sandbox',
        value: round(median(oursMs)),
        unit: 'ms',
        baseline: round(median(floorMs)),
        ratio: round(ratio),
        better: 'lower',
        target: `<= ${TARGET_RATIO}`,
        pass: ratio <= TARGET_RATIO,
        note: `client, sandbox and floor in one process; one request at a time, keep-alive; median of ${PAIRS} alternating pairs after ${WARM_UP_PAIRS}; the sandbox's own work (1,000 numbers) is in both`,
      },
      {
        id: 'send-1000-client-overhead',
        name: 'The client’s own cost per 1,000-destination send (median of pair differences)',
        value: round(median(overheads)),
        unit: 'ms',
        better: 'lower',
        note: 'serialising the request, checking the response shape, timing and logging hooks',
      },
    ];
  } finally {
    await client.close();
    await agent.close();
    await sandbox.close();
  }
}

if (require.main === module) {
  void runSendBench().then((rows) => console.table(rows));
}
