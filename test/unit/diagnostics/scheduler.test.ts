import * as assert from 'node:assert/strict';
import { ValidationScheduler, type ValidationJob } from '../../../src/diagnostics/scheduler';
import { VirtualClock } from '../../helpers/virtualClock';

/** A document stand-in: a version that edits bump, and a record of runs and published results. */
class FakeDocument {
  version = 1;
  closed = false;
  runs = 0;
  running = 0;
  maxRunning = 0;
  published: number[] = [];

  constructor(private readonly clock: VirtualClock) {}

  /** A validation that takes `workMs` of the clock's time. */
  job(workMs = 20): ValidationJob<number> {
    return {
      version: () => (this.closed ? undefined : this.version),
      run: async () => {
        const version = this.version;
        this.runs++;
        this.running++;
        this.maxRunning = Math.max(this.maxRunning, this.running);
        await this.clock.sleep(workMs);
        this.running--;
        return version;
      },
      publish: (result) => this.published.push(result),
    };
  }
}

describe('validation scheduler (virtual clock)', () => {
  let clock: VirtualClock;
  let scheduler: ValidationScheduler<number>;
  beforeEach(() => {
    clock = new VirtualClock();
    scheduler = new ValidationScheduler<number>(undefined, clock);
  });
  afterEach(() => scheduler.dispose());

  it('runs once for a burst of edits, after the debounce', async () => {
    const doc = new FakeDocument(clock);
    for (let i = 0; i < 5; i++) {
      doc.version++;
      scheduler.request('a', doc.job(), 150);
      await clock.advance(5);
    }
    // The last edit came at 20 ms: its quiet time ends at 170 ms.
    await clock.advance(169 - clock.now());
    assert.equal(doc.runs, 0, 'nothing runs while the user is still typing');
    await clock.advance(1);
    assert.equal(doc.runs, 1, 'the run starts once the debounce after the last edit is over');
    await clock.advance(20);
    assert.deepEqual(doc.published, [6]);
    await clock.advance(10_000);
    assert.equal(doc.runs, 1);
    assert.deepEqual(doc.published, [6]);
  });

  it('never runs two validations of one document at once, and runs again for an edit made meanwhile', async () => {
    const doc = new FakeDocument(clock);
    scheduler.request('a', doc.job(60), 0);
    await clock.advance(0);
    assert.equal(doc.running, 1);
    doc.version++;
    scheduler.request('a', doc.job(60), 0);
    await clock.advance(10);
    scheduler.request('a', doc.job(60), 0);
    await clock.advance(50);
    assert.equal(doc.runs, 2, 'the second run starts as the first ends');
    await clock.advance(60);
    assert.equal(doc.running, 0);
    await clock.advance(1000);
    assert.equal(doc.runs, 2);
    assert.equal(doc.maxRunning, 1);
    // The first run saw version 1, which was stale when it ended: only the second result shows.
    assert.deepEqual(doc.published, [2]);
  });

  it('drops a result when the document changed while it was validated', async () => {
    const doc = new FakeDocument(clock);
    scheduler.request('a', doc.job(40), 0);
    await clock.advance(0);
    assert.equal(doc.running, 1);
    doc.version++; // an edit whose own request is still waiting out its debounce
    await clock.advance(40);
    assert.equal(doc.running, 0);
    await clock.advance(1000);
    assert.deepEqual(doc.published, []);
  });

  it('validates different documents independently', async () => {
    const a = new FakeDocument(clock);
    const b = new FakeDocument(clock);
    scheduler.request('a', a.job(40), 0);
    scheduler.request('b', b.job(40), 0);
    await clock.advance(0);
    assert.deepEqual([a.running, b.running], [1, 1]);
    await clock.advance(40);
    assert.deepEqual([a.published, b.published], [[1], [1]]);
  });

  it('runNow resolves once a run that started after the call has finished', async () => {
    const doc = new FakeDocument(clock);
    scheduler.request('a', doc.job(50), 0);
    await clock.advance(0);
    assert.equal(doc.running, 1);
    doc.version++;
    await clock.run(scheduler.runNow('a', doc.job(10)));
    assert.deepEqual(doc.published, [2]);
    assert.equal(clock.now(), 60, 'after the run in progress (50 ms) and its own (10 ms)');
  });

  it('publishes nothing for a closed document and lets a cancelled wait go', async () => {
    const doc = new FakeDocument(clock);
    scheduler.request('a', doc.job(30), 0);
    await clock.advance(0);
    assert.equal(doc.running, 1);
    const waiting = scheduler.runNow('a', doc.job(30));
    scheduler.cancel('a');
    doc.closed = true;
    await clock.run(waiting);
    await clock.advance(1000);
    assert.equal(doc.running, 0);
    assert.deepEqual(doc.published, []);
    assert.equal(scheduler.isBusy('a'), false);
  });
});
