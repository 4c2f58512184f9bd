// Benchmark: analyseDestinations over a realistic pasted list vs the floor — a bare libphonenumber-js
// loop (parse + isValid, same `max` metadata, same default region) over the same token strings.
import { performance } from 'node:perf_hooks';
import examples from 'libphonenumber-js/examples.mobile.json';
import { getCountryCallingCode, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { analyseDestinations } from '../src/core/destinations/analyse';
import type { BenchRow } from './benchRow';
import { random } from '../test/integration/fixtures/diagnostics/largeList';
import { median } from './median';

const REGION = 'US';
const COUNTRIES: CountryCode[] = ['US', 'GB', 'DE', 'FR', 'IN', 'BR', 'AU', 'MX', 'NG', 'ES', 'IT', 'CA'];
const TARGET_RATIO = 1.3;
const TARGET_MS_FOR_1000 = 16;

/**
 * The list a user pastes: ~72% `+` international mobiles from 12 countries (a fifth written with
 * spaces), ~12% US national (some as `(415) 555-0123`), ~6% invalid, ~10% repeats of earlier entries.
 */
export function makePastedList(count: number, seed = 7): string[] {
  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)];
  const tail = (digits: number): string => String(Math.floor(next() * 10 ** digits)).padStart(digits, '0');
  const tokens: string[] = [];
  while (tokens.length < count) {
    const roll = next();
    if (roll < 0.1 && tokens.length > 0) {
      tokens.push(pick(tokens));
    } else if (roll < 0.82) {
      const country = pick(COUNTRIES);
      const national = examples[country].slice(0, -6) + tail(6);
      const code = getCountryCallingCode(country);
      tokens.push(next() < 0.2 ? `+${code} ${national.slice(0, 3)} ${national.slice(3)}` : `+${code}${national}`);
    } else if (roll < 0.94) {
      const area = pick(['415', '212', '646', '312', '617', '206']);
      const exchange = `${2 + Math.floor(next() * 8)}${tail(2)}`;
      tokens.push(next() < 0.3 ? `(${area}) ${exchange}-${tail(4)}` : `${area}${exchange}${tail(4)}`);
    } else {
      tokens.push(pick([`+1${tail(5)}`, `+999${tail(8)}`, `n/a`, `${tail(3)}`, `+44${tail(14)}`]));
    }
  }
  return tokens;
}

/** The floor: what any code validating these strings must at least do. */
function bareLoop(tokens: readonly string[]): number {
  let valid = 0;
  for (const token of tokens) {
    const parsed = parsePhoneNumberFromString(token, { defaultCountry: REGION });
    if (parsed !== undefined && parsed.isValid()) valid++;
  }
  return valid;
}


/** Wall-clock ms of one call; `sink` keeps the result observable so the work is not optimised away. */
let sink = 0;
function timeOnce(work: () => number): number {
  const start = performance.now();
  sink += work();
  return performance.now() - start;
}

interface Measurement {
  ours: number;
  floor: number;
  /** Median of per-run ratios: each pair runs back to back, so load on the machine hits both alike. */
  ratio: number;
}

function measure(count: number, warmups: number, runs: number): Measurement {
  const tokens = makePastedList(count);
  const text = tokens.join('\n');
  const ours = (): number => analyseDestinations(text, { defaultRegion: REGION }).counts.valid;
  const floor = (): number => bareLoop(tokens);
  for (let i = 0; i < warmups; i++) sink += ours() + floor();
  const oursMs: number[] = [];
  const floorMs: number[] = [];
  const ratios: number[] = [];
  for (let i = 0; i < runs; i++) {
    // Alternate which goes first so neither always runs on a warmer cache or a fresher heap.
    let oursTime: number;
    let floorTime: number;
    if (i % 2 === 0) {
      oursTime = timeOnce(ours);
      floorTime = timeOnce(floor);
    } else {
      floorTime = timeOnce(floor);
      oursTime = timeOnce(ours);
    }
    oursMs.push(oursTime);
    floorMs.push(floorTime);
    ratios.push(oursTime / floorTime);
  }
  if (sink < 0) throw new Error('unreachable');
  return { ours: median(oursMs), floor: median(floorMs), ratio: median(ratios) };
}

function ratioRow(id: string, count: number, measured: Measurement): BenchRow {
  return {
    id,
    name: `analyseDestinations, ${count.toLocaleString('en-US')} pasted numbers vs bare parse+isValid loop`,
    value: round(measured.ours),
    unit: 'ms',
    baseline: round(measured.floor),
    ratio: round(measured.ratio),
    better: 'lower',
    target: `<= ${TARGET_RATIO}`,
    pass: measured.ratio <= TARGET_RATIO,
    note: 'split, normalise, classify, type, dedupe; region US; medians of paired runs after warm-up',
  };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/** Measures 1,000 and 100,000 destinations against the bare libphonenumber-js loop. */
export async function runDestinationsBench(): Promise<BenchRow[]> {
  const small = measure(1000, 30, 41);
  const large = measure(100_000, 2, 7);
  return [
    ratioRow('destinations-1k', 1000, small),
    {
      id: 'destinations-1k-time',
      name: 'analyseDestinations, 1,000 pasted numbers (absolute)',
      value: round(small.ours),
      unit: 'ms',
      better: 'lower',
      target: `< ${TARGET_MS_FOR_1000}`,
      pass: small.ours < TARGET_MS_FOR_1000,
    },
    ratioRow('destinations-100k', 100_000, large),
  ];
}

if (require.main === module) {
  void runDestinationsBench().then((rows) => console.table(rows));
}
