// The refresh service end to end over HTTP: sends made on the real sandbox, statuses written back
// into records the way the history store does it.
import * as assert from 'node:assert/strict';
import { PlivoClient } from '../../../src/core/client';
import { startSandbox, type SandboxServer } from '../../../src/sandbox';
import { applyDestinationUpdates, type DestinationUpdate } from '../../../src/sends/historySchema';
import type { SendRecord } from '../../../src/sends/sendRecord';
import { allUuids, mayChange } from '../../../src/sends/sendSummary';
import { type AccountConnection, type StatusHistory, StatusRefreshService } from '../../../src/sends/status/statusRefreshService';
import { waitFor } from '../../helpers/waitFor';
import { batch, send } from './builders';

/** The history's write path without its Memento: records in a map, updates applied the same way. */
class RecordsInMemory implements StatusHistory {
  readonly records = new Map<string, SendRecord>();
  writes = 0;
  get(id: string) {
    return this.records.get(id);
  }
  async applyDestinationUpdates(sendId: string, updates: ReadonlyMap<string, DestinationUpdate>) {
    this.writes += 1;
    const record = this.records.get(sendId);
    return record ? applyDestinationUpdates(record, updates) : 0;
  }
}

describe('status refresh service (real sandbox)', function () {
  this.timeout(20_000);
  let sandbox: SandboxServer;
  let connection: AccountConnection;
  let client: PlivoClient;

  /** Sends to the sandbox and records it the way the send service does. */
  async function sendRecorded(history: RecordsInMemory, numbers: string[], profileId = 'local-sandbox'): Promise<SendRecord> {
    const { body } = await client.sendMessage({ src: '14155550100', dst: numbers.join('<'), text: 'refresh me' });
    const destinations = numbers.map((n, i) => ({ number: `+${n}`, uuid: body.message_uuid[i], state: 'queued' as const }));
    const record = send({ profileId, batches: [batch(0, destinations)] });
    history.records.set(record.id, record);
    return record;
  }

  const states = (record: SendRecord) => record.batches[0].destinations.map((d) => [d.state, d.errorCode ?? null]);

  before(async () => {
    sandbox = await startSandbox({ messagesPerSecond: 2000, timings: { sentAfterMs: 5, deliveredAfterMs: 20 } });
    connection = { baseUrl: sandbox.baseUrl, ...sandbox.accounts[0] };
    client = new PlivoClient(connection);
  });
  after(async () => {
    await client.close();
    await sandbox.close();
  });

  it('brings every destination of several sends to its final state, with error codes', async () => {
    const history = new RecordsInMemory();
    const first = await sendRecorded(history, ['14155550201', '12015550150']);
    const second = await sendRecorded(history, ['12015550180', '14155550202']);
    const service = new StatusRefreshService(history, { connect: async () => connection });
    const progress: number[] = [];
    // The sandbox delivers in its own time: refresh until no message may change any more.
    await waitFor(async () => {
      const report = await service.refresh(
        [first, second].map((r) => ({ sendId: r.id, uuids: allUuids(r) })),
        { onProgress: (done) => progress.push(done) },
      );
      assert.deepEqual(report.problems, []);
      assert.equal(report.found, 4);
      return [first, second].some((r) => r.batches[0].destinations.some(mayChange)) ? undefined : true;
    }, 10_000, 'final delivery states', 30);
    assert.deepEqual(states(first), [['delivered', '000'], ['failed', '50']]);
    assert.deepEqual(states(second), [['undelivered', '80'], ['delivered', '000']]);
    assert.ok(first.batches[0].destinations.every((d) => d.units === 1 && d.updatedAt));
    assert.equal(progress.at(-1), 4);
  });

  it('reports a send whose profile is gone and still reads the others', async () => {
    const history = new RecordsInMemory();
    const orphan = await sendRecorded(history, ['14155550203'], 'deleted-profile');
    const fine = await sendRecorded(history, ['14155550204']);
    const service = new StatusRefreshService(history, {
      connect: async (record) => {
        if (record.profileId === 'deleted-profile') throw new Error(`The profile "${record.profileName}" no longer exists.`);
        return connection;
      },
    });
    const report = await service.refresh([orphan, fine].map((r) => ({ sendId: r.id, uuids: allUuids(r) })));
    assert.equal(report.found, 1);
    assert.equal(report.problems.length, 1);
    assert.match(report.problems[0], /no longer exists/);
    assert.ok(fine.batches[0].destinations[0].updatedAt, 'the other send was read');
    assert.equal(orphan.batches[0].destinations[0].updatedAt, undefined);
  });

  it('writes results while a long run goes on, and keeps them when it is cancelled', async () => {
    const history = new RecordsInMemory();
    const numbers = Array.from({ length: 60 }, (_, i) => `1415555${String(3000 + i)}`);
    const record = await sendRecorded(history, numbers);
    const controller = new AbortController();
    const service = new StatusRefreshService(history, { connect: async () => connection, flushMs: 0, requestsPer5s: 1000 });
    const report = await service.refresh([{ sendId: record.id, uuids: allUuids(record) }], {
      signal: controller.signal,
      onProgress: (done) => done === 30 && controller.abort(),
    });
    assert.equal(report.cancelled, true);
    assert.ok(report.done >= 30 && report.done < 60, `${report.done} read`);
    const read = record.batches[0].destinations.filter((d) => d.updatedAt).length;
    assert.equal(read, report.done, 'every read status reached the record');
    assert.ok(history.writes > 1, 'written in chunks, not only at the end');
  });

  it('runs one refresh at a time', async () => {
    const history = new RecordsInMemory();
    const record = await sendRecorded(history, ['14155550205', '14155550206']);
    const service = new StatusRefreshService(history, { connect: async () => connection, concurrency: 1 });
    const order: string[] = [];
    const a = service.refresh([{ sendId: record.id, uuids: allUuids(record) }], { onProgress: (d) => order.push(`a${d}`) });
    const b = service.refresh([{ sendId: record.id, uuids: allUuids(record) }], { onProgress: (d) => order.push(`b${d}`) });
    assert.equal(service.busy, true);
    await Promise.all([a, b]);
    assert.deepEqual(order, ['a1', 'a2', 'b1', 'b2']);
    assert.equal(service.busy, false);
  });
});
