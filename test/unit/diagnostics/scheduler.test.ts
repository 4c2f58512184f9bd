import * as assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { ValidationScheduler, type ValidationJob } from '../../../src/diagnostics/scheduler';

/** A document stand-in: a version that edits bump, and a record of runs and published results. */
class FakeDocument {
  version = 1;
  closed = false;
  runs = 0;
  running = 0;
  maxRunning = 0;
  published: number[] = [];

  job(workMs = 20): ValidationJob<number> {
    return {
      version: () => (this.closed ? undefined : this.version),
      run: async () => {
        const version = this.version;
        this.runs++;
        this.running++;
        this.maxRunning = Math.max(this.maxRunning, this.running);
        await sleep(workMs);
        this.running--;
        return version;
      },
      publish: (result) => this.published.push(result),
    };
  }
}

/** Waits until `done()` or fails after `ms`. */
async function until(done: () => boolean, ms = 2000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!done()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await sleep(5);
  }
}

describe('validation scheduler', () => {
  let scheduler: ValidationScheduler<number>;
  beforeEach(() => {
    scheduler = new ValidationScheduler<number>();
  });
  afterEach(() => scheduler.dispose());

  it('runs once for a burst of edits, after the debounce', async () => {
    const doc = new FakeDocument();
    for (let i = 0; i < 5; i++) {
      doc.version++;
      scheduler.request('a', doc.job(), 150);
      await sleep(5);
    }
    assert.equal(doc.runs, 0, 'nothing runs while the user is still typing');
    await until(() => doc.published.length === 1);
    await sleep(200);
    assert.equal(doc.runs, 1);
    assert.deepEqual(doc.published, [6]);
  });

  it('never runs two validations of one document at once, and runs again for an edit made meanwhile', async () => {
    const doc = new FakeDocument();
    scheduler.request('a', doc.job(60), 0);
    await until(() => doc.running === 1);
    doc.version++;
    scheduler.request('a', doc.job(60), 0);
    await sleep(10);
    scheduler.request('a', doc.job(60), 0);
    await until(() => doc.runs === 2 && doc.running === 0);
    assert.equal(doc.maxRunning, 1);
    // The first run saw version 1, which was stale when it ended: only the second result shows.
    assert.deepEqual(doc.published, [2]);
  });

  it('drops a result when the document changed while it was validated', async () => {
    const doc = new FakeDocument();
    scheduler.request('a', doc.job(40), 0);
    await until(() => doc.running === 1);
    doc.version++; // an edit whose own request is still waiting out its debounce
    await until(() => doc.running === 0);
    await sleep(10);
    assert.deepEqual(doc.published, []);
  });

  it('validates different documents independently', async () => {
    const a = new FakeDocument();
    const b = new FakeDocument();
    scheduler.request('a', a.job(40), 0);
    scheduler.request('b', b.job(40), 0);
    await until(() => a.running === 1 && b.running === 1);
    await until(() => a.published.length === 1 && b.published.length === 1);
  });

  it('runNow resolves once a run that started after the call has finished', async () => {
    const doc = new FakeDocument();
    scheduler.request('a', doc.job(50), 0);
    await until(() => doc.running === 1);
    doc.version++;
    await scheduler.runNow('a', doc.job(10));
    assert.deepEqual(doc.published, [2]);
  });

  it('publishes nothing for a closed document and lets a cancelled wait go', async () => {
    const doc = new FakeDocument();
    scheduler.request('a', doc.job(30), 0);
    await until(() => doc.running === 1);
    const waiting = scheduler.runNow('a', doc.job(30));
    scheduler.cancel('a');
    doc.closed = true;
    await waiting;
    await sleep(50);
    assert.deepEqual(doc.published, []);
    assert.equal(scheduler.isBusy('a'), false);
  });
});
