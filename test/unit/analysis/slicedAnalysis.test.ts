import * as assert from 'node:assert/strict';
import { analyseDestinations, type DestinationAnalysis } from '../../../src/core';
import { analyseSliced, nextCut } from '../../../src/analysis/slicedAnalysis';
import { TimeSlicer } from '../../../src/analysis/timeSlicer';

/** A list long enough to be cut into many pieces, with repeats far apart and a few bad lines. */
function longList(lines: number, eol = '\n'): string {
  const out: string[] = [];
  for (let i = 0; i < lines; i++) {
    if (i % 97 === 13) out.push('not a number');
    else if (i % 101 === 50) out.push(out[i % 17]); // repeat of an early line: a duplicate across pieces
    else if (i % 53 === 7) out.push(`(201) 555-${String(100 + (i % 100)).padStart(4, '0')}`);
    else out.push(`+1201555${String(i % 10_000).padStart(4, '0')}`);
  }
  return out.join(eol);
}

/** A slicer that yields after every piece and counts how often it did. */
function tinySlicer(): TimeSlicer {
  return new TimeSlicer({ budgetMs: 0 });
}

async function sliced(text: string, region?: string): Promise<{ analysis: DestinationAnalysis; slices: number }> {
  const slicer = tinySlicer();
  const analysis = await analyseSliced(text, region === undefined ? {} : { defaultRegion: region }, slicer);
  assert.ok(analysis, 'not cancelled');
  slicer.finish();
  return { analysis, slices: slicer.slices };
}

function assertSame(actual: DestinationAnalysis, expected: DestinationAnalysis): void {
  assert.deepEqual(actual.counts, expected.counts);
  assert.deepEqual(actual.unique, expected.unique);
  assert.equal(actual.format, expected.format);
  assert.equal(actual.column, expected.column);
  assert.equal(actual.headerless, expected.headerless);
  assert.equal(actual.entries.length, expected.entries.length);
  // Whole entries, positions included: compared one by one so a failure names the first difference.
  for (let i = 0; i < expected.entries.length; i++) assert.deepEqual(actual.entries[i], expected.entries[i], `entry ${i}`);
}

describe('analysing a large text in slices', function () {
  this.timeout(30_000);

  it('gives exactly the whole-text analysis of a 20,000-line list, cut into many pieces', async () => {
    const text = longList(20_000);
    const { analysis, slices } = await sliced(text, 'US');
    assert.ok(slices > 10, `only ${slices} slices`);
    assertSame(analysis, analyseDestinations(text, { defaultRegion: 'US' }));
    assert.ok(analysis.counts.duplicate > 100 && analysis.counts.invalid > 100);
  });

  it('gives the whole-text analysis of a header-less CSV, the first row read once', async () => {
    const rows = Array.from({ length: 6000 }, (_, i) => `Person ${i},+1201555${String(i % 4000).padStart(4, '0')},2024-01-${String(1 + (i % 28)).padStart(2, '0')}`);
    const text = rows.join('\n');
    const { analysis, slices } = await sliced(text, 'US');
    assert.ok(slices > 3, `only ${slices} slices`);
    const whole = analyseDestinations(text, { defaultRegion: 'US' });
    assert.deepEqual([whole.format, whole.column, whole.counts.total, whole.counts.duplicate], ['csv', 'column 2', 6000, 2000]);
    assertSame(analysis, whole);
  });

  it('keeps notes, extensions and Plivo\'s reading of dirty entries across pieces', async () => {
    const dirty = ['+1 201\u200B555 0001', '+1-201-555-0002 ext. 12', '="+12015550003"', '2015550004', '+52 1 55 1234 5678'];
    const text = Array.from({ length: 8000 }, (_, i) => (i % 10 === 0 ? dirty[(i / 10) % dirty.length] : `+1201556${String(i).padStart(4, '0')}`)).join('\n');
    const { analysis } = await sliced(text, 'US');
    assertSame(analysis, analyseDestinations(text, { defaultRegion: 'US' }));
    const extension = analysis.entries.find((entry) => entry.extension !== undefined && entry.status === 'valid');
    assert.match(extension?.warning ?? '', /extension 12 left out/);
  });

  it('keeps lines and offsets right with CRLF line ends', async () => {
    const text = longList(8000, '\r\n');
    const { analysis } = await sliced(text, 'US');
    assertSame(analysis, analyseDestinations(text, { defaultRegion: 'US' }));
    const last = analysis.entries[analysis.entries.length - 1];
    assert.equal(last.position.line, 7999);
    assert.equal(text.slice(last.position.offset, last.position.offset + last.position.length), last.input);
  });

  it('reads every piece of a CSV by its header, quoted cells with commas and line breaks included', async () => {
    const rows = ['name,phone,city'];
    for (let i = 0; i < 6000; i++) {
      const name = i % 10 === 0 ? `"Doe, Jane\n(${i})"` : `Person ${i}`;
      rows.push(`${name},${i % 400 === 3 ? 'n/a' : `+1201555${String(i % 3000).padStart(4, '0')}`},"Town, ${i}"`);
    }
    const text = rows.join('\n');
    const { analysis } = await sliced(text);
    assert.equal(analysis.format, 'csv');
    assert.equal(analysis.column, 'phone');
    assertSame(analysis, analyseDestinations(text));
  });

  it('reads a list under a one-word header, and a TSV, the same way as a whole', async () => {
    const headed = `phone\n${longList(5000)}`;
    assertSame((await sliced(headed, 'US')).analysis, analyseDestinations(headed, { defaultRegion: 'US' }));
    const tsv = `name\tmobile\n${longList(5000).split('\n').map((n, i) => `P${i}\t${n}`).join('\n')}`;
    assertSame((await sliced(tsv, 'US')).analysis, analyseDestinations(tsv, { defaultRegion: 'US' }));
  });

  it('does not take a worded line in the middle of a plain list for a new header', async () => {
    const lines = longList(6000).split('\n');
    // Read alone, such a line looks like a CSV header; pieces are bound to start on some of them.
    for (let i = 100; i < lines.length; i += 7) lines[i] = 'call back later, maybe';
    const text = lines.join('\n');
    const { analysis, slices } = await sliced(text);
    assertSame(analysis, analyseDestinations(text));
    assert.ok(slices > 50, `fell back to one block after ${slices} slices`);
  });

  it('stops and resolves undefined once cancelled', async () => {
    let checks = 0;
    const slicer = new TimeSlicer({ budgetMs: 0, isCancelled: () => ++checks > 3 });
    assert.equal(await analyseSliced(longList(20_000), {}, slicer), undefined);
  });
});

describe('cutting a text into pieces', () => {
  it('cuts just after a line break past the size, never inside a quoted field', () => {
    const text = 'a,"x\ny",1\nb,2\nc,3\n';
    assert.deepEqual(nextCut(text, 0, 3, 1, true), { end: 10, lines: 2 });
    assert.deepEqual(nextCut(text, 0, 3, 1, false), { end: 5, lines: 1 });
  });

  it('counts \\r\\n as one line break and runs to the end when no break follows', () => {
    assert.deepEqual(nextCut('1\r\n2\r\n3', 0, 1, 1, false), { end: 3, lines: 1 });
    assert.deepEqual(nextCut('1\r\n2\r\n3', 3, 100, 1, false), { end: 7, lines: 1 });
  });
});
