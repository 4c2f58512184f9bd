import * as assert from 'node:assert/strict';
import type { SandboxServer } from '../../../src/sandbox';
import { InboxModel, type ModelChange } from '../../../src/sandboxView/inboxModel';
import { SandboxApi } from '../../../src/sandboxView/sandboxApi';
import { messageDescription, messageDetails, phoneDescription } from '../../../src/sandboxView/treeNodes';
import { call, send, startFast, waitFor } from '../sandbox/helpers';

describe('Sandbox view model against a real sandbox (event stream, pages)', function () {
  this.timeout(20_000);
  let sandbox: SandboxServer;
  let api: SandboxApi;
  let model: InboxModel;
  const changes: ModelChange[] = [];
  const following = new AbortController();

  before(async () => {
    sandbox = await startFast({ timings: { sentAfterMs: 60_000 } });
    const { authId, authToken } = sandbox.accounts[0];
    api = new SandboxApi({ baseUrl: sandbox.baseUrl, authId, authToken });
    model = new InboxModel(() => api, (change) => changes.push(change));
    let opened!: () => void;
    const open = new Promise<void>((resolve) => (opened = resolve));
    void api.follow((event) => model.apply(event), () => void model.reload().then(opened), following.signal);
    await open;
  });
  after(async () => {
    following.abort();
    await api.close();
    await sandbox.close();
  });

  it('a new phone appears at the top with its message, live; a newer message moves its phone up', async () => {
    await send(sandbox, { dst: '14155551111', text: 'first' });
    await waitFor(() => (model.phones[0]?.phone.phone === '14155551111' ? true : undefined), 5000, 'the first phone');
    assert.ok(changes.includes(undefined), 'the phone list itself was repainted');
    await send(sandbox, { dst: '14155552222', text: 'second' });
    await waitFor(() => (model.phones[0]?.phone.phone === '14155552222' ? true : undefined), 5000, 'the second phone on top');
    const first = model.phones[1];
    assert.deepEqual((await model.loadMessages(first)).map((m) => m.text), ['first']);
    await send(sandbox, { dst: '14155551111', text: 'third' });
    await waitFor(() => (model.phones[0] === first && first.messages?.[0]?.text === 'third' ? true : undefined), 5000, 'the first phone back on top');
    assert.equal(first.phone.messages, 2);
    assert.match(phoneDescription(first), /^2 messages · third/);
  });

  it('a state change from the API reaches the loaded message; the rows say what a phone shows', async () => {
    const entry = model.phones[0];
    const uuid = entry.messages?.[0]?.uuid as string;
    await api.steer(uuid, 'fail', '30');
    const failed = await waitFor(() => (entry.messages?.[0]?.state === 'failed' ? entry.messages[0] : undefined), 5000, 'the failed state');
    assert.match(messageDescription(failed), /^failed · error 30 \(spam detected\) · 1 part GSM-7 · from \+14155550000 · \d\d:\d\d:\d\d$/);
    assert.deepEqual(messageDetails(failed).map((row) => row.label).slice(0, 5), ['third', '1 part, GSM-7', '+14155550000 → +14155551111', 'queued', 'failed · error 30 (spam detected)']);
  });

  it('search narrows the phones by number or text; clearing the sandbox empties the view', async () => {
    model.search = 'second';
    await model.reload();
    assert.deepEqual(model.phones.map((p) => p.phone.phone), ['14155552222']);
    model.search = '';
    await model.reload();
    await call(sandbox, 'DELETE', '/__sandbox/messages');
    await waitFor(() => (model.phones.length === 0 ? true : undefined), 5000, 'the cleared view');
  });
});
