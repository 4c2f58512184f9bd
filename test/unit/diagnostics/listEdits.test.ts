import * as assert from 'node:assert/strict';
import { analyseDestinations, type AnalysedDestination } from '../../../src/core';
import { applyReplacements, needsNormalising, normaliseEdit, removalEdits } from '../../../src/diagnostics/listEdits';

type Pick = (entry: AnalysedDestination) => boolean;
const invalid: Pick = (entry) => entry.status === 'invalid';
const duplicate: Pick = (entry) => entry.status === 'duplicate';

function without(text: string, pick: Pick, region?: string): string {
  const analysis = analyseDestinations(text, region ? { defaultRegion: region } : {});
  return applyReplacements(text, removalEdits(text, analysis.entries, pick, analysis.format !== 'list'));
}

describe('edits that fix a number list', () => {
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
});
