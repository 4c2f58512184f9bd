import { CR, isDigit, isHardSeparator, isSoftSeparator, LF, PLUS } from './characters';
import { unicodeDigitValue } from './unicodeText';

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
const BOM = 0xfeff;
const QUOTE = 34;
const APOSTROPHE = 39;
const EQUALS = 61;
/** A word that announces an extension (`ext.`, `x`, `#`), alone or with its digits (`x12`). */
const EXTENSION_MARK = /^(?:ext(?:ension|n)?\.?:?|x|#)$/i;
const EXTENSION_WITH_DIGITS = /^(?:ext(?:ension|n)?\.?:?|x|#)\d{1,7}$/i;
const EXTENSION_DIGITS = /^\d{1,7}$/;

/**
 * Splits `text[range.start, range.end)` into destination tokens in one linear pass. `<`, line breaks,
 * `,`, `;` and tabs always separate (but `;ext=` continues a tel: URI). Spaces separate only *between*
 * numbers: pieces are joined while the number so far is too short to stand alone, and a short
 * trailing piece is joined when that makes a valid number (`isNumber`) or the number so far is not
 * valid anyway. Words next to each other are one entry (`not a number`), an extension stays with its
 * number (`+1 415 555 0152 ext. 12`), and a spreadsheet's `="…"` or leading `'` stays with its number.
 */
export function tokenizeList(text: string, range: TextRange, isNumber: (candidate: string) => boolean, emit: TokenSink): void {
  // Flat [start, end, start, end, …] of the pieces between two hard separators; reused.
  const pieces: number[] = [];
  let line = range.line;
  let lineStart = range.lineStart;
  let pieceStart = -1;
  const emitSpan = (start: number, end: number): void => {
    if (text.charCodeAt(start) !== EQUALS && (start === range.start || text.charCodeAt(start - 1) !== APOSTROPHE)) {
      emit(start, end - start, line, start - lineStart);
      return;
    }
    const span = withGuards(text, range, start, end);
    emit(span.start, span.end - span.start, line, span.start - lineStart);
  };
  const flush = (): void => {
    if (pieces.length === 2) emitSpan(pieces[0], pieces[1]);
    else if (pieces.length > 2) emitGroups(text, pieces, isNumber, emitSpan);
    pieces.length = 0;
  };
  for (let i = range.start; i < range.end; i++) {
    const code = text.charCodeAt(i);
    if (code === 59 /* ; */ && pieceStart >= 0 && startsWithExt(text, i + 1)) {
      continue;
    } else if (isHardSeparator(code)) {
      if (pieceStart >= 0) pieces.push(pieceStart, i);
      pieceStart = -1;
      if (pieces.length > 0) flush();
      if (code === CR && i + 1 < range.end && text.charCodeAt(i + 1) === LF) i++;
      if (code === CR || code === LF) {
        line++;
        lineStart = i + 1;
      }
    } else if (isSoftSeparator(code) || (code === BOM && i === 0)) {
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
    if (groupDigits >= MIN_STANDALONE_DIGITS && digits === 0 && EXTENSION_MARK.test(text.slice(start, end))
      && p + 2 < pieces.length && EXTENSION_DIGITS.test(text.slice(pieces[p + 2], pieces[p + 3]))) {
      // `ext. 12`: the mark and its digits stay with the number.
      groupEnd = pieces[p + 3];
      p += 2;
      continue;
    }
    if (groupDigits >= MIN_STANDALONE_DIGITS && digits > 0 && digits <= 7 && EXTENSION_WITH_DIGITS.test(text.slice(start, end))) {
      groupEnd = end;
      continue;
    }
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
  // Words run together into one entry; a lone `+` or `=` written before the digits (`+ 44 …`, `="+44…"`) joins them.
  if (group.digits === 0) {
    if (next.digits === 0) return true;
    const code = text.charCodeAt(group.start);
    return group.end - group.start === 1 && (code === PLUS || code === EQUALS);
  }
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
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (isDigit(code) || (code >= 0x80 && unicodeDigitValue(code) >= 0)) digits++;
  }
  return digits;
}

/** `ext=` after a `;`: the extension parameter of a tel: URI (`tel:+1-415-555-0152;ext=12`). */
function startsWithExt(text: string, at: number): boolean {
  return text.slice(at, at + 4).toLowerCase() === 'ext=';
}

/**
 * The token's span with a spreadsheet's text guard: the closing quote of `="…"`, and a lone leading
 * apostrophe (`'+4479…`, no closing one) that would otherwise be skipped as a quote.
 */
function withGuards(text: string, range: TextRange, start: number, end: number): { start: number; end: number } {
  if (text.charCodeAt(start) === EQUALS && text.charCodeAt(start + 1) === QUOTE && end < range.end && text.charCodeAt(end) === QUOTE) {
    return { start, end: end + 1 };
  }
  if (start > range.start && text.charCodeAt(start - 1) === APOSTROPHE && text.charCodeAt(end) !== APOSTROPHE) {
    const before = start - 2;
    const code = before < range.start ? -1 : text.charCodeAt(before);
    if (code < 0 || isHardSeparator(code) || code === 32 || code === 9) return { start: start - 1, end };
  }
  return { start, end };
}
