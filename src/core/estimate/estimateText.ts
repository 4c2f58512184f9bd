// The estimate in words, one home for the CLI's dry run, the live-send confirmation and the composer.
import { formatUsd, toMicroDollars } from './money';
import type { SendEstimate } from './estimate';

const n = (value: number): string => value.toLocaleString('en-US');

/** "45 s", "12 min 30 s", "2 h 5 min". */
export function formatDuration(seconds: number): string {
  const s = Math.ceil(seconds);
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min${s % 60 ? ` ${s % 60} s` : ''}`;
  return `${Math.floor(s / 3600)} h${Math.floor((s % 3600) / 60) ? ` ${Math.floor((s % 3600) / 60)} min` : ''}`;
}

/** The cost as one phrase: "$12.50", "at least $12.50 (no price for ??)", or "unknown (why)". */
export function costPhrase(estimate: SendEstimate): string {
  const missing = estimate.countries.filter((c) => c.amount === undefined);
  if (estimate.amount === undefined) return `unknown (${missing[0]?.priceProblem ?? 'no destinations'})`;
  const total = formatUsd(toMicroDollars(estimate.amount));
  return estimate.amountComplete ? total : `at least ${total} (no price for ${missing.map((c) => c.country).join(', ')})`;
}

/** "US 1,100 × 1 × $0.00500, GB 2 × 1 × $0.04000": destinations × parts × rate per country. */
function perCountry(estimate: SendEstimate): string {
  return estimate.countries.map((c) => `${c.country} ${n(c.destinations)}${c.rate ? ` × ${c.units / c.destinations} × $${c.rate}` : ''}`).join(', ');
}

/** "Destinations: 1,102 unique (US 1,100 × 1 × $0.00500, GB 2 × 1 × $0.04000)". */
export function destinationsLine(estimate: SendEstimate): string {
  return `Destinations: ${n(estimate.destinations)} unique (${perCountry(estimate) || 'none'})`;
}

/** "Countries: US 1,100 × 1 × $0.00500, …", for a dialog that already counts the destinations. */
export function countriesLine(estimate: SendEstimate): string {
  return `Countries: ${perCountry(estimate) || 'none'}`;
}

/** Cost, time and the warnings: what a confirmation that already states parts and units adds. */
export function costLines(estimate: SendEstimate): string[] {
  return [
    `Estimated cost: ${costPhrase(estimate)}`,
    `Estimated time: ${formatDuration(estimate.durationSeconds)}`,
    ...estimate.warnings.map((w) => `Warning: ${w.message}`),
  ];
}

/** Lines for a dialog or a terminal: per country, encoding, units, cost, time, then the warnings. */
export function estimateLines(estimate: SendEstimate): string[] {
  const encoding = estimate.encoding === 'MMS' ? 'MMS, 1 part' : `${estimate.encoding}, ${n(estimate.characters)} characters, ${n(estimate.parts)} part${estimate.parts === 1 ? '' : 's'}`;
  return [
    destinationsLine(estimate),
    `Encoding: ${encoding}`,
    `Total units: ${n(estimate.units)} in ${n(estimate.requests)} request${estimate.requests === 1 ? '' : 's'}`,
    ...costLines(estimate),
  ];
}
