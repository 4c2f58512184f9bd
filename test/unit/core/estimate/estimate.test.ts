// The dry-run estimate against the sandbox's Pricing route: per country, units, cost, time, warnings.
import * as assert from 'node:assert/strict';
import { analyseDestinations } from '../../../../src/core/destinations/analyse';
import { durationSeconds, estimateSend } from '../../../../src/core/estimate/estimate';
import { costPhrase, estimateLines, formatDuration } from '../../../../src/core/estimate/estimateText';
import { PriceCache, pricingApi } from '../../../../src/core/estimate/pricing';
import type { SandboxServer } from '../../../../src/sandbox';
import { startFast } from '../../sandbox/helpers';

const PRICING = 'GET /v1/Account/{auth_id}/Pricing/';

describe('dry run estimate', () => {
  let sandbox: SandboxServer;
  let cache: PriceCache;
  before(async () => {
    sandbox = await startFast();
  });
  beforeEach(() => {
    sandbox.reset();
    const account = sandbox.accounts[0];
    cache = new PriceCache(pricingApi({ baseUrl: sandbox.baseUrl, authId: account.authId, authToken: account.authToken }));
  });
  after(() => sandbox.close());

  const us = Array.from({ length: 1200 }, (_, i) => `+1415666${String(i).padStart(4, '0')}`);
  const gb = ['+447400123456', '+447400123457', '+442079460958'];

  it('prices each country once from the Pricing API, sums units × rate, and asks nothing again from the cache', async () => {
    const analysis = analyseDestinations([...us, ...gb, us[0]].join('\n'));
    const input = { analysis, text: 'Hello', batchesPerSecond: 1, messagesPerSecond: 5, price: (c: string) => cache.get(c) };
    const estimate = await estimateSend(input);
    assert.deepEqual(
      estimate.countries.map((c) => [c.country, c.destinations, c.rate, c.amount]),
      [['US', 1200, '0.00500', '6.00000'], ['GB', 3, '0.04000', '0.12000']],
    );
    assert.equal(estimate.amount, '6.12000');
    assert.equal(estimate.units, 1203);
    assert.equal(estimate.requests, 2);
    assert.equal(sandbox.requestLog().counts[PRICING], 2, 'one call per country');
    await estimateSend(input);
    assert.equal(sandbox.requestLog().counts[PRICING], 2, 'the second estimate is served from the cache');
    assert.equal(costPhrase(estimate), '$6.12');
    assert.match(estimate.warnings.map((w) => w.message).join('\n'), /1 fixed-line number/);
  });

  it('one character forcing UCS-2 doubles the parts, and the warning says so with the units', async () => {
    const analysis = analyseDestinations(us.slice(0, 10).join('\n'));
    const text = `${'a'.repeat(100)}€`; // € is GSM (extension): 1 part
    const gsm = await estimateSend({ analysis, text, batchesPerSecond: 1, messagesPerSecond: 5, price: (c) => cache.get(c) });
    assert.deepEqual([gsm.encoding, gsm.parts, gsm.warnings.length], ['GSM-7', 1, 0]);
    const ucs = await estimateSend({ analysis, text: `${'a'.repeat(100)}’`, batchesPerSecond: 1, messagesPerSecond: 5, price: (c) => cache.get(c) });
    assert.deepEqual([ucs.encoding, ucs.parts, ucs.units, ucs.amount], ['UCS-2', 2, 20, '0.10000']);
    assert.equal(ucs.warnings[0].kind, 'ucs2');
    assert.match(ucs.warnings[0].message, /The character "’" forces UCS-2: 2 parts per message instead of 1, 20 units instead of 10/);
  });

  it('warns about ambiguous national numbers', async () => {
    const analysis = analyseDestinations('2015550100\n4155550123', { defaultRegion: 'US' });
    const estimate = await estimateSend({ analysis, text: 'Hi', batchesPerSecond: 1, messagesPerSecond: 5 });
    assert.match(estimate.warnings.find((w) => w.kind === 'ambiguous')?.message ?? '', /^1 ambiguous number/);
    assert.equal(estimate.amount, undefined);
    assert.match(costPhrase(estimate), /^unknown \(no price source\)/);
  });

  it('a failed price is not cached and leaves a partial cost that says which country is missing', async () => {
    let calls = 0;
    const flaky = new PriceCache(async (country) => {
      calls += 1;
      if (country === 'GB' && calls < 3) throw new Error('the Pricing API answered 500 for GB');
      return { country, rate: '0.00500' };
    });
    const analysis = analyseDestinations([...us.slice(0, 2), ...gb.slice(0, 1)].join('\n'));
    const first = await estimateSend({ analysis, text: 'Hi', batchesPerSecond: 1, messagesPerSecond: 5, price: (c) => flaky.get(c) });
    assert.equal(first.amountComplete, false);
    assert.equal(costPhrase(first), 'at least $0.01 (no price for GB)');
    const second = await estimateSend({ analysis, text: 'Hi', batchesPerSecond: 1, messagesPerSecond: 5, price: (c) => flaky.get(c) });
    assert.equal(second.amountComplete, true);
    assert.equal(second.amount, '0.01500');
  });

  it('duration: the slower of posting the batches and the account dequeuing every part', () => {
    assert.equal(durationSeconds(3, 3000, 1, 5), 600);
    assert.equal(durationSeconds(10, 10, 1, 1000), 9);
    assert.equal(formatDuration(600), '10 min');
    assert.equal(formatDuration(3725), '1 h 2 min');
  });

  it('a wrong token gets a message without the token', async () => {
    const lookup = pricingApi({ baseUrl: sandbox.baseUrl, authId: sandbox.accounts[0].authId, authToken: 'wrong-token-value' });
    await assert.rejects(lookup('US'), (error: Error) => /answered 401/.test(error.message) && !error.message.includes('wrong-token-value'));
  });

  it('the lines name countries, encoding, units, cost and time', async () => {
    const analysis = analyseDestinations(us.slice(0, 4).join('\n'));
    const lines = estimateLines(await estimateSend({ analysis, text: 'Hi', batchesPerSecond: 1, messagesPerSecond: 5, price: (c) => cache.get(c) }));
    assert.deepEqual(lines, [
      'Destinations: 4 unique (US 4 × 1 × $0.00500)',
      'Encoding: GSM-7, 2 characters, 1 part',
      'Total units: 4 in 1 request',
      'Estimated cost: $0.02',
      'Estimated time: 1 s',
    ]);
  });
});
