// The delivery picture of one send, from its destinations as the journal keeps them: how many are
// in each state, per country and per error code, the units and amount billed, the failures, and
// the states over time. Pure data in, plain JSON out: the report panel and the CLI can share it.
import { parseKey } from '../destinations/phoneMetadata';
import { errorCodeMeaning, isErrorCode } from '../errorCodes';

import { REPORT_STATES, type ReportState, type StateCounts } from './reportStates';

export { REPORT_STATES, type ReportState, type StateCounts } from './reportStates';

/** What the report reads of a destination (a DestinationRecord fits). */
export interface ReportDestination {
  number: string;
  uuid?: string;
  state: string;
  errorCode?: string;
  /** ISO time of the last status change seen. */
  updatedAt?: string;
  units?: number;
  totalAmount?: string;
}

/** What the report reads of a batch: when it was posted, and its destinations. */
export interface ReportBatch {
  startedAt?: string;
  finishedAt?: string;
  destinations: readonly ReportDestination[];
}

export interface CountryRow {
  /** ISO 3166 region ("US"); the calling code ("+44") when no region's plan accepts the number; or "unknown". */
  country: string;
  total: number;
  delivered: number;
  /** Failed, undelivered or rejected. */
  failed: number;
}

export interface ErrorCodeRow {
  code: string;
  /** The documented meaning, or undefined for a code Plivo does not list. */
  meaning?: string;
  count: number;
}

export interface FailureRow {
  number: string;
  uuid?: string;
  state: ReportState;
  errorCode?: string;
  meaning?: string;
}

/** The counts per state after a moment of the send: one point of the chart. */
export interface TimelinePoint {
  /** Milliseconds since the epoch. */
  at: number;
  counts: StateCounts;
}

export interface DeliveryReport {
  total: number;
  states: StateCounts;
  countries: CountryRow[];
  errorCodes: ErrorCodeRow[];
  /** Parts billed, summed over the destinations whose status read gave them; undefined when none did. */
  units?: number;
  /** USD billed, summed likewise, as a decimal string (5 places, as Plivo prices). */
  amount?: string;
  failures: FailureRow[];
  timeline: TimelinePoint[];
}

/** Most points the chart gets: a long send is sampled, the last point always kept. */
export const MAX_TIMELINE_POINTS = 120;

const TROUBLE: ReadonlySet<ReportState> = new Set(['failed', 'undelivered', 'rejected']);

export function emptyCounts(): StateCounts {
  return Object.fromEntries(REPORT_STATES.map((state) => [state, 0])) as StateCounts;
}

function stateOf(destination: ReportDestination): ReportState {
  return (REPORT_STATES as readonly string[]).includes(destination.state) ? (destination.state as ReportState) : 'unknown';
}

/**
 * "US" for +1 201 555 0111; the calling code ("+44") for a number no region's plan accepts (a
 * reserved range); "unknown" for one libphonenumber cannot read at all.
 */
export function countryOf(number: string): string {
  const parsed = parseKey(number.startsWith('+') ? number : `+${number}`);
  if (typeof parsed === 'string') return 'unknown';
  return parsed.country ?? `+${parsed.countryCallingCode}`;
}

const time = (iso: string | undefined): number | undefined => {
  const ms = iso === undefined ? NaN : Date.parse(iso);
  return Number.isFinite(ms) ? ms : undefined;
};

/**
 * The states over time, from what the journal keeps: each destination is queued when its batch
 * was answered and reaches its present state when its status last changed. (Intermediate states
 * a status read skipped over are not stored, so they are not drawn.)
 */
function timelineOf(batches: readonly ReportBatch[]): TimelinePoint[] {
  const events: Array<{ at: number; from: ReportState; to: ReportState }> = [];
  const counts = emptyCounts();
  for (const batch of batches) {
    const posted = time(batch.finishedAt) ?? time(batch.startedAt);
    for (const destination of batch.destinations) {
      const state = stateOf(destination);
      const changed = time(destination.updatedAt);
      if (state === 'unknown' || posted === undefined) {
        counts[state] += 1;
        continue;
      }
      counts.unknown += 1;
      events.push({ at: posted, from: 'unknown', to: 'queued' });
      if (state !== 'queued') events.push({ at: Math.max(changed ?? posted, posted), from: 'queued', to: state });
    }
  }
  events.sort((a, b) => a.at - b.at);
  const points: TimelinePoint[] = [];
  for (const event of events) {
    counts[event.from] -= 1;
    counts[event.to] += 1;
    const last = points.at(-1);
    if (last && last.at === event.at) last.counts = { ...counts };
    else points.push({ at: event.at, counts: { ...counts } });
  }
  if (points.length <= MAX_TIMELINE_POINTS) return points;
  const step = points.length / MAX_TIMELINE_POINTS;
  const sampled = Array.from({ length: MAX_TIMELINE_POINTS - 1 }, (_, i) => points[Math.floor(i * step)]);
  return [...sampled, points[points.length - 1]];
}

/** Sums decimal USD strings in hundred-thousandths, so 0.00500 × 200 is exactly 1.00000. */
function sumAmounts(amounts: readonly string[]): string | undefined {
  let total = 0;
  let any = false;
  for (const amount of amounts) {
    const value = Number(amount);
    if (!Number.isFinite(value)) continue;
    total += Math.round(value * 100_000);
    any = true;
  }
  return any ? (total / 100_000).toFixed(5) : undefined;
}

/** The delivery picture of a send's batches (a destination sent again in a later batch counts where it was last sent). */
export function deliveryReport(batches: readonly ReportBatch[]): DeliveryReport {
  const latest = new Map<string, ReportDestination>();
  for (const batch of batches) for (const destination of batch.destinations) latest.set(destination.number, destination);
  const states = emptyCounts();
  const countries = new Map<string, CountryRow>();
  const codes = new Map<string, number>();
  const failures: FailureRow[] = [];
  let units: number | undefined;
  const amounts: string[] = [];
  for (const destination of latest.values()) {
    const state = stateOf(destination);
    states[state] += 1;
    const country = countryOf(destination.number);
    const row = countries.get(country) ?? { country, total: 0, delivered: 0, failed: 0 };
    row.total += 1;
    if (state === 'delivered' || state === 'read') row.delivered += 1;
    if (TROUBLE.has(state)) row.failed += 1;
    countries.set(country, row);
    const code = isErrorCode(destination.errorCode) ? destination.errorCode : undefined;
    if (code) codes.set(code, (codes.get(code) ?? 0) + 1);
    if (TROUBLE.has(state)) failures.push({ number: destination.number, uuid: destination.uuid, state, errorCode: code, meaning: code ? errorCodeMeaning(code) : undefined });
    if (typeof destination.units === 'number') units = (units ?? 0) + destination.units;
    if (destination.totalAmount !== undefined) amounts.push(destination.totalAmount);
  }
  const batchesOfLatest = batches.map((batch) => ({ ...batch, destinations: batch.destinations.filter((d) => latest.get(d.number) === d) }));
  return {
    total: latest.size,
    states,
    countries: [...countries.values()].sort((a, b) => b.total - a.total || a.country.localeCompare(b.country)),
    errorCodes: [...codes].map(([code, count]) => ({ code, meaning: errorCodeMeaning(code), count })).sort((a, b) => b.count - a.count || a.code.localeCompare(b.code, 'en', { numeric: true })),
    units,
    amount: sumAmounts(amounts),
    failures,
    timeline: timelineOf(batchesOfLatest),
  };
}
