// Characters from other scripts and invisible ones, read the way a person means them: any Unicode
// decimal digit as its ASCII digit, the full-width plus as `+`, invisible format characters dropped.
// Only the slow path of the token cleaner calls these (ASCII tokens never get here).

/** Invisible format characters people paste inside numbers, with the name a reason may use. */
const INVISIBLE: ReadonlyMap<number, string> = new Map([
  [0x00ad, 'soft hyphen'],
  [0x061c, 'Arabic letter mark'],
  [0x180e, 'Mongolian vowel separator'],
  [0x200b, 'zero-width space'],
  [0x200c, 'zero-width non-joiner'],
  [0x200d, 'zero-width joiner'],
  [0x200e, 'left-to-right mark'],
  [0x200f, 'right-to-left mark'],
  [0x202a, 'left-to-right embedding'],
  [0x202b, 'right-to-left embedding'],
  [0x202c, 'pop directional formatting'],
  [0x202d, 'left-to-right override'],
  [0x202e, 'right-to-left override'],
  [0x2060, 'word joiner'],
  [0x2066, 'left-to-right isolate'],
  [0x2067, 'right-to-left isolate'],
  [0x2068, 'first strong isolate'],
  [0x2069, 'pop directional isolate'],
  [0xfeff, 'byte order mark'],
]);

export const FULL_WIDTH_PLUS = 0xff0b;

/** True for an invisible format character that is dropped from numbers. */
export function isInvisible(code: number): boolean {
  return code >= 0xad && INVISIBLE.has(code);
}

/** `zero-width space (U+200B)`: how a reason names a character it must not quote. */
export function characterName(code: number): string {
  const name = INVISIBLE.get(code) ?? (code < 0x20 || (code >= 0x7f && code < 0xa0) ? 'control character' : 'invisible character');
  return `${name} (${codePointLabel(code)})`;
}

export function codePointLabel(code: number): string {
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** True when the character would print as nothing or as blank space: never quote it in a reason. */
export function isUnprintable(char: string): boolean {
  return /^[\p{C}\p{Z}]$/u.test(char);
}

const DECIMAL_DIGIT = /^\p{Nd}$/u;
const digitValues = new Map<number, number>();

/**
 * The value 0–9 of a non-ASCII decimal digit (`٣` → 3), or -1. Unicode allots decimal digits in
 * runs of ten from 0 to 9, so the value is the distance to the run's start modulo 10.
 */
export function unicodeDigitValue(code: number): number {
  if (code < 0x80) return -1;
  let value = digitValues.get(code);
  if (value !== undefined) return value;
  value = -1;
  if (DECIMAL_DIGIT.test(String.fromCodePoint(code))) {
    let start = code;
    while (DECIMAL_DIGIT.test(String.fromCodePoint(start - 1))) start--;
    value = (code - start) % 10;
  }
  digitValues.set(code, value);
  return value;
}

/** Scripts whose digits turn up in pasted numbers, by the code point of their zero. */
const DIGIT_SCRIPTS: ReadonlyMap<number, string> = new Map([
  [0x0660, 'Arabic-Indic'],
  [0x06f0, 'Persian'],
  [0x0966, 'Devanagari'],
  [0x09e6, 'Bengali'],
  [0x0e50, 'Thai'],
  [0x1040, 'Myanmar'],
  [0xff10, 'full-width'],
]);

/** `Arabic-Indic digits`, or `digits U+0AE6…` for a script without a common name here. */
export function digitScriptName(code: number): string {
  const zero = code - unicodeDigitValue(code);
  const name = DIGIT_SCRIPTS.get(zero);
  return name === undefined ? `non-ASCII digits (${codePointLabel(zero)}–${codePointLabel(zero + 9)})` : `${name} digits`;
}
