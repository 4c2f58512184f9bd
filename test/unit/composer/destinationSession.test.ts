import * as assert from 'node:assert/strict';
import { DestinationSession, MAX_DESTINATIONS_TEXT } from '../../../src/composer/destinationSession';
import { analyseDestinations } from '../../../src/core/destinations/analyse';

// The host side of the preview, with the real (sliced) analyser behind it.
describe('destination session (host-side preview)', () => {
  const mixed = '+14155550100\nnonsense\n+1 415 555 0100\n+61491570156\n12\n';

  it('summarises a pasted list: counts, what will be sent, and batches', async () => {
    const summary = await new DestinationSession().update(1, mixed, {});
    assert.ok(summary);
    assert.deepEqual(
      [summary.revision, summary.total, summary.valid, summary.invalid, summary.duplicate, summary.uniqueCount, summary.batches],
      [1, 5, 2, 2, 1, 2, 1],
    );
  });

  it('serves pages only for the latest summary and removals only for the latest revision', async () => {
    const session = new DestinationSession();
    const first = await session.update(1, mixed, {});
    const second = await session.update(2, `${mixed}+442079460958\n`, {});
    assert.ok(first && second && second.id > first.id);
    assert.equal(session.page(first.id, 'all', 0, 100), undefined);
    assert.equal(session.without(1, 'invalid'), undefined);
    assert.equal(session.page(second.id, 'all', 0, 100)?.total, 6);
  });

  it('does not re-analyse when only other fields changed, but moves to the new revision', async () => {
    const session = new DestinationSession();
    const summary = await session.update(1, mixed, {});
    assert.equal(await session.update(2, mixed, {}), undefined);
    assert.equal(session.currentRevision(), 2);
    // The summary the webview shows is still current: its pages are served, and removal uses revision 2.
    assert.equal(session.page(summary?.id ?? -1, 'invalid', 0, 10)?.total, 2);
    assert.equal(session.without(2, 'invalid')?.removed, 2);
  });

  it('a newer text cancels the running analysis: only the newest one is posted', async () => {
    const session = new DestinationSession();
    const big = Array.from({ length: 20_000 }, (_, i) => `+1415555${String(i % 10_000).padStart(4, '0')}`).join('\n');
    const older = session.update(1, big, {});
    const newer = session.update(2, '+14155550100', {});
    assert.equal(await older, undefined);
    assert.equal((await newer)?.total, 1);
    await session.settled();
    assert.equal(session.current()?.counts.total, 1);
  });

  it('analyses 100,000 numbers without blocking the event loop for long', async () => {
    const big = Array.from({ length: 100_000 }, (_, i) => `+1415${String(5_500_000 + i)}`).join('\n');
    // CPU time, not wall time, between two ticks: on a loaded machine the process also waits for a
    // core, which says nothing about how long one slice holds the event loop.
    let longest = 0;
    let last = process.cpuUsage();
    const ticker = setInterval(() => {
      const used = process.cpuUsage(last);
      longest = Math.max(longest, (used.user + used.system) / 1000);
      last = process.cpuUsage();
    }, 5);
    try {
      const summary = await new DestinationSession().update(1, big, {});
      assert.equal(summary?.uniqueCount, 100_000);
    } finally {
      clearInterval(ticker);
    }
    // Sliced into ~8 ms pieces; generous for a loaded CI machine, far below one unsliced run (seconds).
    assert.ok(longest < 250, `the event loop worked up to ${longest.toFixed(0)} ms of CPU between two 5 ms ticks`);
  }).timeout(60_000);

  it('never reuses a summary id, even in a new session (a new panel)', async () => {
    const a = await new DestinationSession().update(0, mixed, {});
    const b = await new DestinationSession().update(0, mixed, {});
    assert.ok(a && b && b.id > a.id);
  });

  it('reads national numbers in the region it is given, and re-analyses when the region changes', async () => {
    const session = new DestinationSession();
    assert.equal((await session.update(1, '4155550100', {}))?.valid, 0);
    const us = await session.update(1, '4155550100', { region: 'US', source: 'profile' });
    assert.equal(us?.valid, 1);
    assert.equal(us?.region, 'US');
    assert.equal(us?.regionSource, 'profile');
  });

  it('removing invalid entries leaves a text whose analysis has none, with every valid entry kept', async () => {
    const session = new DestinationSession();
    await session.update(1, mixed, {});
    const result = session.without(1, 'invalid');
    assert.ok(result);
    assert.equal(result.removed, 2);
    assert.equal(result.text, '+14155550100\n+1 415 555 0100\n+61491570156\n');
    const after = analyseDestinations(result.text);
    assert.deepEqual([after.counts.invalid, after.counts.valid, after.counts.duplicate], [0, 2, 1]);
  });

  it('removing duplicates from a CSV keeps the header and the first row of each number', async () => {
    const csv = 'name,phone\nAda,+14155550100\nBob,+14155550101\nAda again,+1 (415) 555-0100\n';
    const session = new DestinationSession();
    assert.equal((await session.update(1, csv, {}))?.format, 'csv');
    assert.equal(session.without(1, 'duplicate')?.text, 'name,phone\nAda,+14155550100\nBob,+14155550101\n');
  });

  it('explains instead of analysing a text over the size limit', async () => {
    const session = new DestinationSession();
    const summary = await session.update(1, '1'.repeat(MAX_DESTINATIONS_TEXT + 1), {});
    assert.match(summary?.problem ?? '', /at most 2,000,000/);
    assert.equal(session.current(), undefined);
    assert.deepEqual(session.page(summary?.id ?? -1, 'all', 0, 100), { offset: 0, total: 0, rows: [] });
  });

  it('reports an unknown region as a problem instead of failing', async () => {
    const summary = await new DestinationSession().update(1, '+14155550100', { region: 'XX', source: 'setting' });
    assert.match(summary?.problem ?? '', /could not be read/);
  });
});
