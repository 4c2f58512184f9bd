import * as assert from 'node:assert/strict';
import { analyseDestinations, type AnalysedDestination } from '../../../../src/core';
import {
  applyReplacements, countLines, needsNormalising, normaliseEdit, removalEdits, removeEntries, removeEntriesByStatus,
} from '../../../../src/core/destinations/listEdits';
import { analysisOf, entriesIn, type TokenSpec } from '../../composer/fixtures';

type Pick = (entry: AnalysedDestination) => boolean;
const invalid: Pick = (entry) => entry.status === 'invalid';
const duplicate: Pick = (entry) => entry.status === 'duplicate';

/** The text without the picked entries, through the edits (as the quick fixes apply them) and as one string (the composer). */
function without(text: string, pick: Pick, region?: string): string {
  const analysis = analyseDestinations(text, region ? { defaultRegion: region } : {});
  const edited = applyReplacements(text, removalEdits(text, analysis.entries, pick, analysis.format !== 'list'));
  assert.equal(removeEntries(text, analysis, pick), edited, 'the composer and the quick fixes agree');
  return edited;
}

describe('edits that fix a number list (composer and quick fixes alike)', () => {
  it('normalises every spelling to E.164 and leaves E.164 numbers untouched', () => {
    const text = '+1 (201) 555-0141\n2015550142\n+12015550143\n';
    const { entries } = analyseDestinations(text, { defaultRegion: 'US' });
    const edits = entries.filter(needsNormalising).map((entry) => normaliseEdit(entry));
    assert.equal(edits.length, 2);
    assert.equal(applyReplacements(text, edits), '+12015550141\n+12015550142\n+12015550143\n');
  });

  it('writes the other reading of an ambiguous number when asked', () => {
    const text = '2015550123';
    const [entry] = analyseDestinations(text, { defaultRegion: 'US' }).entries;
    assert.equal(applyReplacements(text, [normaliseEdit(entry, entry.plivoReading)]), '+2015550123');
  });

  it('removes whole lines, line breaks included, and keeps every other byte', () => {
    assert.equal(without('+12015550141\r\nbad\r\n  +12015550142  \r\n+1201\r\n', invalid), '+12015550141\r\n  +12015550142  \r\n');
    assert.equal(without('+12015550141\n+12015550142\n+12015550141', duplicate), '+12015550141\n+12015550142');
    assert.equal(without('+12015550141\n+12015550141\n+12015550141\n', duplicate), '+12015550141\n');
  });

  it('removes a number and one separator from a `<`-joined or comma-separated line', () => {
    assert.equal(without('+12015550141<bad<+12015550142', invalid), '+12015550141<+12015550142');
    assert.equal(without('bad<+12015550141<+12015550142', invalid), '+12015550141<+12015550142');
    assert.equal(without('+12015550141<+12015550142<bad<worse', invalid), '+12015550141<+12015550142');
    assert.equal(without('+12015550141, +12015550141, +12015550142', duplicate), '+12015550141, +12015550142');
    assert.equal(without('bad<worse', invalid), '');
  });

  it('removes a CSV row whole, its other columns with it', () => {
    const csv = 'name,phone\nAda,+12015550141\nAlan,n/a\nGrace,+12015550141\nEdsger,+12015550142\n';
    assert.equal(without(csv, invalid), 'name,phone\nAda,+12015550141\nGrace,+12015550141\nEdsger,+12015550142\n');
    assert.equal(without(csv, duplicate), 'name,phone\nAda,+12015550141\nAlan,n/a\nEdsger,+12015550142\n');
  });

  it('turns many removals into non-overlapping edits in document order', () => {
    const text = 'a<b<+12015550141\nc\n+12015550142\nd';
    const { entries } = analyseDestinations(text);
    const edits = removalEdits(text, entries, invalid, false);
    for (let i = 1; i < edits.length; i++) assert.ok(edits[i].start >= edits[i - 1].end, 'overlap');
    assert.equal(applyReplacements(text, edits), '+12015550141\n+12015550142');
  });

  it('removes every entry of a mixed line, words included, and the line with them (one rule for both callers)', () => {
    assert.equal(without('call 1234567 today\n+1201555', invalid), '');
    assert.equal(without('call 1234567 today\n+12015550141', invalid, 'US'), '+12015550141');
    // Only the number goes: the words stay, with one separator between them.
    assert.equal(without('call 1234567 today\n+12015550141', (entry) => entry.input === '1234567'), 'call today\n+12015550141');
  });

  it('keeps blank lines that hold no entry, and the text\'s own final line break or lack of one', () => {
    assert.equal(without('\ntoday\r\n+12015550141', invalid), '\n+12015550141');
    assert.equal(without('+12015550141\nbad', invalid), '+12015550141');
    assert.equal(without('+12015550141\nbad\n', invalid), '+12015550141\n');
  });

  it('normalising cleans a spreadsheet guard, invisible characters and an extension out of the file', () => {
    const text = '="+14155550123"\n+1 415\u200B555 0124\n+1-415-555-0152 ext. 12\n';
    const { entries } = analyseDestinations(text);
    assert.equal(applyReplacements(text, entries.filter(needsNormalising).map((entry) => normaliseEdit(entry))),
      '+14155550123\n+14155550124\n+14155550152\n');
  });

  it('counts lines with invalid entries, not entries: "not a number" is one, "bad, worse" one line', () => {
    const text = 'not a number\n+12015550141\nbad, worse\n+1201\nn/a\n';
    const { entries } = analyseDestinations(text);
    assert.equal(entries.filter(invalid).length, 5);
    assert.equal(countLines(entries, invalid), 4);
  });
});

