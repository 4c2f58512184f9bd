// Auto-refresh against the real sandbox: it reaches final states by itself, then stops.
import * as assert from 'node:assert/strict';
import { PlivoClient } from '../../../src/core/client';
import { startSandbox, type SandboxServer } from '../../../src/sandbox';
import { applyDestinationUpdates, type DestinationUpdate } from '../../../src/sends/historySchema';
import type { SendRecord } from '../../../src/sends/sendRecord';
import { AutoRefresher, type WatchedHistory } from '../../../src/sends/status/autoRefresher';
import { readMessageDetails, storedDetailsJson } from '../../../src/sends/status/readMessageDetails';
import { type AccountConnection, StatusRefreshService } from '../../../src/sends/status/statusRefreshService';
import { VirtualClock } from '../../helpers/virtualClock';
import { waitFor } from '../../helpers/waitFor';
import { batch, send } from './builders';

/** Records in memory with the history's change event. */
class WatchedRecords implements WatchedHistory {
  readonly records: SendRecord[] = [];
  private listeners: Array<() => void> = [];
  list() {
    return this.records;
  }
  get(id: string) {
    return this.records.find((r) => r.id === id);
  }
  onDidChange(listener: () => void) {
    this.listeners.push(listener);
    return { dispose: () => void (this.listeners = this.listeners.filter((l) => l !== listener)) };
  }
  add(record: SendRecord) {
    this.records.unshift(record);
    this.listeners.forEach((l) => l());
  }
  async applyDestinationUpdates(sendId: string, updates: ReadonlyMap<string, DestinationUpdate>) {
    const record = this.get(sendId);
    const changed = record ? applyDestinationUpdates(record, updates) : 0;
    this.listeners.forEach((l) => l());
    return changed;
  }
}

/**
 * Waits until `check()` holds, moving the refresher's clock by `stepMs` between looks: its pauses end
 * at once while the sandbox answers (and delivers) in real time.
 */
function stepUntil(clock: VirtualClock, stepMs: number, check: () => boolean, timeoutMs: number, what: string): Promise<true> {
  return waitFor(async () => {
    if (check()) return true;
    await clock.advance(stepMs);
    return undefined;
  }, timeoutMs, what);
}

describe('auto-refresh and message details (real sandbox)', function () {
  this.timeout(20_000);
  let sandbox: SandboxServer;
  let connection: AccountConnection;
  let client: PlivoClient;

  async function sandboxSend(numbers: string[], extra: Partial<SendRecord> = {}): Promise<SendRecord> {
    const { body } = await client.sendMessage({ src: '14155550100', dst: numbers.join('<'), text: 'auto' });
    return send({ createdAt: new Date().toISOString(), batches: [batch(0, numbers.map((n, i) => ({ number: `+${n}`, uuid: body.message_uuid[i], state: 'queued' as const })))], ...extra });
  }

  before(async () => {
    sandbox = await startSandbox({ messagesPerSecond: 2000, timings: { sentAfterMs: 20, deliveredAfterMs: 150 } });
    connection = { baseUrl: sandbox.baseUrl, ...sandbox.accounts[0] };
    client = new PlivoClient(connection);
  });
  after(async () => {
    await client.close();
    await sandbox.close();
  });

  it('refreshes a new sandbox send until delivered and failed, then stops polling', async () => {
    const history = new WatchedRecords();
    const service = new StatusRefreshService(history, { connect: async () => connection });
    const clock = new VirtualClock();
    const auto = new AutoRefresher(history, (targets, run) => service.refresh(targets, run), { intervalMs: 25, clock });
    try {
      assert.equal(auto.active, false, 'nothing to watch yet');
      const record = await sandboxSend(['14155550301', '12015550131']);
      history.add(record);
      assert.equal(auto.active, true);
      const states = () => record.batches[0].destinations.map((d) => d.state).join(',');
      await stepUntil(clock, 25, () => states() === 'delivered,failed', 10_000, 'delivered and failed');
      await stepUntil(clock, 25, () => !auto.active, 2000, 'the auto-refresh stops');
      const requests = sandbox.requestLog().total;
      assert.equal(clock.pending, 0, 'no pause is waiting for a next run');
      await clock.advance(20 * 60_000); // past the watch window
      assert.equal(sandbox.requestLog().total, requests, 'no request after everything is final');
      assert.equal(record.batches[0].destinations[1].errorCode, '30');
    } finally {
      auto.dispose();
    }
  });

  it('leaves live sends alone and stops when disposed', async () => {
    const history = new WatchedRecords();
    const clock = new VirtualClock();
    let runs = 0;
    const auto = new AutoRefresher(history, async () => {
      runs += 1;
      return { total: 0, done: 0, found: 1, notFound: 0, failed: 0, rateLimitWaits: 0, cancelled: false, problems: [] };
    }, { intervalMs: 10, clock });
    history.add(await sandboxSend(['14155550302'], { isSandbox: false, profileId: 'live' }));
    assert.equal(auto.active, false, 'a live send costs money per request: never polled by itself');
    history.add(await sandboxSend(['12015550190'])); // stays `sent` forever
    assert.equal(runs, 0, 'the first run waits its pause');
    await clock.advance(10);
    assert.equal(runs, 1);
    await clock.advance(10);
    assert.equal(runs, 2);
    auto.dispose();
    await clock.advance(60_000);
    assert.equal(runs, 2, 'no run after dispose');
    assert.equal(auto.active, false);
    assert.equal(clock.pending, 0);
  });

  it('opens a message’s details as the API’s JSON, without the token', async () => {
    const record = await sandboxSend(['14155550303']);
    const uuid = record.batches[0].destinations[0].uuid ?? '';
    const details = await readMessageDetails(connection, uuid);
    assert.ok('json' in details);
    const message = JSON.parse(details.json);
    assert.equal(message.message_uuid, uuid);
    assert.equal(message.to_number, '14155550303');
    assert.ok(!details.json.includes(connection.authToken));
  });

  it('falls back to what the history holds when the API cannot be read', async () => {
    const missing = await readMessageDetails(connection, '00000000-0000-4000-8000-000000000000');
    assert.ok('error' in missing);
    assert.match(missing.error, /404|not found/i);
    const wrongPort = await readMessageDetails({ ...connection, baseUrl: 'http://127.0.0.1:9' }, 'x');
    assert.ok('error' in wrongPort && !wrongPort.error.includes(connection.authToken));
    const stored = JSON.parse(storedDetailsJson({ number: '+14155550303', uuid: 'u-1', state: 'failed', errorCode: '30' }, 'not found (404)'));
    assert.deepEqual([stored.message_uuid, stored.to_number, stored.message_state, stored.error_code], ['u-1', '14155550303', 'failed', '30']);
    assert.match(stored.note, /not found/);
  });
});
