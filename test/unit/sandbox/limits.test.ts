import * as assert from 'node:assert/strict';
import { request } from 'node:http';
import type { SandboxServer } from '../../../src/sandbox';
import { accountPath, basic, call, send, startFast } from './helpers';

describe('sandbox limits', () => {
  describe('rate limit', () => {
    let sandbox: SandboxServer;
    before(async () => {
      sandbox = await startFast({ rateLimitPer5s: 5, accounts: [{}, {}] });
    });
    after(() => sandbox.close());

    it('answers 429 with Retry-After once an account used its requests for the 5 s window', async () => {
      for (let i = 0; i < 5; i++) assert.equal((await call(sandbox, 'GET', accountPath(sandbox))).status, 200);
      const limited = await call(sandbox, 'GET', accountPath(sandbox, 'Message/'));
      assert.equal(limited.status, 429);
      assert.equal(limited.json.error, 'too many requests');
      const retryAfter = Number(limited.headers['retry-after']);
      assert.ok(retryAfter >= 1 && retryAfter <= 5, `Retry-After ${retryAfter}`);
      // POSTs count against the same window and are refused without queuing anything.
      assert.equal((await send(sandbox, { dst: '14155551111' })).status, 429);
      assert.equal(sandbox.messageCount(), 0);
    });

    it('counts per account', async () => {
      const other = sandbox.accounts[1];
      const res = await call(sandbox, 'GET', `/v1/Account/${other.authId}/`, { auth: basic(other.authId, other.authToken) });
      assert.equal(res.status, 200);
    });

    it('the window frees up after reset', async () => {
      sandbox.reset();
      assert.equal((await call(sandbox, 'GET', accountPath(sandbox))).status, 200);
    });
  });

  describe('body size cap', () => {
    let sandbox: SandboxServer;
    before(async () => {
      sandbox = await startFast({ maxBodyBytes: 2048 });
    });
    after(() => sandbox.close());

    it('413 for a body over the cap (with Content-Length), and the connection stays usable', async () => {
      const big = await send(sandbox, { dst: '14155551111', text: 'a'.repeat(3000) });
      assert.equal(big.status, 413);
      assert.equal(typeof big.json.error, 'string');
      assert.equal((await send(sandbox, { dst: '14155551111' })).status, 202);
    });

    it('413 even for a body far over the cap, which is not read at all', async () => {
      const huge = await send(sandbox, { dst: '14155551111', text: 'a'.repeat(100_000) });
      assert.equal(huge.status, 413);
      assert.equal((await send(sandbox, { dst: '14155551111' })).status, 202);
    });

    it('413 for a chunked body that grows past the cap', async () => {
      const account = sandbox.accounts[0];
      const status = await new Promise<number>((resolve, reject) => {
        const req = request(`${sandbox.baseUrl}${accountPath(sandbox, 'Message/')}`, {
          method: 'POST',
          headers: { authorization: basic(account.authId, account.authToken), 'content-type': 'application/json', 'transfer-encoding': 'chunked' },
        });
        req.on('response', (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        });
        req.on('error', reject);
        for (let i = 0; i < 10; i++) req.write('x'.repeat(500));
        req.end();
      });
      assert.equal(status, 413);
    });
  });

  describe('bounded store', () => {
    let sandbox: SandboxServer;
    before(async () => {
      sandbox = await startFast({ maxMessages: 5 });
    });
    after(() => sandbox.close());

    it('evicts the oldest messages beyond its size', async () => {
      const numbers = Array.from({ length: 8 }, (_, i) => `1415555${5000 + i}`).join('<');
      const uuids: string[] = (await send(sandbox, { dst: numbers })).json.message_uuid;
      assert.equal(sandbox.messageCount(), 5);
      for (const uuid of uuids.slice(0, 3)) assert.equal((await call(sandbox, 'GET', accountPath(sandbox, `Message/${uuid}/`))).status, 404);
      for (const uuid of uuids.slice(3)) assert.equal((await call(sandbox, 'GET', accountPath(sandbox, `Message/${uuid}/`))).status, 200);
      const list = await call(sandbox, 'GET', accountPath(sandbox, 'Message/'));
      assert.equal(list.json.meta.total_count, 5);
      assert.deepEqual(list.json.objects.map((o: { message_uuid: string }) => o.message_uuid), uuids.slice(3).reverse());
    });
  });
});
