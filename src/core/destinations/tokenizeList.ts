import { CR, isDigit, isHardSeparator, isSoftSeparator, LF, PLUS } from './characters';

/** Receives one token: 0-based offset and length in the text, 0-based line and column. */
export type TokenSink = (offset: number, length: number, line: number, column: number) => void;

/** A stretch of the text to tokenize and where it starts (0-based line, offset of that line). */
export interface TextRange {
  start: number;
  end: number;
  line: number;
  lineStart: number;
}

/** Fewer digits than this cannot be a whole number on their own: `+1 415` continues. */
const MIN_STANDALONE_DIGITS = 7;
/** 15 digits of E.164 plus an international dialling prefix: no single number is longer. */
const MAX_JOINED_DIGITS = 18;

/**
 * Splits `text[range.start, range.end)` into destination tokens in one linear pass. `<`, line breaks,
 * `,`, `;` and tabs always separate. Spaces separate only *between* numbers: pieces are joined while
 * the number so far is too short to stand alone, and a short trailing piece is joined when that
 * makes a valid number (`isNumber`) or the number so far is not valid anyway.
 */
export function tokenizeList(text: string, range: TextRange, isNumber: (candidate: string) => boolean, emit: TokenSink): void {
  // Flat [start, end, start, end, …] of the pieces between two hard separators; reused.
  const pieces: number[] = [];
  let line = range.line;
  let lineStart = range.lineStart;
  let pieceStart = -1;
  const flush = (): void => {
    if (pieces.length === 2) emit(pieces[0], pieces[1] - pieces[0], line, pieces[0] - lineStart);
    else if (pieces.length > 2) emitGroups(text, pieces, isNumber, (start, end) => emit(start, end - start, line, start - lineStart));
    pieces.length = 0;
  };
  for (let i = range.start; i < range.end; i++) {
    const code = text.charCodeAt(i);
    if (isHardSeparator(code)) {
      if (pieceStart >= 0) pieces.push(pieceStart, i);
      pieceStart = -1;
      if (pieces.length > 0) flush();
      if (code === CR && i + 1 < range.end && text.charCodeAt(i + 1) === LF) i++;
      if (code === CR || code === LF) {
        line++;
        lineStart = i + 1;
      }
    } else if (isSoftSeparator(code)) {
      if (pieceStart >= 0) pieces.push(pieceStart, i);
      pieceStart = -1;
    } else if (pieceStart < 0) {
      pieceStart = i;
    }
  }
  if (pieceStart >= 0) pieces.push(pieceStart, range.end);
  flush();
}

/** Groups the space-separated pieces of one segment into numbers (see `tokenizeList`). */
function emitGroups(
  text: string, pieces: number[], isNumber: (candidate: string) => boolean, emit: (start: number, end: number) => void,
): void {
  let groupStart = pieces[0];
  let groupEnd = pieces[1];
  let groupDigits = countDigits(text, groupStart, groupEnd);
  for (let p = 2; p < pieces.length; p += 2) {
    const start = pieces[p];
    const end = pieces[p + 1];
    const digits = countDigits(text, start, end);
    const joins = joinsGroup(text, { start: groupStart, end: groupEnd, digits: groupDigits }, { start, end, digits }, isNumber);
    if (joins) {
      groupEnd = end;
      groupDigits += digits;
    } else {
      emit(groupStart, groupEnd);
      groupStart = start;
      groupEnd = end;
      groupDigits = digits;
    }
  }
  emit(groupStart, groupEnd);
}

interface Piece {
  start: number;
  end: number;
  digits: number;
}

/** Whether `next` continues the number begun by `group` (the pieces are separated by spaces). */
function joinsGroup(text: string, group: Piece, next: Piece, isNumber: (candidate: string) => boolean): boolean {
  // A word stands alone, except a lone `+` written before the digits (`+ 44 …`).
  if (group.digits === 0) return next.digits > 0 && group.end - group.start === 1 && text.charCodeAt(group.start) === PLUS;
  if (next.digits === 0 || text.charCodeAt(next.start) === PLUS) return false;
  if (group.digits + next.digits > MAX_JOINED_DIGITS) return false;
  if (group.digits < MIN_STANDALONE_DIGITS) return true;
  // Both halves are long enough to be numbers on their own: two numbers.
  if (next.digits >= MIN_STANDALONE_DIGITS) return false;
  // A short tail: keep it when it completes a valid number, or when the number so far is not valid anyway.
  return isNumber(text.slice(group.start, next.end)) || !isNumber(text.slice(group.start, group.end));
}

function countDigits(text: string, start: number, end: number): number {
  let digits = 0;
  for (let i = start; i < end; i++) if (isDigit(text.charCodeAt(i))) digits++;
  return digits;
}
