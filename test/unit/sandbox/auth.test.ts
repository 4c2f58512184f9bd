import * as assert from 'node:assert/strict';
import type { SandboxServer } from '../../../src/sandbox';
import { accountPath, basic, call, startFast } from './helpers';

describe('sandbox authentication', () => {
  let sandbox: SandboxServer;
  before(async () => {
    sandbox = await startFast({ accounts: [{}, { authId: 'MAOTHERACCOUNT000001', authToken: 'other-token' }] });
  });
  after(() => sandbox.close());

  it('generates Plivo-like credentials when none are given', () => {
    const [account] = sandbox.accounts;
    assert.match(account.authId, /^MA[A-Z0-9]{18}$/);
    assert.match(account.authToken, /^[A-Za-z0-9]{40}$/);
  });

  it('answers the account with valid credentials', async () => {
    const res = await call(sandbox, 'GET', accountPath(sandbox));
    assert.equal(res.status, 200);
    assert.equal(res.json.auth_id, sandbox.accounts[0].authId);
    assert.equal(res.json.resource_uri, accountPath(sandbox));
    assert.match(res.json.cash_credits, /^\d+\.\d{5}$/);
  });

  it('401 with Plivo’s body when credentials are missing', async () => {
    const res = await call(sandbox, 'GET', accountPath(sandbox, 'Message/'), { auth: null });
    assert.equal(res.status, 401);
    assert.deepEqual(res.json, { error: 'authentication credentials were not provided' });
  });

  it('401 for a wrong token, an unknown id, or a malformed header', async () => {
    const id = sandbox.accounts[0].authId;
    for (const auth of [basic(id, 'wrong'), basic('MAUNKNOWN00000000000', 'x'), 'Basic !!!', 'Bearer abc']) {
      const res = await call(sandbox, 'GET', accountPath(sandbox, 'Message/'), { auth });
      assert.equal(res.status, 401, auth);
      assert.equal(typeof res.json.error, 'string');
    }
  });

  it('401 for a path of another account, even one that exists', async () => {
    for (const other of ['MAOTHERACCOUNT000001', 'MANOSUCHACCOUNT00000']) {
      const res = await call(sandbox, 'GET', `/v1/Account/${other}/Message/`);
      assert.equal(res.status, 401, other);
      assert.equal(res.json.error, 'incorrect authentication credentials');
      assert.equal(typeof res.json.api_id, 'string');
    }
  });

  it('each account sees only its own messages', async () => {
    const sent = await call(sandbox, 'POST', accountPath(sandbox, 'Message/'), { body: { src: '14155550000', dst: '14155551111', text: 'hi' } });
    assert.equal(sent.status, 202);
    const other = basic('MAOTHERACCOUNT000001', 'other-token');
    const get = await call(sandbox, 'GET', `/v1/Account/MAOTHERACCOUNT000001/Message/${sent.json.message_uuid[0]}/`, { auth: other });
    assert.equal(get.status, 404);
    const list = await call(sandbox, 'GET', '/v1/Account/MAOTHERACCOUNT000001/Message/', { auth: other });
    assert.equal(list.json.meta.total_count, 0);
  });

  it('the control API needs the same credentials', async () => {
    assert.equal((await call(sandbox, 'GET', '/__sandbox/requests', { auth: null })).status, 401);
    assert.equal((await call(sandbox, 'GET', '/__sandbox/requests', { auth: basic(sandbox.accounts[0].authId, 'nope') })).status, 401);
    assert.equal((await call(sandbox, 'GET', '/__sandbox/requests')).status, 200);
  });
});
