// String literals for each target language. A text may hold quotes, backslashes, newlines, `$`,
// `{}`, `#` and emoji: each escaper yields a literal the language reads back as the same text.

/** Every code point of `text`, mapped by `escape` (undefined keeps it as it is). */
function mapCodePoints(text: string, escape: (ch: string, code: number) => string | undefined): string {
  let out = '';
  for (const ch of text) out += escape(ch, ch.codePointAt(0) as number) ?? ch;
  return out;
}

const hex = (code: number, width: number): string => code.toString(16).padStart(width, '0');
const isControl = (code: number): boolean => code < 0x20 || code === 0x7f || code === 0x2028 || code === 0x2029;
const COMMON: Readonly<Record<string, string>> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '"': '\\"', '\\': '\\\\' };

/** JavaScript (and JSON): a double-quoted literal. */
export function jsString(text: string): string {
  return JSON.stringify(text);
}

/** Python: a double-quoted str (never an f-string, so `{}` stays literal). */
export function pythonString(text: string): string {
  return `"${mapCodePoints(text, (ch, code) => COMMON[ch] ?? (isControl(code) ? `\\u${hex(code, 4)}` : undefined))}"`;
}

/** Ruby: a double-quoted string; `#` is escaped so `#{…}` never interpolates. */
export function rubyString(text: string): string {
  return `"${mapCodePoints(text, (ch, code) => COMMON[ch] ?? (ch === '#' ? '\\#' : isControl(code) ? `\\u{${hex(code, 1)}}` : undefined))}"`;
}

/** PHP: a double-quoted string; `$` is escaped so nothing interpolates. */
export function phpString(text: string): string {
  return `"${mapCodePoints(text, (ch, code) => COMMON[ch] ?? (ch === '$' ? '\\$' : isControl(code) ? `\\u{${hex(code, 1)}}` : undefined))}"`;
}

/**
 * Java: javac turns `\uXXXX` into characters before it reads literals, so a `\u000a` would end
 * the line: control characters are written as octal escapes instead.
 */
export function javaString(text: string): string {
  return `"${mapCodePoints(text, (ch, code) => COMMON[ch] ?? (code < 0x20 || code === 0x7f ? `\\${code.toString(8).padStart(3, '0')}` : undefined))}"`;
}

/** C#: a regular (not verbatim, not interpolated) string literal. */
export function csharpString(text: string): string {
  return `"${mapCodePoints(text, (ch, code) => COMMON[ch] ?? (isControl(code) ? `\\u${hex(code, 4)}` : undefined))}"`;
}

/** Go: an interpreted string literal. */
export function goString(text: string): string {
  return `"${mapCodePoints(text, (ch, code) => COMMON[ch] ?? (isControl(code) ? (code > 0xff ? `\\u${hex(code, 4)}` : `\\x${hex(code, 2)}`) : undefined))}"`;
}

/** POSIX shell: single quotes, where nothing is special but the quote itself. */
export function shellString(text: string): string {
  return `'${text.replace(/'/g, `'\\''`)}'`;
}

/**
 * JSON for a REST Client `.http` file, which reads `{{…}}` as a variable anywhere in the body:
 * braces inside strings are written as `\u007b` / `\u007d`, which JSON reads back the same.
 */
export function httpFileJson(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(/"(?:[^"\\]|\\.)*"/g, (literal) => literal.replace(/\{/g, '\\u007b').replace(/\}/g, '\\u007d'));
}
