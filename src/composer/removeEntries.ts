// Rewrites the destinations text without some entries, keeping everything else exactly as typed.
import type { AnalysedDestination, DestinationAnalysis, DestinationStatus } from '../core/destinations/types';

/** An entry's span in the text and whether it goes. */
interface Token {
  start: number;
  end: number;
  removed: boolean;
}

/** The text without every entry of `status` (see `removeEntries`). */
export function removeEntriesByStatus(text: string, analysis: DestinationAnalysis, status: DestinationStatus): string {
  return removeEntries(text, analysis.entries, (entry) => entry.status === status);
}

/**
 * The text without the entries `removed` picks. A line whose every entry goes disappears with its
 * line ending (in a CSV that is the whole row, so the columns stay aligned); on a line that keeps
 * some entries, each removed entry goes with one separator beside it. Lines without entries
 * (headers, blank lines, notes) and untouched lines stay byte for byte.
 */
export function removeEntries(text: string, entries: readonly AnalysedDestination[], removed: (entry: AnalysedDestination) => boolean): string {
  const tokens = entries
    .map((entry) => ({ start: entry.position.offset, end: entry.position.offset + entry.position.length, removed: removed(entry) }))
    .sort((a, b) => a.start - b.start);
  if (!tokens.some((token) => token.removed)) return text;

  const out: string[] = [];
  let next = 0;
  for (const line of splitLines(text)) {
    const onLine: Token[] = [];
    while (next < tokens.length && tokens[next].start < line.end) onLine.push(tokens[next++]);
    if (!onLine.some((token) => token.removed)) out.push(text.slice(line.start, line.end));
    else if (onLine.every((token) => token.removed)) continue;
    else out.push(removeTokensFromLine(text, line.start, line.contentEnd, onLine), text.slice(line.contentEnd, line.end));
  }
  const result = out.join('');
  // Dropping the last line must not leave the new last line with an ending the text never had.
  return /[\r\n]$/.test(text) ? result : result.replace(/(?:\r\n|\n|\r)$/, '');
}

/**
 * One line's content without its removed tokens. Between two kept tokens the separator that followed
 * the first one stays ("a, b, c" without b reads "a, c"); removed tokens before the first kept one
 * take the separator after them ("a, b" without a reads "b").
 */
function removeTokensFromLine(text: string, start: number, end: number, tokens: Token[]): string {
  const out: string[] = [text.slice(start, tokens[0].start)];
  let keptAny = false;
  let separator = '';
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i];
    const gap = text.slice(token.end, i + 1 < tokens.length ? tokens[i + 1].start : token.end);
    if (token.removed) continue;
    if (keptAny) out.push(separator);
    out.push(text.slice(token.start, token.end));
    keptAny = true;
    separator = gap;
  }
  out.push(text.slice(tokens[tokens.length - 1].end, end));
  return out.join('');
}

/** Lines with their spans: content runs to `contentEnd`, the line ending to `end`. */
function splitLines(text: string): { start: number; contentEnd: number; end: number }[] {
  const lines: { start: number; contentEnd: number; end: number }[] = [];
  const breaks = /\r\n|\n|\r/g;
  let start = 0;
  for (let match = breaks.exec(text); match; match = breaks.exec(text)) {
    lines.push({ start, contentEnd: match.index, end: match.index + match[0].length });
    start = match.index + match[0].length;
  }
  if (start < text.length) lines.push({ start, contentEnd: text.length, end: text.length });
  return lines;
}
