import { hasLetter, looksLikeNumber } from './numberShapes';

/** Lines sampled from the top of a file; the decision never reads further. */
const SAMPLE_LINES = 30;
/** Characters read at most for the sample (a minified one-line file stops here). */
export const SAMPLE_CHARS = 64 * 1024;
/** Share of sampled lines that must look like number-list lines. */
const MIN_LIST_SHARE = 0.6;

const CELL_SEPARATORS = /[,;\t<]/;

/**
 * Whether a plain-text or CSV/TSV file is a number list, from its first lines only: after an
 * optional header line, most lines must be a number on its own (`+1 415 555 0100`), numbers joined
 * by `<`, `,` or `;`, or a CSV row with a cell that is a number. Prose, logs and code fail it.
 */
export function looksLikeNumberList(head: string): boolean {
  const lines = sampleLines(head);
  if (lines.length > 0 && isHeaderLine(lines[0])) lines.shift();
  if (lines.length === 0) return false;
  const listLike = lines.filter(isListLine).length;
  return listLike >= lines.length * MIN_LIST_SHARE;
}

function sampleLines(head: string): string[] {
  const lines: string[] = [];
  for (const line of head.slice(0, SAMPLE_CHARS).split(/\r\n|\r|\n/)) {
    if (line.trim() === '') continue;
    lines.push(line);
    if (lines.length >= SAMPLE_LINES) break;
  }
  return lines;
}

/** A first line with words and no number, such as `name,phone,city` or `phone`. */
function isHeaderLine(line: string): boolean {
  return hasLetter(line) && !line.split(CELL_SEPARATORS).some(looksLikeNumber);
}

function isListLine(line: string): boolean {
  const cells = line.split(CELL_SEPARATORS);
  if (cells.length === 1) return looksLikeNumber(line);
  // `<`-joined or comma-separated numbers: every non-empty cell is a number; a CSV row: at least one.
  const filled = cells.filter((cell) => cell.trim() !== '');
  const numbers = filled.filter(looksLikeNumber).length;
  return line.includes('<') ? numbers > 0 && numbers >= filled.length * MIN_LIST_SHARE : numbers > 0;
}
