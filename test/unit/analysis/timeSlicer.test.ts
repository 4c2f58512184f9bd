import * as assert from 'node:assert/strict';
import { TimeSlicer } from '../../../src/analysis/timeSlicer';

function busy(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end) { /* keeps the thread busy on purpose */ }
}

describe('time slicer', () => {
  it('lets a timer run between slices of a long synchronous job', async () => {
    const slicer = new TimeSlicer({ budgetMs: 5 });
    let ticks = 0;
    const timer = setInterval(() => ticks++, 1);
    try {
      for (let i = 0; i < 20; i++) {
        busy(3);
        await slicer.checkpoint();
      }
    } finally {
      clearInterval(timer);
    }
    assert.ok(ticks >= 3, `the timer ran ${ticks} times`);
    assert.ok(slicer.slices >= 5, `${slicer.slices} slices`);
  });

  it('records the longest slice, the one that would freeze the host', async () => {
    const slicer = new TimeSlicer({ budgetMs: 1 });
    busy(2);
    await slicer.checkpoint();
    busy(30);
    await slicer.checkpoint();
    slicer.finish();
    assert.ok(slicer.longestSliceMs >= 30, `${slicer.longestSliceMs} ms`);
  });

  it('reports cancellation at the next checkpoint', async () => {
    let cancelled = false;
    const slicer = new TimeSlicer({ isCancelled: () => cancelled });
    assert.equal(await slicer.checkpoint(), true);
    cancelled = true;
    assert.equal(await slicer.checkpoint(), false);
  });
});
