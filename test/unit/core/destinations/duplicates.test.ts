import * as assert from 'node:assert/strict';
import { analyseDestinations } from '../../../../src/core/destinations/analyse';

describe('destinations: duplicates, order and counts', () => {
  it('+1 (415) 666-7777 and 14156667777 are the same number: the second is a duplicate of the first', () => {
    const analysis = analyseDestinations('+1 (415) 666-7777\n14156667777');
    assert.deepEqual(analysis.entries.map((e) => e.status), ['valid', 'duplicate']);
    assert.equal(analysis.entries[1].duplicateOf, 0);
    assert.equal(analysis.entries[1].e164, '+14156667777');
    assert.deepEqual(analysis.unique, ['+14156667777']);
  });

  it('a national spelling duplicates an international one under a region', () => {
    const analysis = analyseDestinations('(415) 666-7777, +14156667777, 415.666.7777', { defaultRegion: 'US' });
    assert.deepEqual(analysis.entries.map((e) => [e.status, e.duplicateOf]), [['valid', undefined], ['duplicate', 0], ['duplicate', 0]]);
  });

  it('keeps the first occurrence and the input order', () => {
    const analysis = analyseDestinations('+447400123456\n+14155550100\n+447400123456\nabc\n+14155550100\n+33612345678');
    assert.deepEqual(analysis.entries.map((e) => e.index), [0, 1, 2, 3, 4, 5]);
    assert.deepEqual(analysis.entries.map((e) => e.status), ['valid', 'valid', 'duplicate', 'invalid', 'duplicate', 'valid']);
    assert.deepEqual(analysis.entries.map((e) => e.duplicateOf), [undefined, undefined, 0, undefined, 1, undefined]);
    assert.deepEqual(analysis.unique, ['+447400123456', '+14155550100', '+33612345678']);
  });

  it('does not call repeated invalid tokens duplicates', () => {
    const analysis = analyseDestinations('abc, abc');
    assert.deepEqual(analysis.entries.map((e) => e.status), ['invalid', 'invalid']);
  });

  it('counts every class', () => {
    const analysis = analyseDestinations(
      '2015550100\n+442079460958\n+442079460958\n12\n4155550100\n(415) 555-0100',
      { defaultRegion: 'US' },
    );
    assert.deepEqual(analysis.counts, { total: 6, valid: 3, invalid: 1, duplicate: 2, ambiguous: 1, fixedLine: 1 });
  });

  it('returns an empty analysis for text without tokens', () => {
    const analysis = analyseDestinations(' \n\n ,;< \t');
    assert.equal(analysis.entries.length, 0);
    assert.deepEqual(analysis.unique, []);
    assert.equal(analysis.counts.total, 0);
  });
});
