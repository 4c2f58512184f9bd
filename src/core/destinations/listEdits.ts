// Edits that fix a number list: one home for entry removal and normalising, used by the composer
// (on its destinations text) and by the diagnostics quick fixes (as WorkspaceEdits).
import type { AnalysedDestination, DestinationAnalysis, DestinationStatus } from './types';

/** Replace `text[start, end)` of a source with `text`; offsets are relative to the source. */
export interface Replacement {
  start: number;
  end: number;
  text: string;
}

/** Separators and wrappers that may stay on a line once its numbers are gone. */
const LEFTOVER = /^[\s,;<"'[\]]*$/u;

/** Rewrites an entry in E.164 (or `to`, e.g. the other reading of an ambiguous number). */
export function normaliseEdit(entry: AnalysedDestination, to = entry.e164 ?? entry.input): Replacement {
  return { start: entry.position.offset, end: entry.position.offset + entry.position.length, text: to };
}

/** Valid and duplicate entries not yet written in E.164 (spaces, a guard, invisible characters, an extension …). */
export function needsNormalising(entry: AnalysedDestination): boolean {
  return entry.e164 !== undefined && entry.input !== entry.e164;
}

/**
 * Edits that remove the chosen entries from a source. A line left with nothing but separators goes
 * entirely (with its line break); so does a table row (`wholeRows`), other columns and all. Otherwise
 * each removed run of entries goes with the separator before the next kept one, or after the last
 * kept one: `a<b<c` minus `b` is `a<c`, minus `b` and `c` is `a`; text that is neither an entry nor a
 * separator stays. Lines without a removed entry (headers, blank lines, notes) stay byte for byte,
 * and removing the last line does not leave a line break the text did not end with.
 */
export function removalEdits(
  text: string, entries: readonly AnalysedDestination[], remove: (entry: AnalysedDestination) => boolean, wholeRows: boolean,
): Replacement[] {
  const edits: Replacement[] = [];
  let lineEntries: AnalysedDestination[] = [];
  const flush = (): void => {
    if (lineEntries.some(remove)) edits.push(...lineEdits(text, lineEntries, remove, wholeRows));
    lineEntries = [];
  };
  for (const entry of entries) {
    if (lineEntries.length > 0 && lineEntries[0].position.line !== entry.position.line) flush();
    lineEntries.push(entry);
  }
  flush();
  return mergeOverlapping(edits);
}

function lineEdits(
  text: string, onLine: readonly AnalysedDestination[], remove: (entry: AnalysedDestination) => boolean, wholeRows: boolean,
): Replacement[] {
  const first = onLine[0].position;
  const lineStart = first.offset - first.column;
  const last = onLine[onLine.length - 1].position;
  const lineEnd = endOfLine(text, last.offset + last.length);
  const kept = onLine.filter((entry) => !remove(entry));
  if (wholeRows || (kept.length === 0 && LEFTOVER.test(withoutEntries(text, lineStart, lineEnd, onLine)))) {
    return [wholeLine(text, lineStart, lineEnd)];
  }
  const edits: Replacement[] = [];
  let previousKeptEnd: number | undefined;
  let runStart: number | undefined;
  for (const entry of onLine) {
    const { offset, length } = entry.position;
    if (remove(entry)) {
      runStart ??= offset;
      continue;
    }
    if (runStart !== undefined) edits.push({ start: runStart, end: offset, text: '' });
    runStart = undefined;
    previousKeptEnd = offset + length;
  }
  if (runStart !== undefined) {
    const lastRemoved = onLine[onLine.length - 1].position;
    edits.push({ start: previousKeptEnd ?? runStart, end: lastRemoved.offset + lastRemoved.length, text: '' });
  }
  return edits;
}

/** The line `[lineStart, lineEnd)` and its line break; the last line takes the break before it instead. */
function wholeLine(text: string, lineStart: number, lineEnd: number): Replacement {
  const breakEnd = lineEnd + breakLength(text, lineEnd);
  if (breakEnd > lineEnd || lineStart === 0) return { start: lineStart, end: breakEnd, text: '' };
  const before = text.charCodeAt(lineStart - 1) === 10 && text.charCodeAt(lineStart - 2) === 13 ? 2 : 1;
  return { start: lineStart - before, end: lineEnd, text: '' };
}

function withoutEntries(text: string, lineStart: number, lineEnd: number, onLine: readonly AnalysedDestination[]): string {
  let rest = '';
  let at = lineStart;
  for (const { position } of onLine) {
    rest += text.slice(at, position.offset);
    at = position.offset + position.length;
  }
  return rest + text.slice(at, lineEnd);
}

function endOfLine(text: string, from: number): number {
  let end = from;
  while (end < text.length && text.charCodeAt(end) !== 10 && text.charCodeAt(end) !== 13) end++;
  return end;
}

function breakLength(text: string, at: number): number {
  const code = text.charCodeAt(at);
  if (code === 13) return text.charCodeAt(at + 1) === 10 ? 2 : 1;
  return code === 10 ? 1 : 0;
}

/** Sorted, with touching or overlapping removals joined (VS Code rejects overlapping edits). */
function mergeOverlapping(edits: Replacement[]): Replacement[] {
  edits.sort((a, b) => a.start - b.start);
  const merged: Replacement[] = [];
  for (const edit of edits) {
    const previous = merged[merged.length - 1];
    if (previous !== undefined && edit.start <= previous.end && previous.text === '' && edit.text === '') {
      previous.end = Math.max(previous.end, edit.end);
    } else {
      merged.push({ ...edit });
    }
  }
  return merged;
}

/** The text after applying sorted, non-overlapping replacements. */
export function applyReplacements(text: string, edits: readonly Replacement[]): string {
  let result = '';
  let at = 0;
  for (const edit of edits) {
    result += text.slice(at, edit.start) + edit.text;
    at = edit.end;
  }
  return result + text.slice(at);
}

/** The text without the entries `remove` picks (see `removalEdits`); tables lose whole rows. */
export function removeEntries(text: string, analysis: DestinationAnalysis, remove: (entry: AnalysedDestination) => boolean): string {
  return applyReplacements(text, removalEdits(text, analysis.entries, remove, analysis.format !== 'list'));
}

/** The text without every entry of `status`. */
export function removeEntriesByStatus(text: string, analysis: DestinationAnalysis, status: DestinationStatus): string {
  return removeEntries(text, analysis, (entry) => entry.status === status);
}

/** How many lines hold at least one picked entry: what "Remove all N invalid lines" counts. */
export function countLines(entries: readonly AnalysedDestination[], picked: (entry: AnalysedDestination) => boolean): number {
  let lines = 0;
  let lastLine = -1;
  for (const entry of entries) {
    if (entry.position.line === lastLine || !picked(entry)) continue;
    lastLine = entry.position.line;
    lines++;
  }
  return lines;
}
