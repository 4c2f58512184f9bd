// The receiver over real loopback HTTP: it answers at once, hands on what it read, refuses what is
// not a callback, and takes another port when the last one is in use.
import * as assert from 'node:assert/strict';
import { CallbackReceiver, type ReceivedRequest } from '../../../src/callbacks/callbackReceiver';

describe('callback receiver (127.0.0.1)', () => {
  const receivers: CallbackReceiver[] = [];
  const open = (received: ReceivedRequest[], port = 0) => {
    const receiver = new CallbackReceiver((request) => received.push(request), port);
    receivers.push(receiver);
    return receiver;
  };
  afterEach(async () => {
    for (const receiver of receivers.splice(0)) await receiver.close();
  });

  it('listens on 127.0.0.1 on first use, answers 200 and hands on the POST as read', async () => {
    const received: ReceivedRequest[] = [];
    const receiver = open(received);
    assert.equal(await receiver.current(), undefined, 'nothing listens before first use');
    const { url } = await receiver.ensureStarted();
    assert.match(url, /^http:\/\/127\.0\.0\.1:\d+\/plivo\/status$/);
    assert.deepEqual(await receiver.ensureStarted(), await receiver.current());
    const response = await fetch(`${url}?tag=1`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', 'X-Plivo-Signature-V3': 'abc' }, body: 'Status=sent&To=1' });
    assert.equal(response.status, 200);
    assert.equal(received.length, 1);
    assert.equal(received[0].method, 'POST');
    assert.equal(received[0].target, '/plivo/status?tag=1');
    assert.equal(received[0].headers['x-plivo-signature-v3'], 'abc');
    assert.equal(received[0].body, 'Status=sent&To=1');
  });

  it('refuses other methods and bodies over 64 KiB, handing on nothing', async () => {
    const received: ReceivedRequest[] = [];
    const { url } = await open(received).ensureStarted();
    assert.equal((await fetch(url, { method: 'PUT', body: 'x' })).status, 405);
    assert.equal((await fetch(url, { method: 'POST', body: 'x'.repeat(70 * 1024) })).status, 413);
    assert.equal(received.length, 0);
  });

  it('takes the last session\u2019s port again, or another one when it is in use', async () => {
    const first = await open([]).ensureStarted();
    const second = await open([], first.port).ensureStarted();
    assert.notEqual(second.port, first.port);
    await receivers[0].close();
    const third = await open([], first.port).ensureStarted();
    assert.equal(third.port, first.port);
  });
});
