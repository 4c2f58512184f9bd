import * as assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { createServer } from 'node:net';
import { startSandbox } from '../../../src/sandbox';
import { accountPath, basic, call, send, startFast, startReceiver, waitFor } from './helpers';

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

describe('sandbox server lifecycle', () => {
  it('listens on 127.0.0.1, reports the ephemeral port, and builds SDK URLs', async () => {
    const sandbox = await startSandbox();
    try {
      assert.ok(sandbox.port > 0);
      assert.equal(sandbox.baseUrl, `http://127.0.0.1:${sandbox.port}`);
      assert.equal(sandbox.accountUrl(), `${sandbox.baseUrl}/v1/Account/${sandbox.accounts[0].authId}`);
      assert.equal((await call(sandbox, 'GET', accountPath(sandbox))).status, 200);
    } finally {
      await sandbox.close();
    }
  });

  it('uses a given port and credentials; a taken port is an error', async () => {
    const port = await freePort();
    const sandbox = await startSandbox({ port, accounts: [{ authId: 'MAFIXEDID00000000000', authToken: 'fixed-token' }] });
    try {
      assert.equal(sandbox.port, port);
      assert.deepEqual(sandbox.accounts, [{ authId: 'MAFIXEDID00000000000', authToken: 'fixed-token' }]);
      await assert.rejects(startSandbox({ port }), /EADDRINUSE/);
    } finally {
      await sandbox.close();
    }
  });

  it('rejects nonsense options with the option’s name', async () => {
    await assert.rejects(startSandbox({ messagesPerSecond: 0 }), /messagesPerSecond/);
    await assert.rejects(startSandbox({ accounts: [{ authId: 'MA1' }, { authId: 'MA1' }] }), /distinct/);
  });

  it('logs one line per request, never the token', async () => {
    const lines: string[] = [];
    const sandbox = await startFast({ log: (line) => lines.push(line) });
    const token = sandbox.accounts[0].authToken;
    try {
      await send(sandbox, { dst: '14155551111', text: token });
      await call(sandbox, 'GET', accountPath(sandbox, `Message/?x=${token}`));
      await call(sandbox, 'GET', accountPath(sandbox), { auth: basic(sandbox.accounts[0].authId, 'wrong') });
      await waitFor(() => (lines.length >= 3 ? true : undefined), 3000, 'three log lines');
      assert.equal(lines.length, 3);
      assert.match(lines[0], /POST \/v1\/Account\/MA[A-Z0-9]{18}\/Message\/ 202 \d+\.\dms$/);
      assert.match(lines[2], / 401 /);
      for (const line of lines) assert.equal(line.includes(token), false, line);
    } finally {
      await sandbox.close();
    }
  });

  it('a log hook that throws does not break the sandbox', async () => {
    const sandbox = await startFast({
      log: () => {
        throw new Error('log sink is broken');
      },
    });
    try {
      assert.equal((await send(sandbox, { dst: '14155551111' })).status, 202);
      assert.equal((await call(sandbox, 'GET', accountPath(sandbox))).status, 200);
    } finally {
      await sandbox.close();
    }
  });

  it('close lets an in-flight request finish, then refuses new connections', async () => {
    const sandbox = await startFast();
    const account = sandbox.accounts[0];
    const body = JSON.stringify({ src: '14155550000', dst: '14155551111', text: 'in flight' });
    let closed: Promise<void> | undefined;
    const answered = new Promise<number>((resolve, reject) => {
      // With `expect: 100-continue` the server answers 100 once it has read the headers: from then on
      // the request is in flight, and the body is held back until close() has begun.
      const req = httpRequest(`${sandbox.baseUrl}${accountPath(sandbox, 'Message/')}`, {
        method: 'POST',
        headers: {
          authorization: basic(account.authId, account.authToken),
          'content-type': 'application/json',
          'content-length': String(body.length),
          expect: '100-continue',
        },
      });
      req.on('continue', () => {
        req.write(body.slice(0, 10));
        closed = sandbox.close();
        req.end(body.slice(10));
      });
      req.on('response', (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on('error', reject);
      req.flushHeaders();
    });
    assert.equal(await answered, 202);
    assert.ok(closed, 'close() began before the body was sent');
    await closed;
    await assert.rejects(call(sandbox, 'GET', accountPath(sandbox)), /ECONNREFUSED/);
  });

  it('close does not wait for requests told never to answer, and stops delivery and callbacks', async () => {
    const receiver = await startReceiver();
    const sandbox = await startFast({ timings: { sentAfterMs: 150 } });
    try {
      await send(sandbox, { dst: '14155551111', url: `${receiver.url}/cb` });
      sandbox.injectFault({ kind: 'no-response' });
      const account = sandbox.accounts[0];
      const hung = new Promise<string>((resolve) => {
        const req = httpRequest(`${sandbox.baseUrl}${accountPath(sandbox)}`, { headers: { authorization: basic(account.authId, account.authToken) } });
        req.on('response', () => resolve('answered'));
        req.on('error', () => resolve('cut'));
        req.end();
      });
      // The fault is used up once the server holds the request unanswered.
      await waitFor(async () => ((await call(sandbox, 'GET', '/__sandbox/faults')).json.faults.length === 0 ? true : undefined), 3000, 'the request to hang');
      const started = Date.now();
      await sandbox.close();
      assert.ok(Date.now() - started < 1500, `close took ${Date.now() - started} ms`);
      assert.equal(await hung, 'cut');
      await new Promise((r) => setTimeout(r, 300));
      // The message was due to be sent at 150 ms: no `sent` callback may arrive after close.
      assert.deepEqual(receiver.received.map((r) => r.params.Status).filter((s) => s !== 'queued'), []);
    } finally {
      await sandbox.close();
      await receiver.close();
    }
  });
});
