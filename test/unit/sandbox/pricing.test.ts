// The sandbox's Pricing route: Plivo's shape with the sample rates, auth, and a clear 400.
import * as assert from 'node:assert/strict';
import type { SandboxServer } from '../../../src/sandbox';
import { DEFAULT_RATE, SAMPLE_SMS_RATES } from '../../../src/sandbox/pricingRoute';
import { accountPath, call, startFast } from './helpers';

describe('sandbox pricing route', () => {
  let sandbox: SandboxServer;
  before(async () => {
    sandbox = await startFast();
  });
  after(() => sandbox.close());

  it('answers GET …/Pricing/?country_iso=us with Plivo’s shape and the sample US rate', async () => {
    const res = await call(sandbox, 'GET', `${accountPath(sandbox, 'Pricing/')}?country_iso=us`);
    assert.equal(res.status, 200);
    assert.equal(res.json.country_iso, 'US');
    assert.equal(res.json.country_code, '1');
    assert.equal(res.json.message.outbound.rate, SAMPLE_SMS_RATES.US.rate);
    assert.equal(typeof res.json.api_id, 'string');
    assert.equal(res.json.message.outbound_networks_list[0].rate, '0.00500');
  });

  it('gives any other ISO code the default rate, refuses a missing or malformed one, and needs auth', async () => {
    assert.equal((await call(sandbox, 'GET', `${accountPath(sandbox, 'Pricing/')}?country_iso=JP`)).json.message.outbound.rate, DEFAULT_RATE);
    const missing = await call(sandbox, 'GET', accountPath(sandbox, 'Pricing/'));
    assert.equal(missing.status, 400);
    assert.match(missing.json.error, /country_iso is required/);
    assert.equal((await call(sandbox, 'GET', `${accountPath(sandbox, 'Pricing/')}?country_iso=USA`)).status, 400);
    assert.equal((await call(sandbox, 'GET', `${accountPath(sandbox, 'Pricing/')}?country_iso=US`, { auth: null })).status, 401);
    assert.equal((await call(sandbox, 'POST', `${accountPath(sandbox, 'Pricing/')}?country_iso=US`, { body: {} })).status, 405);
  });
});
