// Benchmark: analyseDestinations over a realistic pasted list vs the floor — a bare libphonenumber-js
// loop (parse + isValid, same `max` metadata, same default region) over the same token strings.
import { performance } from 'node:perf_hooks';
import examples from 'libphonenumber-js/examples.mobile.json';
import { getCountryCallingCode, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { analyseDestinations } from '../src/core/destinations/analyse';
import type { BenchRow } from './benchRow';

const REGION = 'US';
const COUNTRIES: CountryCode[] = ['US', 'GB', 'DE', 'FR', 'IN', 'BR', 'AU', 'MX', 'NG', 'ES', 'IT', 'CA'];
const TARGET_RATIO = 1.3;
const TARGET_MS_FOR_1000 = 16;

/** Deterministic PRNG (mulberry32) so every run measures the same list. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

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
      const national = examples[country].slice(0, -4) + tail(4);
      const code = getCountryCallingCode(country);
      tokens.push(next() < 0.2 ? `+${code} ${national.slice(0, 3)} ${national.slice(3)}` : `+${code}${national}`);
    } else if (roll < 0.94) {
      const area = pick(['415', '212', '646', '312', '617', '206']);
      tokens.push(next() < 0.3 ? `(${area}) 555-${tail(4)}` : `${area}555${tail(4)}`);
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

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** Median ms of `runs` timed calls after `warmups` untimed ones; `sink` keeps results observable. */
function time(work: () => number, warmups: number, runs: number): number {
  let sink = 0;
  for (let i = 0; i < warmups; i++) sink += work();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    sink += work();
    samples.push(performance.now() - start);
  }
  if (sink < 0) throw new Error('unreachable: keeps the work from being optimised away');
  return median(samples);
}

function measure(count: number, warmups: number, runs: number): { ours: number; floor: number } {
  const tokens = makePastedList(count);
  const text = tokens.join('\n');
  // Interleave the two so machine noise hits both alike.
  const ours: number[] = [];
  const floor: number[] = [];
  for (let round = 0; round < 3; round++) {
    ours.push(time(() => analyseDestinations(text, { defaultRegion: REGION }).counts.valid, warmups, runs));
    floor.push(time(() => bareLoop(tokens), warmups, runs));
  }
  return { ours: median(ours), floor: median(floor) };
}

function ratioRow(id: string, count: number, ours: number, floor: number): BenchRow {
  const ratio = ours / floor;
  return {
    id,
    name: `analyseDestinations, ${count.toLocaleString('en-US')} pasted numbers vs bare parse+isValid loop`,
    value: round(ours),
    unit: 'ms',
    baseline: round(floor),
    ratio: round(ratio),
    better: 'lower',
    target: `<= ${TARGET_RATIO}`,
    pass: ratio <= TARGET_RATIO,
    note: 'split, normalise, classify, type, dedupe; default region US; median after warm-up',
  };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

/** Measures 1,000 and 100,000 destinations against the bare libphonenumber-js loop. */
export async function runDestinationsBench(): Promise<BenchRow[]> {
  const small = measure(1000, 30, 31);
  const large = measure(100_000, 2, 5);
  return [
    ratioRow('destinations-1k', 1000, small.ours, small.floor),
    {
      id: 'destinations-1k-time',
      name: 'analyseDestinations, 1,000 pasted numbers (absolute)',
      value: round(small.ours),
      unit: 'ms',
      better: 'lower',
      target: `< ${TARGET_MS_FOR_1000}`,
      pass: small.ours < TARGET_MS_FOR_1000,
    },
    ratioRow('destinations-100k', 100_000, large.ours, large.floor),
  ];
}

if (require.main === module) {
  void runDestinationsBench().then((rows) => console.table(rows));
}
