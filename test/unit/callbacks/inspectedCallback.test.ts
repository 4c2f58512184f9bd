// Reading a received request: the URL that was signed (directly, or through a tunnel), the fields,
// what the view shows, and how a callback moves a stored destination.
import * as assert from 'node:assert/strict';
import { describeCallback, detailRows } from '../../../src/callbacks/callbackItemView';
import { deliveryUpdate } from '../../../src/callbacks/deliveryUpdate';
import { inspect, rawDocument, signedUrlOf } from '../../../src/callbacks/inspectedCallback';
import { toDeliveryState } from '../../../src/sends/status/messageLookup';

const received = (headers: Record<string, string>, target = '/plivo/status', body = '') => ({ receivedAt: new Date('2026-12-03T12:00:00.000Z'), method: 'POST', target, headers, body });

describe('inspected callbacks', () => {
  it('takes the signed URL from the Host, or from a tunnel\u2019s forwarded headers', () => {
    assert.equal(signedUrlOf(received({ host: '127.0.0.1:43210' })), 'http://127.0.0.1:43210/plivo/status');
    assert.equal(signedUrlOf(received({ host: 'abc.ngrok-free.app', 'x-forwarded-proto': 'https' })), 'https://abc.ngrok-free.app/plivo/status');
    assert.equal(signedUrlOf(received({ host: '127.0.0.1:43210', 'x-forwarded-host': 'abc.trycloudflare.com', 'x-forwarded-proto': 'https' })), 'https://abc.trycloudflare.com/plivo/status');
    // A tunnel that rewrote the Host to this machine: the pasted public URL says where it was sent.
    assert.equal(signedUrlOf(received({ host: 'localhost:43210', 'x-forwarded-for': '3.4.5.6' }), 'https://abc.ngrok-free.app/plivo/status'), 'https://abc.ngrok-free.app/plivo/status');
  });

  it('reads the documented fields, and keeps no credential header', () => {
    const body = 'MessageUUID=u1&To=12015550131&Status=failed&ErrorCode=30&Units=2&TotalAmount=0.01000&TotalRate=0.00500';
    const callback = { ...inspect(7, received({ host: '127.0.0.1:1', authorization: 'Basic c2VjcmV0', cookie: 'a=b' }, '/plivo/status', body)), verification: { v2: { ok: true }, v3: { ok: false, reason: 'does not match' } }, forwards: [], destination: '+12015550131', sendId: 's1' };
    assert.equal(callback.status, 'failed');
    assert.equal(callback.units, '2');
    assert.deepEqual(callback.request.bodyParams.ErrorCode, ['30']);
    assert.equal(callback.request.headers.authorization, undefined);
    assert.doesNotMatch(rawDocument(callback), /c2VjcmV0|cookie/);
    const rows = detailRows(callback);
    assert.deepEqual(rows.map((r) => `${r.label}: ${r.description}`), [
      'MessageUUID: u1 → +12015550131',
      'Status: failed',
      'ErrorCode: 30 (spam detected)',
      'Units: 2 · Amount 0.01000 (rate 0.00500)',
      'V2 signature: ✓',
      'V3 signature: ✗ does not match',
    ]);
    assert.equal(rows[0].reveals, true);
    assert.match(describeCallback(callback).description, /V2 ✓ V3 ✗$/);
  });

  it('moves a destination forward only: a late "sent" after "delivered" changes nothing', () => {
    const at = { errorCode: '', units: '1', receivedAt: '2026-12-03T12:00:00.000Z' };
    assert.equal(deliveryUpdate({ number: '+1', state: 'delivered' }, { ...at, status: 'sent' }, toDeliveryState), undefined);
    assert.deepEqual(deliveryUpdate({ number: '+1', state: 'sent' }, { ...at, status: 'failed', errorCode: '30' }, toDeliveryState), { state: 'failed', errorCode: '30', units: 1, updatedAt: at.receivedAt, lookupError: undefined, lookupStatus: undefined });
    assert.equal(deliveryUpdate({ number: '+1', state: 'queued' }, { ...at, status: 'bogus' }, toDeliveryState), undefined);
  });
});
