import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { request } from 'undici';
import type { SandboxServer } from '../../../src/sandbox';
import { ChaosEngine } from '../../../src/sandbox/chaos';
import { parseChaosConfig } from '../../../src/sandbox/chaosRules';
import type { InboxMessage } from '../../../src/sandbox/inboxTypes';
import type { ChaosConfig, ChaosRule } from '../../../src/sandbox/types';
import { accountPath, basic, call, send, startFast, startReceiver, waitFor } from './helpers';

const SCHEMA = JSON.parse(readFileSync(join(__dirname, '../../../../schemas/sandbox-chaos.schema.json'), 'utf8'));

/** 1,000 sends over 100 numbers (each number met ten times): the same list for every sandbox. */
const NUMBERS = Array.from({ length: 1000 }, (_, i) => `1415555${String(1000 + (i % 100)).padStart(4, '0')}`);

const MIXED: ChaosRule[] = [
  { route: 'send', probability: 0.05, effect: { kind: 'rate-limit', retryAfterSeconds: 2 } },
  { route: 'send', to: '+1 415 555', probability: 0.3, effect: { kind: 'outcome', state: 'failed', errorCode: '30' } },
  { route: 'send', probability: 0.1, effect: { kind: 'outcome', state: 'undelivered', errorCode: '420' } },
  { route: 'send', probability: 0.1, effect: { kind: 'blackhole' } },
];

async function putChaos(sandbox: SandboxServer, config: ChaosConfig): Promise<void> {
  const res = await call(sandbox, 'PUT', '/__sandbox/chaos', { body: config });
  assert.equal(res.status, 200, res.text);
}

async function allMessages(sandbox: SandboxServer): Promise<InboxMessage[]> {
  const out: InboxMessage[] = [];
  for (let offset = 0; ; offset += 1000) {
    const page = (await call(sandbox, 'GET', `/__sandbox/messages?limit=1000&offset=${offset}`)).json;
    out.push(...page.messages);
    if (out.length >= page.total) return out;
  }
}

/** Sends NUMBERS one request each; returns the HTTP statuses and, once delivery settled, each message's outcome. */
async function run(sandbox: SandboxServer): Promise<{ statuses: number[]; outcomes: string[] }> {
  const statuses: number[] = [];
  for (const dst of NUMBERS) statuses.push((await send(sandbox, { dst })).status);
  await waitFor(async () => ((await call(sandbox, 'GET', '/__sandbox/')).json.pendingDelivery === 0 ? true : undefined), 20_000, 'delivery to settle');
  const outcomes = (await allMessages(sandbox)).reverse().map((m) => `${m.to} ${m.state} ${m.errorCode ?? ''}`);
  return { statuses, outcomes };
}

