// The HTTP half of the status refresh, against the real sandbox on 127.0.0.1.
import * as assert from 'node:assert/strict';
import { PlivoClient } from '../../../src/core/client';
import { startSandbox, type SandboxServer } from '../../../src/sandbox';
import { clientLookup, type LookupOutcome, updateFromLookup } from '../../../src/sends/status/messageLookup';
import { refreshStatuses } from '../../../src/sends/status/refreshStatuses';
import { RequestPacer } from '../../../src/core/pacing/requestPacer';
import { systemClock } from '../../../src/core/pacing/clock';
import { waitFor } from '../../helpers/waitFor';

const NORMAL = ['14155550111', '14155550112'];
const FAILS_30 = '12015550130';
const UNDELIVERED_70 = '12015550170';

async function sendTo(client: PlivoClient, numbers: string[]): Promise<string[]> {
  const { body } = await client.sendMessage({ src: '14155550100', dst: numbers.join('<'), text: 'status test' });
  return body.message_uuid;
}

/** Refreshes until no outcome is queued/sent any more (bounded), returning the last outcomes. */
async function refreshUntilFinal(client: PlivoClient, uuids: string[]): Promise<Map<string, LookupOutcome>> {
  const outcomes = new Map<string, LookupOutcome>();
  return waitFor(async () => {
    await refreshStatuses(uuids, clientLookup(client), { pacer: new RequestPacer(systemClock), onResult: (uuid, o) => outcomes.set(uuid, o) });
    const pending = [...outcomes.values()].some((o) => o.kind === 'found' && ['queued', 'sent'].includes(o.message.message_state));
    return pending ? undefined : outcomes;
  }, 10_000, 'messages in a final state', 30);
}

describe('status refresh over HTTP (real sandbox)', function () {
  this.timeout(20_000);
  let sandbox: SandboxServer;
  let client: PlivoClient;

  before(async () => {
    sandbox = await startSandbox({ messagesPerSecond: 2000, timings: { sentAfterMs: 10, deliveredAfterMs: 40, slowDeliveredAfterMs: 400 } });
    const { authId, authToken } = sandbox.accounts[0];
    client = new PlivoClient({ authId, authToken, baseUrl: sandbox.baseUrl });
  });
  beforeEach(() => sandbox.reset());
  after(async () => {
    await client.close();
    await sandbox.close();
  });

  it('reads delivered, failed and undelivered with their error codes', async () => {
    const uuids = await sendTo(client, [...NORMAL, FAILS_30, UNDELIVERED_70]);
    const outcomes = await refreshUntilFinal(client, uuids);
    const updates = uuids.map((uuid) => updateFromLookup(outcomes.get(uuid)!, new Date()));
    assert.deepEqual(updates.map((u) => u?.state), ['delivered', 'delivered', 'failed', 'undelivered']);
    assert.deepEqual(updates.map((u) => u?.errorCode), ['000', '000', '30', '70']);
    assert.ok(updates.every((u) => u?.units === 1 && u.lookupError === undefined));
  });

  it('records an unknown UUID as not found and keeps going', async () => {
    const [real] = await sendTo(client, [NORMAL[0]]);
    const outcomes = new Map<string, LookupOutcome>();
    const missing = '00000000-0000-4000-8000-000000000000';
    const summary = await refreshStatuses([missing, real], clientLookup(client), { pacer: new RequestPacer(systemClock), onResult: (u, o) => outcomes.set(u, o) });
    assert.equal(summary.notFound, 1);
    assert.equal(summary.found, 1);
    assert.deepEqual(updateFromLookup(outcomes.get(missing)!, new Date()), { lookupError: 'not found (404)', lookupStatus: 404 });
  });

  it('waits out an injected 429 with Retry-After and still reads every UUID', async () => {
    const uuids = await sendTo(client, NORMAL);
    sandbox.injectFault({ kind: 'rate-limit', count: 1, method: 'GET', path: '/Message/', retryAfterSeconds: 1 });
    const started = Date.now();
    const summary = await refreshStatuses(uuids, clientLookup(client), { pacer: new RequestPacer(systemClock), concurrency: 1 });
    assert.equal(summary.rateLimitWaits, 1);
    assert.equal(summary.found, 2);
    assert.ok(Date.now() - started >= 950, 'waited about the second the server asked for');
  });

  it('recovers when the server’s own rate limit answers 429', async () => {
    // A sandbox that allows only 5 requests per 5 s, and a refresher told it may do far more.
    const strict = await startSandbox({ rateLimitPer5s: 5, messagesPerSecond: 2000, timings: { sentAfterMs: 10, deliveredAfterMs: 40 } });
    const { authId, authToken } = strict.accounts[0];
    const strictClient = new PlivoClient({ authId, authToken, baseUrl: strict.baseUrl });
    try {
      const uuids = await sendTo(strictClient, ['14155550121', '14155550122', '14155550123', '14155550124', '14155550125', '14155550126']);
      const summary = await refreshStatuses(uuids, clientLookup(strictClient), { pacer: new RequestPacer(systemClock, 1000, 5000), concurrency: 2 });
      assert.equal(summary.found, 6);
      assert.equal(summary.stopped, undefined);
      assert.ok(summary.rateLimitWaits >= 1, 'the server limited the burst');
      const limited = strict.requestLog().entries.filter((e) => e.status === 429).length;
      assert.equal(limited, summary.rateLimitWaits);
    } finally {
      await strictClient.close();
      await strict.close();
    }
  });

  it('stops after one refused request when the token is wrong, and never shows the token', async () => {
    const [uuid] = await sendTo(client, [NORMAL[0]]);
    const wrong = new PlivoClient({ authId: sandbox.accounts[0].authId, authToken: 'wrong-token-123456', baseUrl: sandbox.baseUrl });
    try {
      const summary = await refreshStatuses([uuid, uuid, uuid], clientLookup(wrong), { pacer: new RequestPacer(systemClock), concurrency: 1 });
      assert.equal(summary.stopped, 'unauthorized');
      assert.equal(summary.done, 0);
      assert.doesNotMatch(summary.stopDetail ?? '', /wrong-token-123456/);
    } finally {
      await wrong.close();
    }
  });
});
