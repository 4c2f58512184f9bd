import * as assert from 'node:assert/strict';
import type { LookupOutcome, MessageLookup } from '../../../src/sends/status/messageLookup';
import { refreshStatuses } from '../../../src/sends/status/refreshStatuses';
import { RequestPacer } from '../../../src/core/pacing/requestPacer';
import { VirtualClock } from '../../helpers/virtualClock';

const found = (uuid: string): LookupOutcome => ({ kind: 'found', message: { message_uuid: uuid, message_state: 'delivered' } });
const uuidList = (n: number) => Array.from({ length: n }, (_, i) => `uuid-${i}`);

/** A lookup that takes `latencyMs` of virtual time and records when each call started. */
function timedLookup(clock: VirtualClock, latencyMs: number, answer: (uuid: string, call: number) => LookupOutcome = found) {
  const starts: Array<{ uuid: string; at: number }> = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const lookup: MessageLookup = async (uuid) => {
    starts.push({ uuid, at: clock.now() });
    const call = starts.length;
    inFlight += 1;
    maxInFlight = Math.max(maxInFlight, inFlight);
    await clock.sleep(latencyMs);
    inFlight -= 1;
    return answer(uuid, call);
  };
  return { lookup, starts, maxInFlight: () => maxInFlight };
}

/** The most starts seen in any window of `windowMs`. */
function busiestWindow(times: number[], windowMs: number): number {
  let best = 0;
  for (let i = 0, j = 0; i < times.length; i++) {
    while (times[i] - times[j] >= windowMs) j++;
    best = Math.max(best, i - j + 1);
  }
  return best;
}

describe('status refresh scheduling (virtual clock)', () => {
  it('reads every UUID once, never more than 201 starts in any 5 s and at most 4 at a time', async () => {
    const clock = new VirtualClock();
    // 50 ms per read: four at a time could do 80/s, so the pace is what limits the run.
    const { lookup, starts, maxInFlight } = timedLookup(clock, 50);
    const results: string[] = [];
    const summary = await clock.run(refreshStatuses(uuidList(1000), lookup, { pacer: new RequestPacer(clock), onResult: (uuid) => results.push(uuid) }));
    assert.equal(summary.found, 1000);
    assert.equal(summary.stopped, undefined);
    assert.deepEqual([...results].sort(), uuidList(1000).sort());
    assert.ok(busiestWindow(starts.map((s) => s.at), 5000) <= 201, `busiest 5 s window had ${busiestWindow(starts.map((s) => s.at), 5000)} starts`);
    assert.ok(maxInFlight() <= 4);
    // 200 per 5 s is 40 per second: 1,000 reads take about 25 s, not much more.
    assert.ok(clock.now() >= 24_900 && clock.now() < 26_000, `took ${clock.now()} virtual ms`);
  });

  it('after a 429 waits Retry-After before any further request, then reads the same UUID again', async () => {
    const clock = new VirtualClock();
    const { lookup, starts } = timedLookup(clock, 10, (uuid, call) => (call === 10 ? { kind: 'rateLimited', retryAfterSeconds: 3 } : found(uuid)));
    const summary = await clock.run(refreshStatuses(uuidList(30), lookup, { pacer: new RequestPacer(clock) }));
    assert.equal(summary.found, 30);
    assert.equal(summary.rateLimitWaits, 1);
    const limited = starts[9];
    const limitedAnswerAt = limited.at + 10;
    const later = starts.slice(10);
    // Requests already in flight may finish; none may start inside the wait.
    const startedDuringWait = later.filter((s) => s.at > limitedAnswerAt && s.at < limitedAnswerAt + 3000);
    assert.deepEqual(startedDuringWait, []);
    assert.equal(starts.filter((s) => s.uuid === limited.uuid).length, 2, 'the rate-limited UUID is read again');
  });

  it('waits one 5 s window after a 429 that says nothing about when to retry', async () => {
    const clock = new VirtualClock();
    const { lookup, starts } = timedLookup(clock, 0, (uuid, call) => (call === 1 ? { kind: 'rateLimited' } : found(uuid)));
    await clock.run(refreshStatuses(uuidList(1), lookup, { pacer: new RequestPacer(clock), concurrency: 1 }));
    assert.equal(starts[1].at - starts[0].at, 5000);
  });

  it('stops on cancel without starting further requests', async () => {
    const clock = new VirtualClock();
    const controller = new AbortController();
    const { lookup, starts } = timedLookup(clock, 50, (uuid, call) => {
      if (call === 20) controller.abort();
      return found(uuid);
    });
    const summary = await clock.run(refreshStatuses(uuidList(500), lookup, { pacer: new RequestPacer(clock), signal: controller.signal }));
    assert.equal(summary.stopped, 'cancelled');
    assert.ok(starts.length <= 20 + 4, `${starts.length} requests started`);
    assert.ok(summary.done < 500);
  });

  it('stops at the first refused credentials: every other read would fail the same way', async () => {
    const clock = new VirtualClock();
    const { lookup, starts } = timedLookup(clock, 5, () => ({ kind: 'unauthorized', detail: 'HTTP 401' }));
    const summary = await clock.run(refreshStatuses(uuidList(100), lookup, { pacer: new RequestPacer(clock), concurrency: 1 }));
    assert.equal(summary.stopped, 'unauthorized');
    assert.equal(starts.length, 1);
    assert.match(summary.stopDetail ?? '', /credentials/);
  });

  it('records 404s and errors per UUID and stops only after many failures in a row', async () => {
    const clock = new VirtualClock();
    const outcomes = new Map<string, LookupOutcome['kind']>();
    const notFound = await clock.run(
      refreshStatuses(uuidList(50), timedLookup(clock, 1, () => ({ kind: 'notFound', detail: 'not found (404)' })).lookup, {
        pacer: new RequestPacer(clock),
        onResult: (uuid, outcome) => outcomes.set(uuid, outcome.kind),
      }),
    );
    assert.equal(notFound.stopped, undefined, '404 is an answer, not a broken API');
    assert.equal(notFound.notFound, 50);
    assert.equal(outcomes.size, 50);

    const broken = await clock.run(
      refreshStatuses(uuidList(100), timedLookup(clock, 1, () => ({ kind: 'failed', detail: 'connect ECONNREFUSED' })).lookup, {
        pacer: new RequestPacer(clock),
        concurrency: 1,
        maxConsecutiveFailures: 5,
      }),
    );
    assert.equal(broken.stopped, 'too-many-failures');
    assert.equal(broken.failed, 5);
    assert.match(broken.stopDetail ?? '', /ECONNREFUSED/);
  });

  it('gives up after too many 429s instead of waiting forever', async () => {
    const clock = new VirtualClock();
    const { starts, lookup } = timedLookup(clock, 1, () => ({ kind: 'rateLimited', retryAfterSeconds: 1 }));
    const summary = await clock.run(refreshStatuses(uuidList(3), lookup, { pacer: new RequestPacer(clock), concurrency: 1, maxRateLimitWaits: 4 }));
    assert.equal(summary.stopped, 'rate-limited');
    assert.equal(starts.length, 5);
  });
});
