import { CR, LF } from './characters';

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
