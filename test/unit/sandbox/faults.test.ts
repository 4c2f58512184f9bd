import * as assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { request } from 'undici';
import type { SandboxServer } from '../../../src/sandbox';
import { accountPath, basic, call, send, startFast } from './helpers';

/** Queues a fault through the control API, as a user's test suite would. */
async function queueFault(sandbox: SandboxServer, spec: Record<string, unknown>): Promise<void> {
  const res = await call(sandbox, 'POST', '/__sandbox/faults', { body: spec });
  assert.equal(res.status, 201, res.text);
}

/** A raw node:http request that reports how it ended: a response, an error, or nothing before `timeoutMs`. */
function rawOutcome(sandbox: SandboxServer, path: string, timeoutMs: number): Promise<string> {
  const account = sandbox.accounts[0];
  return new Promise((resolve) => {
    const req = httpRequest(`${sandbox.baseUrl}${path}`, { headers: { authorization: basic(account.authId, account.authToken) }, agent: false });
    const timer = setTimeout(() => {
      req.destroy();
      resolve('timeout');
    }, timeoutMs);
    req.on('response', (res) => {
      res.resume();
      res.on('end', () => {
        clearTimeout(timer);
        resolve(`status ${res.statusCode}`);
      });
    });
    req.on('error', (err: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      resolve(`error ${err.code}`);
    });
    req.end();
  });
}

