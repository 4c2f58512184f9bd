import * as assert from 'node:assert/strict';
import { analyseDestinations } from '../../../../src/core/destinations/analyse';
import type { AnalysedDestination } from '../../../../src/core/destinations/types';

/** Checks that every position points at exactly its token in the original text. */
function assertPositionsMatch(text: string, entries: AnalysedDestination[]): void {
  const lines = text.split(/\r\n|\n|\r/);
  for (const { input, position } of entries) {
    assert.equal(text.slice(position.offset, position.offset + position.length), input, `offset of ${input}`);
    assert.equal(lines[position.line].slice(position.column, position.column + position.length), input, `line/column of ${input}`);
  }
}

describe('destinations: source positions', () => {
  it('gives 0-based line, column, offset and length in a plain list', () => {
    const text = '+14155550100\n  +447400123456, +1 415 666 7777\n';
    const { entries } = analyseDestinations(text);
    assert.deepEqual(entries.map((e) => e.position), [
      { offset: 0, line: 0, column: 0, length: 12 },
      { offset: 15, line: 1, column: 2, length: 13 },
      { offset: 30, line: 1, column: 17, length: 15 },
    ]);
    assertPositionsMatch(text, entries);
  });

  it('counts \\r\\n and a lone \\r as one line break each', () => {
    const text = '+14155550100\r\n+14155550101\r+14155550102\n\r\n+14155550103';
    const { entries } = analyseDestinations(text);
    assert.deepEqual(entries.map((e) => [e.position.line, e.position.column]), [[0, 0], [1, 0], [2, 0], [4, 0]]);
    assertPositionsMatch(text, entries);
  });

  it('counts UTF-16 code units, so an emoji before a number moves it by two', () => {
    const text = '😀 +14155550100';
    const [word, number] = analyseDestinations(text).entries;
    assert.equal(word.input, '😀');
    assert.equal(number.position.column, 3);
  });

  it('points into quoted CSV cells, after multi-byte text and a multi-line cell', () => {
    const text = 'name,phone,notes\r\n'
      + '"Zoë, Ørsted","+1 415 555 0100",x\r\n'
      + '"Line\nbreak 😀",  4155550101 ,y\r\n'
      + '€uro,"(415) 555-0102"';
    const analysis = analyseDestinations(text, { defaultRegion: 'US' });
    assert.equal(analysis.format, 'csv');
    assert.deepEqual(analysis.entries.map((e) => e.input), ['+1 415 555 0100', '4155550101', '(415) 555-0102']);
    assert.deepEqual(analysis.entries.map((e) => [e.position.line, e.position.column]), [[1, 15], [3, 12], [4, 6]]);
    assertPositionsMatch(text, analysis.entries);
  });

  it('points past cells with escaped quotes, empty lines and CRLF/LF mixes', () => {
    const text = 'name,phone\r\n\r\n"Ann ""The Boss"" Lee",+14155550100\n\n"",  "+447400123456"\r\nx,y,z\r\n,+33612345678';
    const analysis = analyseDestinations(text);
    assert.deepEqual(analysis.entries.map((e) => e.input), ['+14155550100', '+447400123456', 'y', '+33612345678']);
    assert.deepEqual(analysis.entries.map((e) => e.position.line), [2, 4, 5, 6]);
    assertPositionsMatch(text, analysis.entries);
  });

  it('points into TSV cells', () => {
    const text = 'id\tmobile\n1\t+447400123456\n2\t+14155550100\n';
    const analysis = analyseDestinations(text);
    assert.equal(analysis.format, 'tsv');
    assert.deepEqual(analysis.entries.map((e) => [e.position.line, e.position.column]), [[1, 2], [2, 2]]);
    assertPositionsMatch(text, analysis.entries);
  });
});
