import * as assert from 'node:assert/strict';
import { removeEntries, removeEntriesByStatus } from '../../../src/composer/removeEntries';
import { analysisOf, entriesIn, type TokenSpec } from './fixtures';

const valid = (input: string): TokenSpec => ({ input, status: 'valid' });
const invalid = (input: string): TokenSpec => ({ input, status: 'invalid' });
const duplicate = (input: string): TokenSpec => ({ input, status: 'duplicate' });

function without(text: string, specs: TokenSpec[], status: 'invalid' | 'duplicate'): string {
  return removeEntriesByStatus(text, analysisOf(entriesIn(text, specs)), status);
}

describe('removing entries from the destinations text', () => {
  it('drops a whole line when its only entry goes, leaving the other lines byte for byte', () => {
    const text = '+1 (415) 555-0100\r\nhello\r\n  +44 20 7946 0958  \r\n';
    const result = without(text, [valid('+1 (415) 555-0100'), invalid('hello'), valid('+44 20 7946 0958')], 'invalid');
    assert.equal(result, '+1 (415) 555-0100\r\n  +44 20 7946 0958  \r\n');
  });

  it('removes an entry and one separator from a comma-separated line', () => {
    const specs = [valid('+14155550100'), invalid('12'), valid('+14155550101')];
    assert.equal(without('+14155550100, 12, +14155550101', specs, 'invalid'), '+14155550100, +14155550101');
  });

  it('handles the first and the last entry of a line', () => {
    assert.equal(without('x; +14155550100; +14155550101', [invalid('x'), valid('+14155550100'), valid('+14155550101')], 'invalid'), '+14155550100; +14155550101');
    assert.equal(without('+14155550100; +14155550101; x', [valid('+14155550100'), valid('+14155550101'), invalid('x')], 'invalid'), '+14155550100; +14155550101');
  });

  it('keeps a "<"-joined list joined', () => {
    const text = '14155550100<999<14155550101<14155550100';
    const specs = [valid('14155550100'), invalid('999'), valid('14155550101'), duplicate('14155550100')];
    assert.equal(without(text, specs, 'invalid'), '14155550100<14155550101<14155550100');
    assert.equal(without(text, specs, 'duplicate'), '14155550100<999<14155550101');
  });

  it('keeps the first occurrence and removes later duplicates', () => {
    const text = '+14155550100\n+14155550101\n+14155550100\n+14155550100\n';
    const specs = [valid('+14155550100'), valid('+14155550101'), duplicate('+14155550100'), duplicate('+14155550100')];
    assert.equal(without(text, specs, 'duplicate'), '+14155550100\n+14155550101\n');
  });

  it('removes whole CSV rows, keeping the header and every other row exactly', () => {
    const text = 'name,phone\nAda,+14155550100\nBob,n/a\n"Lee, C",+14155550101\n';
    const specs = [valid('+14155550100'), invalid('n/a'), valid('+14155550101')];
    const result = removeEntriesByStatus(text, analysisOf(entriesIn(text, specs), 'csv'), 'invalid');
    assert.equal(result, 'name,phone\nAda,+14155550100\n"Lee, C",+14155550101\n');
  });

  it('keeps lines that hold no entry (headings, notes, blank lines)', () => {
    const text = 'phone\n\n+14155550100\nabc\n\n+14155550101';
    const specs = [valid('+14155550100'), invalid('abc'), valid('+14155550101')];
    assert.equal(without(text, specs, 'invalid'), 'phone\n\n+14155550100\n\n+14155550101');
  });

  it('does not add or leave a final line ending the text did not have', () => {
    const specs = [valid('+14155550100'), invalid('abc')];
    assert.equal(without('+14155550100\nabc', specs, 'invalid'), '+14155550100');
    assert.equal(without('+14155550100\nabc\n', specs, 'invalid'), '+14155550100\n');
  });

  it('returns the text unchanged when nothing matches', () => {
    const text = ' +14155550100 ,\t+14155550101 ';
    assert.equal(without(text, [valid('+14155550100'), valid('+14155550101')], 'invalid'), text);
  });

  it('can remove every entry, keeping only the lines without entries', () => {
    const text = 'numbers:\nabc, def\nghi\n';
    assert.equal(without(text, [invalid('abc'), invalid('def'), invalid('ghi')], 'invalid'), 'numbers:\n');
  });

  it('removes the invalid entries of a 10,000-line paste in well under a second', () => {
    const specs: TokenSpec[] = [];
    const lines: string[] = [];
    for (let i = 0; i < 10_000; i += 1) {
      const input = i % 10 === 3 ? `bad${i}` : `+1415555${String(i % 5000).padStart(4, '0')}`;
      lines.push(input);
      specs.push({ input, status: i % 10 === 3 ? 'invalid' : i >= 5000 ? 'duplicate' : 'valid' });
    }
    const text = lines.join('\n');
    const entries = entriesIn(text, specs);
    const started = performance.now();
    const noInvalid = removeEntries(text, entries, (entry) => entry.status === 'invalid');
    const elapsed = performance.now() - started;
    assert.equal(noInvalid.split('\n').length, 9_000);
    assert.ok(!noInvalid.includes('bad'));
    assert.ok(elapsed < 500, `took ${elapsed.toFixed(0)} ms`);
  });
});
