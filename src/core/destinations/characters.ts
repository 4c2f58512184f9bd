// Character classes shared by the tokenizer and the token cleaner, as char-code tests (no regexes, so
// scanning a 10 MB paste stays one linear pass).

const CR = 13;
const LF = 10;

/** Characters that always end a destination: Plivo's `<`, line breaks, `,`, `;` and tab. */
export function isHardSeparator(code: number): boolean {
  return code === 60 /* < */ || code === LF || code === CR || code === 44 /* , */ || code === 59 /* ; */ || code === 9;
}

/**
 * Characters that separate pieces of text without ending a number by themselves: spaces (a number
 * may be written `+1 415 666 7777`), and quotes/brackets that wrap numbers copied from JSON or CSV.
 */
export function isSoftSeparator(code: number): boolean {
  if (code < 128) {
    return code === 32 || code === 34 /* " */ || code === 39 /* ' */ || code === 91 /* [ */ || code === 93 /* ] */
      || code === 11 || code === 12;
  }
  return code === 0xa0 || (code >= 0x2000 && code <= 0x200a) || code === 0x202f || code === 0x205f
    || code === 0x3000;
}

/** Punctuation people write inside one number: `-`, `.`, `(`, `)`, `/`, typographic dashes, full-width forms. */
export function isNumberPunctuation(code: number): boolean {
  return code === 45 || code === 46 || code === 40 || code === 41 || code === 47 || isWidePunctuation(code);
}

/** The non-ASCII number punctuation: Plivo strips only the ASCII forms. */
export function isWidePunctuation(code: number): boolean {
  return (code >= 0x2010 && code <= 0x2015) || code === 0x2212 || code === 0xff08 || code === 0xff09 || (code >= 0xff0d && code <= 0xff0f);
}

export function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

export const PLUS = 43;
export { CR, LF };
