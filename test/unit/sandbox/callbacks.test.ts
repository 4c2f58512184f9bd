import * as assert from 'node:assert/strict';
import * as plivo from 'plivo';
import { verifySignatureV2, verifySignatureV3, type SandboxServer } from '../../../src/sandbox';
import { send, startFast, startReceiver, waitFor, type Received } from './helpers';

const FIELDS = [
  'DeliveryReportTime', 'ErrorCode', 'From', 'MCC', 'MNC', 'MessageTime', 'MessageUUID', 'ParentMessageUUID',
  'PartInfo', 'PowerpackUUID', 'QueuedTime', 'Sequence', 'SentTime', 'Status', 'To', 'TotalAmount', 'TotalRate',
  'Type', 'Units',
];
const CALLBACK_TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d{6}$/;

function header(r: Received, name: string): string {
  return String(r.headers[name] ?? '');
}

describe('sandbox status callbacks', () => {
  let sandbox: SandboxServer;
  let token: string;
  before(async () => {
    sandbox = await startFast();
    token = sandbox.accounts[0].authToken;
  });
  after(() => sandbox.close());

  it('POSTs every state change as a signed form with every documented field', async () => {
    const receiver = await startReceiver();
    try {
      const url = `${receiver.url}/status/?tag=a&b=2`;
      const res = await send(sandbox, { dst: '14155551111', text: 'a'.repeat(200), url });
      const uuid = res.json.message_uuid[0];
      await waitFor(() => (receiver.received.length >= 3 ? true : undefined), 3000, 'three callbacks');
      const statuses = receiver.received.map((r) => r.params.Status).sort();
      assert.deepEqual(statuses, ['delivered', 'queued', 'sent']);
      for (const r of receiver.received) {
        assert.equal(r.method, 'POST');
        assert.equal(r.url, '/status/?tag=a&b=2');
        assert.equal(header(r, 'content-type'), 'application/x-www-form-urlencoded');
        assert.deepEqual(Object.keys(r.params).sort(), [...FIELDS].sort());
        assert.equal(r.params.MessageUUID, uuid);
        assert.equal(r.params.ParentMessageUUID, uuid);
        assert.equal(r.params.To, '14155551111');
        assert.equal(r.params.From, '14155550000');
        assert.equal(r.params.Type, 'sms');
        assert.equal(r.params.Units, '2');
        assert.equal(Number(r.params.TotalAmount), 2 * Number(r.params.TotalRate));
        assert.match(r.params.MessageTime, CALLBACK_TIME);
        assert.match(r.params.QueuedTime, CALLBACK_TIME);
        // Both signature versions verify, with our verifier and with the official SDK's.
        const v2Nonce = header(r, 'x-plivo-signature-v2-nonce');
        const v3Nonce = header(r, 'x-plivo-signature-v3-nonce');
        assert.match(v2Nonce, /^\d{20}$/);
        assert.ok(verifySignatureV2(token, url, v2Nonce, header(r, 'x-plivo-signature-v2')));
        assert.ok(verifySignatureV3(token, 'POST', url, r.params, v3Nonce, header(r, 'x-plivo-signature-v3')));
        assert.ok(plivo.validateV3Signature('POST', url, v3Nonce, token, header(r, 'x-plivo-signature-v3'), r.params));
        assert.ok(plivo.validateSignature(url, v2Nonce, header(r, 'x-plivo-signature-v2'), token));
        assert.equal(verifySignatureV3('not-the-token', 'POST', url, r.params, v3Nonce, header(r, 'x-plivo-signature-v3')), false);
      }
      const delivered = receiver.received.find((r) => r.params.Status === 'delivered') as Received;
      assert.equal(delivered.params.ErrorCode, '000');
      assert.match(delivered.params.SentTime, CALLBACK_TIME);
      assert.match(delivered.params.DeliveryReportTime, CALLBACK_TIME);
      const queued = receiver.received.find((r) => r.params.Status === 'queued') as Received;
      assert.equal(queued.params.SentTime, '');
      assert.equal(queued.params.Sequence, '1');
    } finally {
      await receiver.close();
    }
  });

  it('uses GET with query parameters when method=GET; signatures cover the merged query', async () => {
    const receiver = await startReceiver();
    try {
      const url = `${receiver.url}/cb?z=1`;
      await send(sandbox, { dst: '+12015550132', url, method: 'GET' });
      await waitFor(() => (receiver.received.some((r) => r.params.Status === 'failed') ? true : undefined), 3000, 'failed callback');
      for (const r of receiver.received) {
        assert.equal(r.method, 'GET');
        assert.equal(r.params.z, '1');
        const fullUrl = receiver.url + r.url;
        const nonce = header(r, 'x-plivo-signature-v3-nonce');
        assert.ok(verifySignatureV3(token, 'GET', fullUrl, {}, nonce, header(r, 'x-plivo-signature-v3')));
        assert.ok(plivo.validateV3Signature('GET', fullUrl, nonce, token, header(r, 'x-plivo-signature-v3'), {}));
        assert.ok(verifySignatureV2(token, url, header(r, 'x-plivo-signature-v2-nonce'), header(r, 'x-plivo-signature-v2')));
      }
      const failed = receiver.received.find((r) => r.params.Status === 'failed') as Received;
      assert.equal(failed.params.ErrorCode, '30');
    } finally {
      await receiver.close();
    }
  });

  it('retries a failing receiver with growing delays, then succeeds', async () => {
    // Answers 500 to the first two attempts of each callback, 200 to the third.
    const attempts = new Map<string, number>();
    let received: Received[] = [];
    const receiver = await startReceiver();
    receiver.server.removeAllListeners('request');
    receiver.server.on('request', (req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const params = Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString()));
        if (params.Status !== 'queued') return res.end();
        received = [...received, { method: 'POST', url: req.url ?? '', headers: req.headers, params, time: Date.now() }];
        const n = (attempts.get(params.Status) ?? 0) + 1;
        attempts.set(params.Status, n);
        res.statusCode = n < 3 ? 500 : 200;
        res.end();
      });
    });
    try {
      await send(sandbox, { dst: '14155551111', url: `${receiver.url}/cb` });
      const queuedAttempts = () => sandbox.callbackLog().filter((a) => a.messageStatus === 'queued' && a.url === `${receiver.url}/cb`);
      // The sandbox logs each attempt with whether it will retry: after one that will not, none is pending.
      await waitFor(() => (queuedAttempts().some((a) => !a.willRetry) ? true : undefined), 3000, 'an attempt that is not retried');
      assert.equal(received.length, 3, 'no attempt after the success');
      const gaps = [received[1].time - received[0].time, received[2].time - received[1].time];
      // FAST policy: 30 ms, then 60 ms.
      assert.ok(gaps[0] >= 25, `first gap ${gaps[0]}`);
      assert.ok(gaps[1] >= 55, `second gap ${gaps[1]}`);
      // A fresh nonce and signature per attempt.
      assert.notEqual(received[0].headers['x-plivo-signature-v3-nonce'], received[1].headers['x-plivo-signature-v3-nonce']);
      const log = sandbox.callbackLog().filter((a) => a.messageStatus === 'queued' && a.url === `${receiver.url}/cb`);
      assert.deepEqual(log.map((a) => [a.attempt, a.responseStatus, a.willRetry]), [[1, 500, true], [2, 500, true], [3, 200, false]]);
    } finally {
      await receiver.close();
    }
  });

  it('gives up after the configured retries', async () => {
    const receiver = await startReceiver(() => 503);
    try {
      await send(sandbox, { dst: '+12015550190', url: `${receiver.url}/down` });
      // queued and sent callbacks, each tried 1 + 2 times.
      // The sandbox logs each attempt with whether it will retry: once both statuses' last attempt says no, none is pending.
      const finalAttempts = () => sandbox.callbackLog().filter((a) => a.url === `${receiver.url}/down` && !a.willRetry);
      await waitFor(() => (finalAttempts().length >= 2 ? true : undefined), 3000, 'both callbacks given up');
      assert.deepEqual(finalAttempts().map((a) => a.attempt), [3, 3]);
      assert.equal(receiver.received.length, 6);
    } finally {
      await receiver.close();
    }
  });

  it('a receiver that never answers does not slow the API', async () => {
    const receiver = await startReceiver();
    receiver.server.removeAllListeners('request');
    receiver.server.on('request', () => undefined);
    try {
      const url = `${receiver.url}/hang`;
      const started = Date.now();
      for (let i = 0; i < 20; i++) assert.equal((await send(sandbox, { dst: '14155551111', url })).status, 202);
      assert.ok(Date.now() - started < 1000, `20 sends took ${Date.now() - started} ms`);
    } finally {
      await receiver.close();
    }
  });
});
