// The inspector end to end without VS Code: the real sandbox posts signed callbacks to the real
// receiver; the inspector verifies them, moves the send's destinations on in a real send store,
// and forwards them to a handler whose check is the official SDK's validateV3Signature.
import * as assert from 'node:assert/strict';
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as plivo from 'plivo';
import { CallbackInspector } from '../../../src/callbacks/callbackInspector';
import { CallbackReceiver } from '../../../src/callbacks/callbackReceiver';
import { CallbackForwarder } from '../../../src/callbacks/forwardCallback';
import { signatureHeaders } from '../../../src/core/signatures/plivoSignatures';
import type { SandboxServer } from '../../../src/sandbox';
import { SendStore } from '../../../src/sends/sendStore';
import { waitFor } from '../../helpers/waitFor';
import { send as sandboxSend, startFast, startReceiver } from '../sandbox/helpers';
import { batch, send } from '../sends/builders';

const DELIVERS = '12015550111';
const FAILS_30 = '12015550131';

describe('callback inspector (real sandbox, receiver and send store)', function () {
  this.timeout(20_000);
  let sandbox: SandboxServer;
  let dir: string;
  let store: SendStore;
  let receiver: CallbackReceiver;
  let inspector: CallbackInspector;
  let forwarder: CallbackForwarder;
  let token: string | undefined;

  beforeEach(async () => {
    sandbox = await startFast();
    token = sandbox.accounts[0].authToken;
    dir = await fs.mkdtemp(path.join(tmpdir(), 'callbacks-'));
    store = new SendStore({ dir, pollMs: 0, watch: false });
    await store.ready;
    forwarder = new CallbackForwarder();
    inspector = new CallbackInspector({ history: store, forwarder, tokens: { tokenFor: async () => ({ token, label: 'Local sandbox' }) } });
    receiver = new CallbackReceiver((request) => inspector.receive(request));
  });
  afterEach(async () => {
    await receiver.close();
    await forwarder.close();
    await store.flush();
    store.dispose();
    await sandbox.close();
    await fs.rm(dir, { recursive: true, force: true });
  });

  /** A send to the sandbox with the inspector URL, recorded as the send service records it. */
  async function sendWithInspector(numbers: string[]) {
    const { url } = await receiver.ensureStarted();
    const response = await sandboxSend(sandbox, { src: '14155550100', dst: numbers.join('<'), text: 'inspect me', url });
    const uuids = response.json.message_uuid as string[];
    const record = send({ batches: [batch(0, numbers.map((n, i) => ({ number: `+${n}`, uuid: uuids[i], result: 'accepted' as const, state: 'queued' as const })))] });
    await store.add(record);
    return { record, uuids, url };
  }

  const stateOf = (sendId: string, uuid: string) => store.get(sendId)?.batches[0].destinations.find((d) => d.uuid === uuid);

  it('shows delivered and failed with both signatures valid, and moves the send on', async () => {
    const { record, uuids } = await sendWithInspector([DELIVERS, FAILS_30]);
    await waitFor(() => (inspector.list().filter((c) => c.status === 'delivered' || c.status === 'failed').length === 2 ? true : undefined), 5000, 'final callbacks');
    await inspector.settled();
    for (const callback of inspector.list()) {
      assert.deepEqual(callback.verification, { v2: { ok: true }, v3: { ok: true } }, `${callback.status} of ${callback.to}`);
      assert.equal(callback.sendId, record.id);
    }
    const failed = inspector.list().find((c) => c.status === 'failed');
    assert.equal(failed?.errorCode, '30');
    assert.equal(failed?.destination, `+${FAILS_30}`);
    assert.equal(stateOf(record.id, uuids[0])?.state, 'delivered');
    assert.equal(stateOf(record.id, uuids[1])?.state, 'failed');
    assert.equal(stateOf(record.id, uuids[1])?.errorCode, '30');
    // The update was written to the send's file, as a status refresh writes it.
    const reread = new SendStore({ dir, pollMs: 0, watch: false });
    await reread.ready;
    assert.equal(reread.get(record.id)?.batches[0].destinations[1].state, 'failed');
    reread.dispose();
  });

  it('marks a tampered callback ✗ and does not let it change the send', async () => {
    const { record, uuids, url } = await sendWithInspector([FAILS_30]);
    await waitFor(() => inspector.list().find((c) => c.status === 'failed'), 5000, 'the failed callback');
    await inspector.settled();
    // Signed for other fields, then the Status changed on the way.
    const signedFor = { MessageUUID: uuids[0], To: FAILS_30, Status: 'failed', ErrorCode: '30' };
    const body = new URLSearchParams({ ...signedFor, Status: 'delivered', ErrorCode: '000' }).toString();
    const response = await fetch(url, { method: 'POST', headers: { ...signatureHeaders(sandbox.accounts[0].authToken, 'POST', url, signedFor), 'content-type': 'application/x-www-form-urlencoded' }, body });
    assert.equal(response.status, 200);
    const tampered = await waitFor(() => inspector.list().find((c) => c.status === 'delivered'), 3000, 'the tampered callback');
    await inspector.settled();
    assert.deepEqual(tampered.verification.v2, { ok: true });
    assert.equal(tampered.verification.v3.ok, false);
    assert.match(tampered.verification.v3.reason ?? '', /field changed/);
    assert.equal(stateOf(record.id, uuids[0])?.state, 'failed', 'a forged callback never moves the send');
  });

  it('with a wrong token every callback is ✗ and the send is left alone', async () => {
    token = 'NOTTHESANDBOXTOKEN';
    const { record, uuids } = await sendWithInspector([DELIVERS]);
    await waitFor(() => inspector.list().find((c) => c.status === 'delivered'), 5000, 'the delivered callback');
    await inspector.settled();
    assert.ok(inspector.list().every((c) => !c.verification.v2.ok && !c.verification.v3.ok));
    assert.equal(stateOf(record.id, uuids[0])?.state, 'queued');
  });

  it('forwards re-signed for the handler URL, and replays one callback again, both accepted by plivo.validateV3Signature', async () => {
    const handler = await startReceiver();
    try {
      const target = `${handler.url}/plivo/status?app=1`;
      inspector.setForwardTarget(target);
      await sendWithInspector([DELIVERS, FAILS_30]);
      await waitFor(() => (handler.received.filter((r) => r.params.Status === 'delivered' || r.params.Status === 'failed').length === 2 ? true : undefined), 5000, 'forwarded final callbacks');
      const authToken = sandbox.accounts[0].authToken;
      const accepted = (r: (typeof handler.received)[number]) =>
        plivo.validateV3Signature(r.method, `${handler.url}${r.url}`, String(r.headers['x-plivo-signature-v3-nonce']), authToken, String(r.headers['x-plivo-signature-v3']), r.params);
      for (const r of handler.received) assert.ok(accepted(r), `forwarded ${r.params.Status} passes the SDK's check`);
      assert.deepEqual([...new Set(handler.received.map((r) => r.url))], ['/plivo/status?app=1']);

      inspector.setForwardTarget(undefined);
      const failed = inspector.list().find((c) => c.status === 'failed');
      assert.ok(failed);
      const before = handler.received.length;
      assert.equal(await inspector.replay(failed, target), true);
      assert.equal(handler.received.length, before + 1);
      const replayed = handler.received[handler.received.length - 1];
      assert.equal(replayed.params.Status, 'failed');
      assert.equal(replayed.params.ErrorCode, '30');
      assert.ok(accepted(replayed));
      assert.deepEqual(failed.forwards.map((f) => f.status), [200, 200]);
    } finally {
      await handler.close();
    }
  });

  it('verifies and forwards a GET callback (fields in the query), re-signed as a GET', async () => {
    const handler = await startReceiver();
    try {
      inspector.setForwardTarget(`${handler.url}/hook`);
      const { url } = await receiver.ensureStarted();
      const response = await sandboxSend(sandbox, { src: '14155550100', dst: FAILS_30, text: 'get me', url, method: 'GET' });
      const uuid = (response.json.message_uuid as string[])[0];
      const failed = await waitFor(() => inspector.list().find((c) => c.status === 'failed'), 5000, 'the failed GET callback');
      assert.equal(failed.request.method, 'GET');
      assert.equal(failed.messageUuid, uuid);
      assert.deepEqual(failed.verification, { v2: { ok: true }, v3: { ok: true } });
      const forwarded = await waitFor(() => handler.received.find((r) => r.params.Status === 'failed'), 5000, 'the forwarded GET');
      assert.equal(forwarded.method, 'GET');
      assert.equal(forwarded.params.ErrorCode, '30');
      const nonce = String(forwarded.headers['x-plivo-signature-v3-nonce']);
      assert.ok(plivo.validateV3Signature('GET', `${handler.url}${forwarded.url}`, nonce, sandbox.accounts[0].authToken, String(forwarded.headers['x-plivo-signature-v3']), {}));
    } finally {
      await handler.close();
    }
  });

  it('records a handler that cannot be reached as a failed forward', async () => {
    const handler = await startReceiver();
    const target = `${handler.url}/gone`;
    await handler.close();
    inspector.setForwardTarget(target);
    await sendWithInspector([DELIVERS]);
    const callback = await waitFor(() => inspector.list().find((c) => c.forwards.length > 0), 5000, 'a forward attempt');
    assert.equal(callback.forwards[0].status, 0);
    assert.ok(callback.forwards[0].error);
  });
});
