import * as assert from 'node:assert/strict';
import { addCounts, summaryText } from '../../../src/diagnostics/summaryText';

const counts = (valid: number, invalid: number, duplicate: number) => ({ total: valid + invalid + duplicate, valid, invalid, duplicate, ambiguous: 0, fixedLine: 0 });

describe('the list summary shown in the CodeLens', () => {
  it('reads "N valid · M invalid · K duplicates", with thousands separators and a singular', () => {
    assert.equal(summaryText(counts(93_318, 6682, 2)), '93,318 valid · 6,682 invalid · 2 duplicates');
    assert.equal(summaryText(counts(1, 0, 1)), '1 valid · 0 invalid · 1 duplicate');
  });

  it('adds up several lists of one file', () => {
    assert.deepEqual(addCounts([counts(2, 1, 0), counts(3, 0, 4)]), counts(5, 1, 4));
  });
});
