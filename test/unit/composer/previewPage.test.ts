import * as assert from 'node:assert/strict';
import { MAX_INPUT_SHOWN, MAX_PAGE_SIZE, PreviewPager } from '../../../src/composer/previewPage';
import { analysisOf, entriesIn, type TokenSpec } from './fixtures';

/** n lines: every 7th invalid, every 5th (not invalid) a repeat of line 1, every 11th valid one a fixed line. */
function bigPaste(n: number) {
  const specs: TokenSpec[] = [];
  const lines: string[] = [];
  for (let i = 0; i < n; i += 1) {
    let spec: TokenSpec;
    if (i % 7 === 6) spec = { input: `oops${i}`, status: 'invalid' };
    else if (i % 5 === 4) spec = { input: '+14155550000', status: 'duplicate' };
    else spec = { input: `+1415${String(5_000_000 + i + 1).padStart(7, '0')}`, status: 'valid', type: i % 11 === 0 ? 'FIXED_LINE' : 'MOBILE' };
    if (i === 0) spec = { input: '+14155550000', status: 'valid', type: 'MOBILE', ambiguous: true };
    specs.push(spec);
    lines.push(spec.input);
  }
  const text = lines.join('\n');
  return analysisOf(entriesIn(text, specs));
}

describe('preview paging', () => {
  const analysis = bigPaste(12_000);
  const pager = new PreviewPager(analysis);

  it('serves one page of a 12,000-entry paste without building the other rows', () => {
    const started = performance.now();
    const page = pager.page('all', 5_000, 100);
    const elapsed = performance.now() - started;
    assert.equal(page.total, 12_000);
    assert.equal(page.rows.length, 100);
    assert.equal(page.rows[0].index, 5_000);
    assert.ok(elapsed < 100, `took ${elapsed.toFixed(0)} ms`);
  });

  it('counts and pages each filter over its own entries only', () => {
    const invalid = pager.page('invalid', 0, 100);
    assert.equal(invalid.total, analysis.counts.invalid);
    assert.ok(invalid.rows.every((row) => row.status === 'invalid'));
    const duplicates = pager.page('duplicate', 100, 100);
    assert.equal(duplicates.total, analysis.counts.duplicate);
    assert.ok(duplicates.rows.every((row) => row.status === 'duplicate'));
    assert.equal(pager.count('valid'), analysis.counts.valid);
  });

  it('the warnings filter holds ambiguous entries and those with a warning', () => {
    const entries = entriesIn('+14155550000\n+442079460958\n+14155550001', [
      { input: '+14155550000', status: 'valid', ambiguous: true },
      { input: '+442079460958', status: 'valid', type: 'FIXED_LINE', warning: 'Fixed line: may not receive SMS.' },
      { input: '+14155550001', status: 'valid' },
    ]);
    const page = new PreviewPager(analysisOf(entries)).page('warning', 0, 10);
    assert.deepEqual(page.rows.map((row) => row.input), ['+14155550000', '+442079460958']);
    assert.equal(page.rows[0].ambiguous, true);
    assert.equal(page.rows[1].fixedLine, true);
    assert.equal(page.rows[1].type, 'fixed line');
  });

  it('shows positions 1-based, as editors do, and keeps the offset to select the entry', () => {
    const text = 'a\n  +14155550100, +14155550100';
    const entries = entriesIn(text, [{ input: 'a', status: 'invalid' }, { input: '+14155550100', status: 'valid' }, { input: '+14155550100', status: 'duplicate' }]);
    const rows = new PreviewPager(analysisOf(entries)).page('all', 0, 10).rows;
    assert.deepEqual(rows.map((row) => [row.line, row.column]), [[1, 1], [2, 3], [2, 17]]);
    assert.equal(text.slice(rows[2].offset, rows[2].offset + rows[2].length), '+14155550100');
    assert.equal(rows[2].firstLine, 2);
    assert.equal(rows[0].reason, 'not a phone number');
  });

  it('clamps an offset past the end to the last page and caps the page size', () => {
    const last = pager.page('all', 1_000_000, 100);
    assert.equal(last.offset, 11_900);
    assert.equal(last.rows.length, 100);
    assert.equal(pager.page('all', -5, 100).offset, 0);
    assert.equal(pager.page('all', 0, 1_000_000).rows.length, MAX_PAGE_SIZE);
  });

  it('answers an empty filter with no rows at offset 0', () => {
    const page = new PreviewPager(analysisOf(entriesIn('+14155550100', [{ input: '+14155550100', status: 'valid' }]))).page('invalid', 300, 100);
    assert.deepEqual(page, { offset: 0, total: 0, rows: [] });
  });

  it('shortens a very long input so a pasted paragraph cannot flood the webview', () => {
    const long = 'x'.repeat(5_000);
    const rows = new PreviewPager(analysisOf(entriesIn(long, [{ input: long, status: 'invalid' }]))).page('all', 0, 10).rows;
    assert.equal(rows[0].input.length, MAX_INPUT_SHOWN);
    assert.ok(rows[0].input.endsWith('…'));
    assert.equal(rows[0].length, 5_000);
  });
});
