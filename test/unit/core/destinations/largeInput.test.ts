import * as assert from 'node:assert/strict';
import { analyseDestinations } from '../../../../src/core/destinations/analyse';

// Inputs shaped to expose anything worse than linear (backtracking, re-scanning, quadratic joins).
// Each finishes in well under a second when linear; the generous limit only catches a blow-up.
const LIMIT_MS = 10_000;

function timed<T>(work: () => T): { result: T; ms: number } {
  const start = performance.now();
  const result = work();
  return { result, ms: performance.now() - start };
}

describe('destinations: large and hostile inputs stay linear', function () {
  this.timeout(4 * LIMIT_MS);

  it('analyses 150,000 lines of repeated numbers, keeping every entry in order', () => {
    const numbers = ['+14155550100', '+447400123456', '4155550101', '+33612345678', 'oops'];
    const text = Array.from({ length: 150_000 }, (_, i) => numbers[i % numbers.length]).join('\n');
    const { result, ms } = timed(() => analyseDestinations(text, { defaultRegion: 'US' }));
    assert.ok(ms < LIMIT_MS, `took ${ms} ms`);
    assert.equal(result.counts.total, 150_000);
    assert.deepEqual(result.unique, ['+14155550100', '+447400123456', '+14155550101', '+33612345678']);
    assert.equal(result.counts.invalid, 30_000);
    assert.equal(result.entries[149_999].position.line, 149_999);
  });

  it('handles one line of 500,000 space-separated digits', () => {
    const text = '1 '.repeat(500_000);
    const { result, ms } = timed(() => analyseDestinations(text));
    assert.ok(ms < LIMIT_MS, `took ${ms} ms`);
    assert.ok(result.counts.total > 0);
    assert.equal(result.counts.valid, 0);
  });

  it('handles a single 5 MB token of digits as one "too long" entry', () => {
    const text = '9'.repeat(5_000_000);
    const { result, ms } = timed(() => analyseDestinations(text));
    assert.ok(ms < LIMIT_MS, `took ${ms} ms`);
    assert.equal(result.entries.length, 1);
    assert.equal(result.entries[0].reason, 'too long');
  });

  it('handles a 2 MB first line full of commas without treating it as a header', () => {
    const text = `name${','.repeat(2_000_000)}\n+14155550100`;
    const { result, ms } = timed(() => analyseDestinations(text));
    assert.ok(ms < LIMIT_MS, `took ${ms} ms`);
    assert.equal(result.format, 'list');
    assert.deepEqual(result.unique, ['+14155550100']);
  });

  it('reads a 100,000-row CSV', () => {
    const rows = Array.from({ length: 100_000 }, (_, i) => `"Person ${i}",+1415${String(2000000 + (i % 500)).padStart(7, '0')}`);
    const text = `name,phone\n${rows.join('\n')}`;
    const { result, ms } = timed(() => analyseDestinations(text));
    assert.ok(ms < LIMIT_MS, `took ${ms} ms`);
    assert.equal(result.format, 'csv');
    assert.equal(result.counts.total, 100_000);
    assert.equal(result.unique.length + result.counts.invalid + result.counts.duplicate, 100_000);
    assert.equal(result.entries[99_999].position.line, 100_000);
  });
});
