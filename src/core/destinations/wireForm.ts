// The `dst` parameter as it goes over the wire, and the split into requests Plivo accepts.
import { MAX_DESTINATIONS } from '../request';

/**
 * Joins E.164 numbers into one `dst` value: `14155550100<447400123456`. Duplicates are dropped
 * (first kept). The `+` is left out: Plivo strips it anyway and stores numbers without it, and a
 * `+` that ever travels form-encoded or in a query string would arrive as a space.
 */
export function toDstParam(e164s: readonly string[]): string {
  return uniqueInOrder(e164s).map(withoutPlus).join('<');
}

/** Splits E.164 numbers (duplicates dropped, order kept) into batches of at most `size`. */
export function toBatches(e164s: readonly string[], size: number = MAX_DESTINATIONS): string[][] {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`Batch size must be a positive integer, got ${size}.`);
  const unique = uniqueInOrder(e164s);
  const batches: string[][] = [];
  for (let start = 0; start < unique.length; start += size) batches.push(unique.slice(start, start + size));
  return batches;
}

function uniqueInOrder(values: readonly string[]): string[] {
  return [...new Set(values)];
}

function withoutPlus(e164: string): string {
  return e164.startsWith('+') ? e164.slice(1) : e164;
}