const valid = (input: string): TokenSpec => ({ input, status: 'valid' });
const bad = (input: string): TokenSpec => ({ input, status: 'invalid' });
const repeat = (input: string): TokenSpec => ({ input, status: 'duplicate' });

function withoutSpecs(text: string, specs: TokenSpec[], status: 'invalid' | 'duplicate'): string {
  return removeEntriesByStatus(text, analysisOf(entriesIn(text, specs)), status);
}

describe('removing entries from the destinations text', () => {
  it('drops a whole line when its only entry goes, leaving the other lines byte for byte', () => {
    const text = '+1 (415) 555-0100\r\nhello\r\n  +44 20 7946 0958  \r\n';
    const result = withoutSpecs(text, [valid('+1 (415) 555-0100'), bad('hello'), valid('+44 20 7946 0958')], 'invalid');
    assert.equal(result, '+1 (415) 555-0100\r\n  +44 20 7946 0958  \r\n');
  });

  it('removes an entry and one separator from a comma-separated line', () => {
    const specs = [valid('+14155550100'), bad('12'), valid('+14155550101')];
    assert.equal(withoutSpecs('+14155550100, 12, +14155550101', specs, 'invalid'), '+14155550100, +14155550101');
  });

  it('handles the first and the last entry of a line', () => {
    assert.equal(withoutSpecs('x; +14155550100; +14155550101', [bad('x'), valid('+14155550100'), valid('+14155550101')], 'invalid'), '+14155550100; +14155550101');
    assert.equal(withoutSpecs('+14155550100; +14155550101; x', [valid('+14155550100'), valid('+14155550101'), bad('x')], 'invalid'), '+14155550100; +14155550101');
  });

  it('keeps a "<"-joined list joined', () => {
    const text = '14155550100<999<14155550101<14155550100';
    const specs = [valid('14155550100'), bad('999'), valid('14155550101'), repeat('14155550100')];
    assert.equal(withoutSpecs(text, specs, 'invalid'), '14155550100<14155550101<14155550100');
    assert.equal(withoutSpecs(text, specs, 'duplicate'), '14155550100<999<14155550101');
  });

  it('removes whole CSV rows, keeping the header and every other row exactly', () => {
    const text = 'name,phone\nAda,+14155550100\nBob,n/a\n"Lee, C",+14155550101\n';
    const specs = [valid('+14155550100'), bad('n/a'), valid('+14155550101')];
    const result = removeEntriesByStatus(text, analysisOf(entriesIn(text, specs), 'csv'), 'invalid');
    assert.equal(result, 'name,phone\nAda,+14155550100\n"Lee, C",+14155550101\n');
  });

  it('keeps lines that hold no entry (headings, notes, blank lines)', () => {
    const text = 'phone\n\n+14155550100\nabc\n\n+14155550101';
    const specs = [valid('+14155550100'), bad('abc'), valid('+14155550101')];
    assert.equal(withoutSpecs(text, specs, 'invalid'), 'phone\n\n+14155550100\n\n+14155550101');
  });

  it('returns the text unchanged when nothing matches', () => {
    const text = ' +14155550100 ,\t+14155550101 ';
    assert.equal(withoutSpecs(text, [valid('+14155550100'), valid('+14155550101')], 'invalid'), text);
  });

  it('can remove every entry, keeping only the lines without entries', () => {
    const text = 'numbers:\nabc, def\nghi\n';
    assert.equal(withoutSpecs(text, [bad('abc'), bad('def'), bad('ghi')], 'invalid'), 'numbers:\n');
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
    const analysis = analysisOf(entriesIn(text, specs));
    const started = performance.now();
    const noInvalid = removeEntriesByStatus(text, analysis, 'invalid');
    const elapsed = performance.now() - started;
    assert.equal(noInvalid.split('\n').length, 9_000);
    assert.ok(!noInvalid.includes('bad'));
    assert.ok(elapsed < 500, `took ${elapsed.toFixed(0)} ms`);
  });
});
