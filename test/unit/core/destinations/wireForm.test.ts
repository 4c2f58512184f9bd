import * as assert from 'node:assert/strict';
import { analyseDestinations } from '../../../../src/core/destinations/analyse';
import { readPlivoDst } from '../../../../src/core/destinations/plivoDst';
import { toBatches, toDstParam } from '../../../../src/core/destinations/wireForm';
import { MAX_DESTINATIONS } from '../../../../src/core/request';

/** n distinct valid US numbers in E.164. */
function usNumbers(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `+1415${String(2000000 + i).padStart(7, '0')}`);
}

describe('destinations: the dst wire form and batching', () => {
  it('joins numbers with < and without the +', () => {
    assert.equal(toDstParam(['+14155550100', '+447400123456']), '14155550100<447400123456');
  });

  it('drops repeated numbers, keeping the first', () => {
    assert.equal(toDstParam(['+14155550100', '+447400123456', '+14155550100']), '14155550100<447400123456');
  });

  it('produces what Plivo reads back as the same numbers', () => {
    const { unique } = analyseDestinations('(415) 666-7777\n07400 123456', { defaultRegion: 'GB' });
    const readBack = toDstParam(unique).split('<').map(readPlivoDst);
    assert.deepEqual(readBack.map((reading) => (reading.ok ? reading.e164 : reading.reason)), unique);
  });

  it('keeps 1,000 numbers in one batch and splits 2,500 into 1,000 + 1,000 + 500 in order', () => {
    assert.equal(MAX_DESTINATIONS, 1000);
    assert.equal(toBatches(usNumbers(1000)).length, 1);
    const numbers = usNumbers(2500);
    const batches = toBatches(numbers);
    assert.deepEqual(batches.map((batch) => batch.length), [1000, 1000, 500]);
    assert.deepEqual(batches.flat(), numbers);
  });

  it('counts the 1,000 limit on unique numbers', () => {
    const numbers = usNumbers(1000);
    assert.equal(toBatches([...numbers, ...numbers.slice(0, 10)]).length, 1);
  });

  it('returns no batch for no numbers and refuses a nonsense batch size', () => {
    assert.deepEqual(toBatches([]), []);
    assert.throws(() => toBatches(['+14155550100'], 0), RangeError);
  });
});
