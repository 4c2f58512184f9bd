import * as assert from 'node:assert/strict';
import parsePhoneNumber from 'libphonenumber-js/max';
import { readPlivoDst } from '../../../src/core/destinations/plivoDst';
import { MAGIC_NUMBERS, outcomeFor, type SandboxServer } from '../../../src/sandbox';
import { DeliverySimulator } from '../../../src/sandbox/delivery';
import type { StoredMessage } from '../../../src/sandbox/messageStore';
import { accountPath, call, send, startFast, waitFor } from './helpers';

async function getMessage(sandbox: SandboxServer, uuid: string) {
  return (await call(sandbox, 'GET', accountPath(sandbox, `Message/${uuid}/`))).json;
}

function waitForState(sandbox: SandboxServer, uuid: string, state: string, timeoutMs = 3000) {
  return waitFor(async () => {
    const m = await getMessage(sandbox, uuid);
    return m.message_state === state ? m : undefined;
  }, timeoutMs, `${uuid} to be ${state}`);
}

describe('sandbox delivery simulation', () => {
  describe('magic numbers', () => {
    it('every magic number is a fully valid number for libphonenumber (max) and for Plivo’s reading', () => {
      for (const range of MAGIC_NUMBERS) {
        for (let n = Number(range.first); n <= Number(range.last); n++) {
          const digits = String(n);
          assert.ok(parsePhoneNumber(`+${digits}`)?.isValid(), digits);
          assert.equal(readPlivoDst(digits).ok, true, digits);
        }
      }
    });

    it('the table maps ranges to outcomes and everything else delivers', () => {
      assert.deepEqual(outcomeFor('12015550130'), { kind: 'fail', errorCode: '30' });
      assert.deepEqual(outcomeFor('12015550135'), { kind: 'fail', errorCode: '30' });
      assert.deepEqual(outcomeFor('12015550139'), { kind: 'fail', errorCode: '30' });
      assert.deepEqual(outcomeFor('12015550140'), { kind: 'deliver' });
      assert.deepEqual(outcomeFor('12015550180'), { kind: 'undeliver', errorCode: '80' });
      assert.deepEqual(outcomeFor('14155551111'), { kind: 'deliver' });
      assert.deepEqual(outcomeFor('120155501300'), { kind: 'deliver' });
    });
  });

  describe('over HTTP', () => {
    let sandbox: SandboxServer;
    before(async () => {
      sandbox = await startFast();
    });
    after(() => sandbox.close());

    it('queued → sent → delivered with timestamps and error code 000', async () => {
      const res = await send(sandbox, { dst: '14155551111' });
      const uuid = res.json.message_uuid[0];
      const delivered = await waitForState(sandbox, uuid, 'delivered');
      assert.equal(delivered.error_code, '000');
      assert.equal(delivered.error_message, '');
      assert.match(delivered.message_sent_time, /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\+00:00$/);
      assert.ok(delivered.message_updated_time >= delivered.message_sent_time);
      assert.ok(delivered.message_sent_time >= delivered.message_time);
    });

    it('each magic number produces its documented outcome', async () => {
      const res = await send(sandbox, { dst: '+12015550133<+12015550150<+12015550170<+12015550180<+12015550190<+12015550199<+12015550140' });
      const [spam, invalidDst, permanent, temporary, staysSent, slow, normal] = res.json.message_uuid;
      const failed = await waitForState(sandbox, spam, 'failed');
      assert.equal(failed.error_code, '30');
      assert.equal(failed.error_message, 'Spam Detected');
      assert.equal(failed.message_sent_time, null);
      assert.equal((await waitForState(sandbox, invalidDst, 'failed')).error_code, '50');
      assert.equal((await waitForState(sandbox, permanent, 'undelivered')).error_code, '70');
      const undelivered = await waitForState(sandbox, temporary, 'undelivered');
      assert.equal(undelivered.error_code, '80');
      await waitForState(sandbox, normal, 'delivered');
      // The slow one is still only `sent` when a normal one is delivered, then delivers later.
      assert.equal((await getMessage(sandbox, slow)).message_state, 'sent');
      await waitForState(sandbox, slow, 'delivered', 2000);
      assert.equal((await getMessage(sandbox, staysSent)).message_state, 'sent');
      // Every other message has its final state, and no receipt is scheduled: it stays `sent` for good.
      assert.equal((await call(sandbox, 'GET', '/__sandbox/')).json.pendingDelivery, 0, 'nothing is waiting to deliver it');
    });

    it('list filters by error_code once outcomes are known', async () => {
      const res = await send(sandbox, { dst: '+12015550131' });
      await waitForState(sandbox, res.json.message_uuid[0], 'failed');
      const list = await call(sandbox, 'GET', accountPath(sandbox, 'Message/?error_code=30&to_number=12015550131'));
      assert.equal(list.json.meta.total_count, 1);
    });
  });

  it('dequeues at the configured messages per second', async () => {
    const sandbox = await startFast({ messagesPerSecond: 20, timings: { sentAfterMs: 0, deliveredAfterMs: 0 } });
    try {
      const numbers = Array.from({ length: 10 }, (_, i) => `1415555${4000 + i}`).join('<');
      const started = Date.now();
      const res = await send(sandbox, { dst: numbers });
      const last = res.json.message_uuid[9];
      await waitForState(sandbox, last, 'delivered', 3000);
      const elapsed = Date.now() - started;
      // 10 messages at 20/s: the tenth leaves the queue ≥ 9 × 50 ms after the first.
      assert.ok(elapsed >= 400, `took ${elapsed} ms`);
      assert.ok(elapsed < 1500, `took ${elapsed} ms`);
    } finally {
      await sandbox.close();
    }
  });

  it('a message still queued when it expires fails with 420', async () => {
    const changes: string[] = [];
    const simulator = new DeliverySimulator(1000, { sentAfterMs: 0, deliveredAfterMs: 5, slowDeliveredAfterMs: 5 }, (m) =>
      changes.push(`${m.to}:${m.state}:${m.errorCode}`),
    );
    const now = Date.now();
    const base: StoredMessage = {
      uuid: 'u', authId: 'MA', from: '1', to: 'expired', type: 'sms', units: 1, country: 'US', powerpackId: null,
      state: 'queued', errorCode: null, queuedAt: now, sentAt: undefined, updatedAt: now, expiresAt: now - 1,
      callbackUrl: undefined, callbackMethod: 'POST', outcome: { kind: 'deliver' }, callbackCount: 0, evicted: false,
      direction: 'outbound', text: 'hi', encoding: 'GSM-7', timeline: [], callbackAttempts: [],
    };
    simulator.enqueue({ ...base });
    simulator.enqueue({ ...base, to: 'fresh', expiresAt: now + 60_000 });
    await waitFor(() => (changes.length >= 3 ? true : undefined), 1000, 'state changes');
    simulator.clear();
    assert.deepEqual(changes, ['expired:failed:420', 'fresh:sent:null', 'fresh:delivered:000']);
  });
});
