import type { AnalysedDestination } from '../core';
import type { ValidatedState } from './documentState';
import type { AnalysedSource } from './sources';

/** An entry and the list it belongs to. */
export interface EntryHit {
  source: AnalysedSource;
  entry: AnalysedDestination;
}

/** The entry whose token contains document offset `offset` (start inclusive, end inclusive), if any. */
export function entryAt(state: ValidatedState, offset: number): EntryHit | undefined {
  for (const source of state.sources) {
    const relative = offset - source.origin.offset;
    if (relative < 0 || relative > source.text.length) continue;
    const entries = source.analysis.entries;
    // Entries are in text order: binary search for the last one starting at or before the offset.
    let low = 0;
    let high = entries.length - 1;
    let found = -1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      if (entries[middle].position.offset <= relative) {
        found = middle;
        low = middle + 1;
      } else {
        high = middle - 1;
      }
    }
    if (found < 0) continue;
    const entry = entries[found];
    if (relative <= entry.position.offset + entry.position.length) return { source, entry };
  }
  return undefined;
}
