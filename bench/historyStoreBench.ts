// Benchmark: one status-update write (applyDestinationUpdates on one 1,000-destination batch: one
// appended line + fsync) with 0 other sends stored against the same write with 50 others of 1,000
// destinations. The 0-sends figure is the floor; the ratio should be about 1, because a write
// touches only its own file. Writes alternate between the two stores, so disk load hits both alike.
// Run alone: `npm run compile && node out/bench/historyStoreBench.js`.
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { SendRecord } from '../src/sends/sendRecord';
import { SendStore } from '../src/sends/sendStore';
import type { BenchRow } from './benchRow';
import { median } from './median';

const OTHERS = 50;
const DESTINATIONS = 1000;
const WARM_UP = 10;
const ROUNDS = 60;
const TARGET_MS = 10;
const TARGET_RATIO = 1.3;

function sendOf(id: string, minute: number): SendRecord {
  const numbers = Array.from({ length: DESTINATIONS }, (_, i) => `+1415${String(minute * DESTINATIONS + i).padStart(7, '0')}`);
  return {
    schemaVersion: 1,
    id,
    createdAt: new Date(Date.UTC(2025, 0, 1, 0, minute)).toISOString(),
    fingerprint: id,
    request: { src: '14155550100', text: 'Flash sale: 20% off until midnight' },
    batchSize: DESTINATIONS,
    profileId: 'local-sandbox',
    profileName: 'Local sandbox',
    isSandbox: true,
    // The draft keeps its destinations text, as a real send does.
    draft: { sender: { kind: 'src', value: '14155550100' }, text: 'Flash sale: 20% off until midnight', destinations: numbers.join('\n'), callbackUrl: '', callbackMethod: 'POST', type: 'sms' },
    skippedInvalid: [],
    batches: [{
      index: 0, state: 'accepted', attempts: 1, status: 202, invalidNumbers: [],
      destinations: numbers.map((number, i) => ({ number, uuid: `${id}-${i}`, result: 'accepted' as const, state: 'queued' as const })),
    }],
  };
}

async function storeWith(others: number): Promise<{ store: SendStore; dir: string; target: SendRecord }> {
  const dir = await fs.mkdtemp(path.join(tmpdir(), `history-bench-${others}-`));
  const store = new SendStore({ dir, pollMs: 0, watch: false, maxBytes: () => 1e12 });
  await store.ready;
  for (let i = 0; i < others; i++) await store.add(sendOf(`other-${i}`, i));
  const target = sendOf('target', others + 1);
  await store.add(target);
  return { store, dir, target };
}

/** Times one status update that changes every destination of the target's batch. */
async function oneWrite(store: SendStore, target: SendRecord, round: number): Promise<number> {
  const state = round % 2 === 0 ? 'delivered' : 'sent';
  const updates = new Map(target.batches[0].destinations.map((d) => [d.uuid as string, { state, updatedAt: String(round) } as const]));
  const started = performance.now();
  await store.applyDestinationUpdates(target.id, updates);
  return performance.now() - started;
}

export async function runHistoryStoreBench(): Promise<BenchRow[]> {
  const empty = await storeWith(0);
  const full = await storeWith(OTHERS);
  try {
    for (let i = 0; i < WARM_UP; i++) {
      await oneWrite(empty.store, empty.target, i);
      await oneWrite(full.store, full.target, i);
    }
    const floorMs: number[] = [];
    const fullMs: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      if (i % 2 === 0) {
        floorMs.push(await oneWrite(empty.store, empty.target, i));
        fullMs.push(await oneWrite(full.store, full.target, i));
      } else {
        fullMs.push(await oneWrite(full.store, full.target, i));
        floorMs.push(await oneWrite(empty.store, empty.target, i));
      }
    }
    const floor = median(floorMs);
    const value = median(fullMs);
    const ratio = value / floor;
    return [
      { id: 'history-write-0', name: 'status-update write, 0 other sends stored (median)', value: floor, unit: 'ms', target: `<= ${TARGET_MS}`, pass: floor <= TARGET_MS },
      {
        id: 'history-write-50',
        name: `status-update write, ${OTHERS} other sends of ${DESTINATIONS.toLocaleString('en-US')} stored (median)`,
        value, unit: 'ms', baseline: floor, ratio, better: 'lower',
        target: `<= ${TARGET_RATIO}; <= ${TARGET_MS} ms`, pass: ratio <= TARGET_RATIO && value <= TARGET_MS,
        note: 'each write appends one 1,000-destination batch line and fsyncs; a file is compacted when its lines pass 4× its batches, so a few rounds include a rewrite',
      },
    ];
  } finally {
    for (const { store, dir } of [empty, full]) {
      await store.flush();
      store.dispose();
      await fs.rm(dir, { recursive: true, force: true });
    }
  }
}


if (require.main === module) {
  runHistoryStoreBench().then(
    (rows) => {
      for (const row of rows) console.log(`${row.name}: ${row.value.toFixed(2)} ${row.unit}${row.ratio ? ` · ratio ${row.ratio.toFixed(2)}` : ''} · target ${row.target} · ${row.pass ? 'ok' : 'MISSED'}`);
    },
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
