import { looksLikeNumber } from './numberShapes';

/** Where a `<`-joined list sits in a source file: the string's content, without its quotes. */
export interface JoinedString {
  offset: number;
  length: number;
}

/** A quoted string on one line that contains a `<`. */
const QUOTED = /(["'`])([^"'`\r\n]*<[^"'`\r\n]*)\1/g;
/** An unquoted value that starts like a number (YAML plain scalar, `.env`/properties value). */
const PLAIN_VALUE = /(?:^|[:=][ \t]*|-[ \t]+)([+\d(][^\r\n#"'`]*<[^\r\n#"'`]*)/gm;

/**
 * Finds strings that hold phone numbers joined by `<` (Plivo's `dst` form) in code, JSON or YAML:
 * quoted strings always, unquoted values when `plainValues` (YAML, `.env`). A string counts when at
 * least two of its `<`-separated parts look like numbers and they are at least half of the parts, so
 * markup such as `"<b>1</b>"` and comparisons are left alone.
 */
export function findJoinedStrings(text: string, plainValues: boolean): JoinedString[] {
  if (!text.includes('<')) return [];
  const found: JoinedString[] = [];
  for (const match of text.matchAll(QUOTED)) add(found, match.index + 1, match[2]);
  if (plainValues) {
    for (const match of text.matchAll(PLAIN_VALUE)) {
      const value = match[1].trimEnd();
      add(found, match.index + match[0].length - match[1].length, value);
    }
    found.sort((a, b) => a.offset - b.offset);
  }
  return found;
}

function add(found: JoinedString[], offset: number, content: string): void {
  const parts = content.split('<').filter((part) => part.trim() !== '');
  const numbers = parts.filter(looksLikeNumber).length;
  if (numbers >= 2 && numbers * 2 >= parts.length) found.push({ offset, length: content.length });
}
