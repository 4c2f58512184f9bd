import * as assert from 'node:assert/strict';
import { MessageStore, type StoredMessage } from '../../../src/sandbox/messageStore';
import { RateLimiter } from '../../../src/sandbox/rateLimiter';

function message(to: string): StoredMessage {
  return {
    uuid: '', authId: 'MA', from: '1', to, type: 'sms', units: 1, country: 'US', powerpackId: null, state: 'queued',
    errorCode: null, queuedAt: 0, sentAt: undefined, updatedAt: 0, expiresAt: 0, callbackUrl: undefined,
    callbackMethod: 'POST', outcome: { kind: 'deliver' }, callbackCount: 0, evicted: false,
      direction: 'outbound', text: 'hi', encoding: 'GSM-7', timeline: [], callbackAttempts: [],
  };
}

describe('sandbox message store', () => {
  it('gives each message a distinct v4 UUID and finds it again', () => {
    const store = new MessageStore(10);
    const added = Array.from({ length: 10 }, (_, i) => {
      const m = message(String(i));
      store.add(m);
      return m;
    });
    const uuids = new Set(added.map((m) => m.uuid));
    assert.equal(uuids.size, 10);
    for (const m of added) {
      assert.match(m.uuid, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      assert.equal(store.get(m.uuid), m);
    }
  });

  it('evicts oldest first, marks evicted messages, and lists newest first', () => {
    let evictions = 0;
    const store = new MessageStore(3, () => evictions++);
    const added = ['a', 'b', 'c', 'd', 'e'].map((to) => {
      const m = message(to);
      store.add(m);
      return m;
    });
    assert.equal(store.size, 3);
    assert.equal(evictions, 2);
    assert.deepEqual(added.map((m) => m.evicted), [true, true, false, false, false]);
    assert.equal(store.get(added[0].uuid), undefined);
    assert.deepEqual([...store.newestFirst()].map((m) => m.to), ['e', 'd', 'c']);
  });

  it('rejects look-alike, malformed and pre-reset UUIDs', () => {
    const store = new MessageStore(5);
    const m = message('a');
    store.add(m);
    const forged = '00000000-0000-4000-8000-' + m.uuid.slice(24);
    assert.equal(store.get(forged), undefined);
    assert.equal(store.get('not-a-uuid'), undefined);
    assert.equal(store.get('zzzzzzzz-zzzz-4zzz-8zzz-zzzzzzzzzzzz'), undefined);
    store.clear();
    assert.equal(store.get(m.uuid), undefined);
    assert.equal(m.evicted, true);
    const next = message('b');
    store.add(next);
    assert.equal(store.get(next.uuid), next);
    assert.equal(store.size, 1);
  });
});

describe('sandbox rate limiter', () => {
  it('allows `limit` requests per 5 s window per account and says when to retry', () => {
    const limiter = new RateLimiter(3);
    assert.deepEqual([0, 100, 200].map((t) => limiter.take('A', t)), [0, 0, 0]);
    assert.equal(limiter.take('A', 300), 5);
    assert.equal(limiter.take('B', 300), 0);
    assert.equal(limiter.take('A', 4200), 1);
    assert.equal(limiter.take('A', 5000), 0);
    assert.equal(limiter.take('A', 5050), 1);
  });
});
