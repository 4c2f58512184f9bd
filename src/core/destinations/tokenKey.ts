import { isDigit, isNumberPunctuation, isSoftSeparator, PLUS } from './characters';

const NOT_A_NUMBER = 'not a phone number';

/**
 * Strips the punctuation people write inside numbers, keeping a leading `+`: `+digits` or `digits`,
 * or undefined when the token cannot be a number (then `notANumberReason` says why). The result is
 * the cache key for readings, so `+1 (415) 666-7777` and `+14156667777` share one parse.
 */
export function tokenKey(raw: string): string | undefined {
  const length = raw.length;
  let start = 0;
  if (length > 0 && raw.charCodeAt(0) === PLUS) start = 1;
  let plain = start < length;
  for (let i = start; i < length && plain; i++) plain = isDigit(raw.charCodeAt(i));
  // Fast path: most pasted numbers are already bare `+digits` or `digits`.
  if (plain) return raw;
  return slowKey(raw);
}

function slowKey(raw: string): string | undefined {
  let key = '';
  for (let i = 0; i < raw.length; i++) {
    const code = raw.charCodeAt(i);
    if (isDigit(code)) key += raw[i];
    else if (code === PLUS && key.length === 0) key = '+';
    else if (!isNumberPunctuation(code) && !isSoftSeparator(code)) return undefined;
  }
  return key.length > 0 && key !== '+' ? key : undefined;
}

/** Why `tokenKey(raw)` is undefined: a word with no digit, a misplaced `+`, or the character at fault. */
export function notANumberReason(raw: string): string {
  if (!/\d/.test(raw)) return NOT_A_NUMBER;
  let started = false;
  for (let i = 0; i < raw.length; i++) {
    const code = raw.charCodeAt(i);
    if (isDigit(code)) started = true;
    else if (code === PLUS) {
      if (started) return `${NOT_A_NUMBER}: "+" is allowed only at the start`;
      started = true;
    } else if (!isNumberPunctuation(code) && !isSoftSeparator(code)) {
      return `${NOT_A_NUMBER}: unexpected "${String.fromCodePoint(raw.codePointAt(i) ?? code)}"`;
    }
  }
  return NOT_A_NUMBER;
}