describe('sandbox fault injection and control API', () => {
  let sandbox: SandboxServer;
  before(async () => {
    sandbox = await startFast();
  });
  beforeEach(async () => {
    assert.equal((await call(sandbox, 'POST', '/__sandbox/reset')).status, 200);
  });
  after(() => sandbox.close());

  it('latency: delays the request, which is then handled normally', async () => {
    await queueFault(sandbox, { kind: 'latency', latencyMs: 300 });
    const started = Date.now();
    const res = await send(sandbox, { dst: '14155551111' });
    assert.equal(res.status, 202);
    assert.ok(Date.now() - started >= 290, `took ${Date.now() - started} ms`);
  });

  it('rate-limit: 429 with the given Retry-After', async () => {
    await queueFault(sandbox, { kind: 'rate-limit', retryAfterSeconds: 7 });
    const res = await send(sandbox, { dst: '14155551111' });
    assert.equal(res.status, 429);
    assert.equal(res.headers['retry-after'], '7');
    assert.equal(res.json.error, 'too many requests');
    assert.equal(sandbox.messageCount(), 0);
  });

  it('server-error: 500 in Plivo’s JSON error shape', async () => {
    await queueFault(sandbox, { kind: 'server-error' });
    const res = await send(sandbox, { dst: '14155551111' });
    assert.equal(res.status, 500);
    assert.deepEqual(Object.keys(res.json), ['api_id', 'error']);
  });

  it('unavailable-html: 503 with an HTML body', async () => {
    await queueFault(sandbox, { kind: 'unavailable-html' });
    const res = await call(sandbox, 'GET', accountPath(sandbox));
    assert.equal(res.status, 503);
    assert.equal(res.headers['content-type'], 'text/html');
    assert.match(res.text, /<html>/);
    assert.equal(res.json, undefined);
  });

  it('truncated-json: a complete response whose JSON stops halfway — and the send did happen', async () => {
    await queueFault(sandbox, { kind: 'truncated-json' });
    const res = await send(sandbox, { dst: '14155551111' });
    assert.equal(res.status, 202);
    assert.ok(res.text.startsWith('{"api_id":'));
    assert.throws(() => JSON.parse(res.text), SyntaxError);
    assert.equal(sandbox.messageCount(), 1);
  });

  it('connection-reset: the connection is cut without a response', async () => {
    await queueFault(sandbox, { kind: 'connection-reset' });
    assert.equal(await rawOutcome(sandbox, accountPath(sandbox), 2000), 'error ECONNRESET');
  });

  it('no-response: the request is never answered (the client’s timeout decides)', async () => {
    await queueFault(sandbox, { kind: 'no-response' });
    assert.equal(await rawOutcome(sandbox, accountPath(sandbox), 300), 'timeout');
    assert.equal(await rawOutcome(sandbox, accountPath(sandbox), 2000), 'status 200');
  });

  it('a fault applies to the next N matching requests only, honouring method and path', async () => {
    await queueFault(sandbox, { kind: 'server-error', count: 2, method: 'POST', path: '/Message/' });
    assert.equal((await call(sandbox, 'GET', accountPath(sandbox, 'Message/'))).status, 200);
    assert.equal((await send(sandbox, { dst: '14155551111' })).status, 500);
    assert.equal((await send(sandbox, { dst: '14155551111' })).status, 500);
    assert.equal((await send(sandbox, { dst: '14155551111' })).status, 202);
    assert.deepEqual((await call(sandbox, 'GET', '/__sandbox/faults')).json.faults, []);
  });

  it('skip lets that many matching requests through first, so a fault can hit a later batch', async () => {
    await queueFault(sandbox, { kind: 'server-error', skip: 2, method: 'POST' });
    assert.equal((await call(sandbox, 'GET', accountPath(sandbox, 'Message/'))).status, 200, 'a GET does not count');
    assert.equal((await send(sandbox, { dst: '14155551111' })).status, 202);
    assert.equal((await send(sandbox, { dst: '14155551112' })).status, 202);
    assert.equal((await send(sandbox, { dst: '14155551113' })).status, 500);
    assert.equal((await send(sandbox, { dst: '14155551114' })).status, 202);
  });

  it('rejects unknown fault kinds and lists / clears pending faults', async () => {
    const bad = await call(sandbox, 'POST', '/__sandbox/faults', { body: { kind: 'meteor' } });
    assert.equal(bad.status, 400);
    assert.match(bad.json.error, /kind must be one of/);
    await queueFault(sandbox, { kind: 'latency', count: 3 });
    const listed = (await call(sandbox, 'GET', '/__sandbox/faults')).json.faults;
    assert.equal(listed.length, 1);
    assert.equal(listed[0].remaining, 3);
    assert.equal((await call(sandbox, 'DELETE', '/__sandbox/faults')).status, 200);
    assert.deepEqual((await call(sandbox, 'GET', '/__sandbox/faults')).json.faults, []);
  });

  it('the programmatic API queues faults too', async () => {
    sandbox.injectFault({ kind: 'server-error' });
    assert.equal((await call(sandbox, 'GET', accountPath(sandbox))).status, 500);
  });

  it('request log: POSTs counted per route (faulted ones too), bodies kept with tokens redacted', async () => {
    const token = sandbox.accounts[0].authToken;
    await send(sandbox, { dst: '14155551111', note: token, auth_token: 'a-secret' });
    await queueFault(sandbox, { kind: 'server-error' });
    await send(sandbox, { dst: '14155552222' });
    await call(sandbox, 'GET', accountPath(sandbox, 'Message/'));
    await call(sandbox, 'GET', accountPath(sandbox, `Message/?token=${token}`));
    const log = (await call(sandbox, 'GET', '/__sandbox/requests')).json;
    assert.equal(log.counts['POST /v1/Account/{auth_id}/Message/'], 2);
    assert.equal(log.counts['GET /v1/Account/{auth_id}/Message/'], 2);
    assert.equal(log.total, 4);
    assert.deepEqual(log.entries.map((e: { status: number }) => e.status), [202, 500, 200, 200]);
    assert.equal(log.entries[1].fault, 'server-error');
    assert.match(log.entries[0].body, /14155551111/);
    assert.equal(log.entries[0].body.includes(token), false);
    assert.equal(log.entries[0].body.includes('a-secret'), false);
    assert.equal(JSON.stringify(log).includes(token), false);
  });

  it('reset forgets messages, faults and the log', async () => {
    await send(sandbox, { dst: '14155551111' });
    await queueFault(sandbox, { kind: 'server-error' });
    assert.equal((await call(sandbox, 'POST', '/__sandbox/reset')).status, 200);
    assert.equal(sandbox.messageCount(), 0);
    assert.equal((await call(sandbox, 'GET', accountPath(sandbox))).status, 200);
    assert.equal(sandbox.requestLog().total, 1);
  });

  it('control routes: 404 for unknown, 405 for wrong methods, status overview', async () => {
    assert.equal((await call(sandbox, 'GET', '/__sandbox/nothing')).status, 404);
    assert.equal((await call(sandbox, 'GET', '/__sandbox/reset')).status, 405);
    assert.equal((await call(sandbox, 'GET', '/__sandbox')).status, 200);
    assert.equal((await call(sandbox, 'GET', '/__sandbox/requests/')).status, 200);
    const overview = (await call(sandbox, 'GET', '/__sandbox/')).json;
    assert.deepEqual(overview.accounts, [sandbox.accounts[0].authId]);
    assert.ok(overview.magicNumbers.length > 0);
  });

  it('undici sees a reset as a socket error', async () => {
    sandbox.injectFault({ kind: 'connection-reset' });
    const account = sandbox.accounts[0];
    await assert.rejects(
      request(`${sandbox.baseUrl}${accountPath(sandbox)}`, { headers: { authorization: basic(account.authId, account.authToken) } }),
      (err: Error & { code?: string }) => /ECONNRESET|UND_ERR_SOCKET/.test(String(err.code)),
    );
  });
});
