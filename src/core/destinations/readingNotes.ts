import type { AnalysedDestination } from './types';

/**
 * What a person should know about how an entry was read, in words: what was cleaned out of the
 * token, and how Plivo itself would read the raw token if their own app sent it as typed (an
 * ambiguous entry's reason already names Plivo's reading). Shown by the preview and `check`.
 */
export function readingNotes(entry: Pick<AnalysedDestination, 'notes' | 'plivo' | 'ambiguous'>): string[] {
  const lines = [...(entry.notes ?? [])];
  if (entry.plivo?.accepts === false) lines.push(`sent as typed, Plivo would reject it (${entry.plivo.reason})`);
  else if (entry.plivo?.accepts && !entry.ambiguous) lines.push(`sent as typed, Plivo would send it to ${entry.plivo.e164}`);
  return lines;
}