describe('sandbox chaos rules', function () {
  this.timeout(60_000);
  let sandbox: SandboxServer;
  before(async () => {
    sandbox = await startFast({ rateLimitPer5s: 100_000 });
  });
  beforeEach(async () => {
    await call(sandbox, 'DELETE', '/__sandbox/chaos');
    await call(sandbox, 'POST', '/__sandbox/reset');
  });
  after(() => sandbox.close());

  it('reproducible: the same seed and the same 1,000 sends give the same outcomes; another seed does not', async () => {
    const twin = await startFast({ rateLimitPer5s: 100_000, seed: 7, chaos: { rules: MIXED } });
    try {
      await putChaos(sandbox, { seed: 7, rules: MIXED });
      const first = await run(sandbox);
      const second = await run(twin);
      assert.deepEqual(second, first);
      assert.ok(first.statuses.includes(429) && first.statuses.includes(202));
      for (const state of ['failed', 'undelivered', 'sent', 'delivered']) assert.ok(first.outcomes.some((o) => o.includes(` ${state} `)), state);
      // After a reset the draws start again: the same run again gives the same outcomes.
      await call(sandbox, 'POST', '/__sandbox/reset');
      assert.deepEqual(await run(sandbox), first);
      await putChaos(sandbox, { seed: 8, rules: MIXED });
      assert.notDeepEqual((await run(sandbox)).outcomes, first.outcomes);
    } finally {
      await twin.close();
    }
  });

  it('a 30 % rule takes 30 % of messages, within statistical bounds, for several seeds', () => {
    // Binomial(n = 10,000, p = 0.3): σ ≈ 46; 4.5 σ bounds fail once in ~150,000 fair runs.
    for (const seed of [1, 2, 3, 42, 2 ** 32 - 1]) {
      const engine = new ChaosEngine();
      engine.load({ seed, rules: [{ route: 'send', probability: 0.3, effect: { kind: 'blackhole' } }] });
      let taken = 0;
      for (let i = 0; i < 10_000; i++) if (engine.forMessage(`1415555${String(i % 500).padStart(4, '0')}`)) taken++;
      assert.ok(Math.abs(taken - 3000) < 4.5 * 46, `seed ${seed}: ${taken} of 10,000`);
      assert.equal(engine.snapshot().fired[0], taken);
    }
  });

  it('latency with jitter: slower, then handled normally', async () => {
    await putChaos(sandbox, { seed: 1, rules: [{ route: 'send', effect: { kind: 'latency', ms: 200, jitterMs: 100 } }] });
    const started = Date.now();
    const res = await send(sandbox, { dst: '14155551111' });
    const took = Date.now() - started;
    assert.equal(res.status, 202);
    assert.ok(took >= 195, `took ${took} ms`);
    const listed = Date.now();
    assert.equal((await call(sandbox, 'GET', accountPath(sandbox, 'Message/'))).status, 200);
    assert.ok(Date.now() - listed < 195, 'a route the rule does not name is not delayed');
  });

  it('429 with Retry-After, 5xx as JSON or HTML: nothing queued', async () => {
    await putChaos(sandbox, { rules: [{ route: 'send', effect: { kind: 'rate-limit', retryAfterSeconds: 9 } }] });
    const limited = await send(sandbox, { dst: '14155551111' });
    assert.equal(limited.status, 429);
    assert.equal(limited.headers['retry-after'], '9');
    await putChaos(sandbox, { rules: [{ method: 'POST', effect: { kind: 'server-error', status: 502 } }] });
    const json = await send(sandbox, { dst: '14155551111' });
    assert.equal(json.status, 502);
    assert.equal(json.json.error, 'bad gateway');
    await putChaos(sandbox, { rules: [{ effect: { kind: 'server-error', status: 503, format: 'html' } }] });
    const html = await send(sandbox, { dst: '14155551111' });
    assert.equal(html.status, 503);
    assert.match(String(html.headers['content-type']), /text\/html/);
    assert.match(html.text, /<h1>503 Service Unavailable<\/h1>/);
    assert.equal(sandbox.messageCount(), 0);
  });

  it('connection reset and no answer: the client gets no response', async () => {
    const { authId, authToken } = sandbox.accounts[0];
    const headers = { authorization: basic(authId, authToken) };
    await putChaos(sandbox, { rules: [{ route: 'account', effect: { kind: 'connection-reset' } }] });
    await assert.rejects(request(`${sandbox.baseUrl}${accountPath(sandbox)}`, { headers }), (err: NodeJS.ErrnoException) => /ECONNRESET|other side closed|SocketError/.test(`${err.code} ${err.message} ${err.name}`));
    await putChaos(sandbox, { rules: [{ route: 'account', effect: { kind: 'no-answer' } }] });
    await assert.rejects(request(`${sandbox.baseUrl}${accountPath(sandbox)}`, { headers, headersTimeout: 300 }), (err: Error) => /timeout/i.test(`${err.name} ${err.message}`));
  });

  it('truncated body: the send is queued but its JSON stops halfway', async () => {
    await putChaos(sandbox, { rules: [{ route: 'send', effect: { kind: 'truncated-body' } }] });
    const res = await send(sandbox, { dst: '14155551111<14155552222' });
    assert.equal(res.status, 202);
    assert.equal(res.json, undefined, res.text);
    assert.equal(sandbox.messageCount(), 2);
  });

  it('delivery outcomes: failed or undelivered with any code (420 included), blackhole, slow receipt; the timeline names the rule', async () => {
    const receiver = await startReceiver();
    try {
      await putChaos(sandbox, {
        rules: [
          { name: 'expiry', route: 'send', to: '+1 415 555 11', effect: { kind: 'outcome', state: 'failed', errorCode: '420' } },
          { route: 'send', toPattern: '^1415555222\\d$', effect: { kind: 'outcome', state: 'undelivered', errorCode: '900' } },
          { route: 'send', to: '14155553333', effect: { kind: 'blackhole' } },
          { route: 'send', to: '14155554444', effect: { kind: 'slow-receipt', ms: 300 } },
        ],
      });
      const sent = await send(sandbox, { dst: '14155551111<14155552222<14155553333<14155554444<14155555555', url: `${receiver.url}/cb` });
      const sentAt = Date.now();
      const [expired, undelivered, blackholed, slow, normal] = sent.json.message_uuid as string[];
      const get = async (uuid: string): Promise<InboxMessage> => (await call(sandbox, 'GET', `/__sandbox/messages/${uuid}`)).json;
      const final = (uuid: string, state: string) => waitFor(async () => ((await get(uuid)).state === state ? get(uuid) : undefined), 5000, `${uuid} ${state}`);
      const e = await final(expired, 'failed');
      assert.equal(e.errorCode, '420');
      assert.equal(e.errorMeaning, 'message expired');
      assert.equal(e.timeline.at(-1)?.by, 'chaos: expiry');
      assert.equal((await final(undelivered, 'undelivered')).errorCode, '900');
      await final(normal, 'delivered');
      const s = await final(slow, 'delivered');
      assert.ok(Date.parse(s.updatedAt) - sentAt >= 290, 'the slow receipt came after its delay');
      // The blackholed message was sent, and its sent callback went out; no report will follow.
      await waitFor(() => receiver.received.find((r) => r.params.MessageUUID === blackholed && r.params.Status === 'sent'), 5000, 'the sent callback');
      assert.equal((await get(blackholed)).state, 'sent');
      assert.equal((await call(sandbox, 'GET', '/__sandbox/')).json.pendingDelivery, 0, 'nothing is waiting to deliver it');
      assert.deepEqual((await call(sandbox, 'GET', '/__sandbox/chaos')).json.fired, [1, 1, 1, 1]);
    } finally {
      await receiver.close();
    }
  });

  it('the magic numbers keep their outcomes under a rule for every number', async () => {
    await putChaos(sandbox, { rules: [{ route: 'send', effect: { kind: 'outcome', state: 'undelivered', errorCode: '80' } }] });
    const sent = await send(sandbox, { dst: '12015550130<14155551111' });
    const [magic, other] = sent.json.message_uuid as string[];
    await waitFor(async () => ((await call(sandbox, 'GET', `/__sandbox/messages/${other}`)).json.state === 'undelivered' ? true : undefined), 5000, 'the chaos outcome');
    const m = (await call(sandbox, 'GET', `/__sandbox/messages/${magic}`)).json;
    assert.equal(m.state, 'failed');
    assert.equal(m.errorCode, '30');
  });

  it('bad rules get a 400 that says where; the rules in force stay', async () => {
    await putChaos(sandbox, { seed: 5, rules: [{ route: 'send', effect: { kind: 'blackhole' } }] });
    const cases: Array<[unknown, RegExp]> = [
      [{ rules: [{ effect: { kind: 'explode' } }] }, /rules\[0\]\.effect\.kind: must be one of/],
      [{ rules: [{ route: 'send', effect: { kind: 'outcome', state: 'failed', errorCode: '31' } }] }, /rules\[0\]\.effect\.errorCode/],
      [{ rules: [{ effect: { kind: 'blackhole' } }] }, /rules\[0\]\.route: a "blackhole" effect acts on sent messages/],
      [{ rules: [{ probability: 1.5, effect: { kind: 'no-answer' } }] }, /rules\[0\]\.probability/],
      [{ rules: [{ toPattern: '(', effect: { kind: 'no-answer' } }] }, /rules\[0\]\.toPattern/],
      [{ rules: [{ effect: { kind: 'latency', ms: 10, jiter: 5 } }] }, /unknown field "jiter"/],
      [{ seed: -1, rules: [] }, /seed/],
    ];
    for (const [body, message] of cases) {
      const res = await call(sandbox, 'PUT', '/__sandbox/chaos', { body });
      assert.equal(res.status, 400, JSON.stringify(body));
      assert.match(res.json.error, message);
    }
    const kept = (await call(sandbox, 'GET', '/__sandbox/chaos')).json;
    assert.equal(kept.seed, 5);
    assert.equal(kept.rules.length, 1);
  });

  it('the shipped JSON schema agrees with the sandbox on valid and invalid rules', () => {
    const validate = new Ajv({ allErrors: true, validateFormats: false }).compile(SCHEMA);
    const valid: unknown[] = [
      { seed: 3, rules: MIXED },
      { $schema: './sandbox-chaos.schema.json', rules: [{ name: 'slow', route: 'send', toPattern: '^1', effect: { kind: 'slow-receipt', ms: 5000 } }] },
      { rules: [{ method: 'GET', route: 'list', effect: { kind: 'server-error', status: 504, format: 'html' } }, { effect: { kind: 'latency', ms: 0, jitterMs: 10 } }] },
    ];
    const invalid: unknown[] = [
      { rules: [{ effect: { kind: 'explode' } }] },
      { rules: [{ route: 'send', effect: { kind: 'outcome', state: 'failed', errorCode: '31' } }] },
      { rules: [{ effect: { kind: 'latency', ms: 10, jiter: 5 } }] },
      { rules: [{ probability: 2, effect: { kind: 'no-answer' } }] },
      { rules: [{ to: 'abc', effect: { kind: 'no-answer' } }] },
      { seed: 1.5, rules: [] },
      { rules: [], extra: true },
    ];
    for (const config of valid) {
      assert.ok(validate(config), JSON.stringify(validate.errors));
      assert.equal(typeof parseChaosConfig(config), 'object', JSON.stringify(config));
    }
    for (const config of invalid) {
      assert.equal(validate(config), false, JSON.stringify(config));
      assert.equal(typeof parseChaosConfig(config), 'string', JSON.stringify(config));
    }
  });
});
