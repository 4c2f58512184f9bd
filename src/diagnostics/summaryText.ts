import type { DestinationCounts } from '../core';

/** "N valid · M invalid · K duplicates": the CodeLens title and the Validate command's message. */
export function summaryText(counts: DestinationCounts): string {
  return [
    `${format(counts.valid)} valid`,
    `${format(counts.invalid)} invalid`,
    `${format(counts.duplicate)} ${counts.duplicate === 1 ? 'duplicate' : 'duplicates'}`,
  ].join(' · ');
}

/** Counts of several lists added up (a file with several `<`-joined strings). */
export function addCounts(all: readonly DestinationCounts[]): DestinationCounts {
  const sum: DestinationCounts = { total: 0, valid: 0, invalid: 0, duplicate: 0, ambiguous: 0, fixedLine: 0 };
  for (const counts of all) {
    sum.total += counts.total;
    sum.valid += counts.valid;
    sum.invalid += counts.invalid;
    sum.duplicate += counts.duplicate;
    sum.ambiguous += counts.ambiguous;
    sum.fixedLine += counts.fixedLine;
  }
  return sum;
}

function format(value: number): string {
  return value.toLocaleString('en-US');
}
