import { CR, LF } from './characters';

/**
 * Turns increasing UTF-8 byte offsets (what csv-parse reports) into UTF-16 offsets of the string,
 * walking forward only, so mapping every cell of a file is one pass over it.
 */
export class ByteToCharOffsets {
  private char = 0;
  private byte = 0;
  private readonly ascii: boolean;

  constructor(private readonly text: string) {
    // Pure ASCII (the usual number list) maps 1:1 and needs no walk at all.
    this.ascii = !/[^\x00-\x7f]/.test(text);
  }

  /** The string offset of byte offset `target`; targets must not decrease between calls. */
  charOffset(target: number): number {
    if (this.ascii) return target;
    const text = this.text;
    while (this.byte < target && this.char < text.length) {
      const code = text.charCodeAt(this.char);
      if (code < 0x80) this.byte += 1;
      else if (code < 0x800) this.byte += 2;
      else if (code >= 0xd800 && code <= 0xdbff && isLowSurrogate(text.charCodeAt(this.char + 1))) {
        this.byte += 4;
        this.char++;
      } else this.byte += 3; // BMP, or a lone surrogate (encoded as U+FFFD)
      this.char++;
    }
    return this.char;
  }
}

function isLowSurrogate(code: number): boolean {
  return code >= 0xdc00 && code <= 0xdfff;
}

/** 0-based line and line-start offset of increasing offsets; `\n`, `\r\n` and `\r` end lines. */
export class LineCounter {
  private offset = 0;
  private line = 0;
  private lineStart = 0;

  constructor(private readonly text: string) {}

  /** Line number and line-start offset for `target`; targets must not decrease between calls. */
  at(target: number): { line: number; lineStart: number } {
    const text = this.text;
    for (; this.offset < target; this.offset++) {
      const code = text.charCodeAt(this.offset);
      if (code === LF || (code === CR && text.charCodeAt(this.offset + 1) !== LF)) {
        this.line++;
        this.lineStart = this.offset + 1;
      }
    }
    return { line: this.line, lineStart: this.lineStart };
  }
}
