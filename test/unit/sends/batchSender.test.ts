import * as assert from 'node:assert/strict';
import { PlivoClient } from '../../../src/core/client';
import { emptyDraft, type ComposerDraft } from '../../../src/protocol/composerProtocol';
import { startSandbox, type SandboxServer } from '../../../src/sandbox';
import { sendBatches } from '../../../src/sends/batchSender';

const POST_MESSAGE = 'POST /v1/Account/{auth_id}/Message/';
const draft: ComposerDraft = { ...emptyDraft, sender: { kind: 'src', value: '14155550100' }, text: 'Your code is 1234' };
const profile = { id: 'local-sandbox', name: 'Local sandbox', isSandbox: true };

/** Distinct valid US numbers in E.164. */
function numbers(count: number): string[] {
  return Array.from({ length: count }, (_, i) => `+1415${2000000 + i}`);
}

describe('sendBatches against the sandbox', () => {
  let sandbox: SandboxServer;
  let client: PlivoClient;

  before(async () => {
    sandbox = await startSandbox({ rateLimitPer5s: 10_000 });
    const { authId, authToken } = sandbox.accounts[0];
    client = new PlivoClient({ authId, authToken, baseUrl: sandbox.baseUrl, timeouts: { headersMs: 2000, bodyMs: 2000 } });
  });
  afterEach(() => sandbox.reset());
  after(async () => {
    await client.close();
    await sandbox.close();
  });

  it('sends 2,500 numbers as three ordered batches and pairs every number with its UUID', async () => {
    const sent = numbers(2500);
    const record = await sendBatches(client, { draft, profile, numbers: sent, skippedInvalid: ['hello'] }, { isCancelled: () => false });
    assert.deepEqual(record.batches.map((b) => b.destinations.length), [1000, 1000, 500]);
    assert.equal(record.unsentBatches, 0);
    assert.deepEqual(record.batches.flatMap((b) => b.destinations.map((d) => d.number)), sent);
    const uuids = record.batches.flatMap((b) => b.destinations.map((d) => d.uuid));
    assert.equal(new Set(uuids).size, 2500);
    assert.equal(sandbox.requestLog().counts[POST_MESSAGE], 3);
    assert.deepEqual(record.skippedInvalid, ['hello']);
  });

  it('stops at a failed batch, never re-sends it, and counts the rest as unsent', async () => {
    sandbox.injectFault({ kind: 'server-error', method: 'POST', path: '/Message/', count: 1 });
    const record = await sendBatches(client, { draft, profile, numbers: numbers(2500), skippedInvalid: [] }, { isCancelled: () => false });
    assert.equal(record.batches.length, 1);
    assert.match(record.batches[0].failure?.title ?? '', /Server error \(500\)/);
    assert.match(record.batches[0].failure?.nextStep ?? '', /may have reached the server/);
    assert.equal(record.unsentBatches, 2);
    assert.equal(sandbox.requestLog().counts[POST_MESSAGE], 1);
  });

  it('cancellation between batches stops before the next POST', async () => {
    let started = 0;
    const record = await sendBatches(
      client,
      { draft, profile, numbers: numbers(2500), skippedInvalid: [] },
      { isCancelled: () => started >= 1, onBatchStart: () => void started++ },
    );
    assert.equal(record.batches.length, 1);
    assert.equal(record.unsentBatches, 2);
    assert.equal(sandbox.requestLog().counts[POST_MESSAGE], 1);
  });

  it('marks numbers the API refused and keeps UUIDs aligned with the accepted ones', async () => {
    // Country code 999 does not exist: the API refuses it and lists it in invalid_number.
    const refused = '+999123';
    const record = await sendBatches(client, { draft, profile, numbers: ['+14152000001', refused, '+14152000002'], skippedInvalid: [] }, { isCancelled: () => false });
    const [first, second, third] = record.batches[0].destinations;
    assert.equal(second.state, 'failed');
    assert.equal(second.uuid, undefined);
    assert.ok(first.uuid && third.uuid && first.uuid !== third.uuid);
    assert.deepEqual(record.batches[0].invalidNumbers, ['999123']);
  });
});
