// The inspector's verdicts on V2 and V3 signatures: a callback signed as Plivo signs it passes, and
// each way a callback can be wrong (another token, a changed field, another URL, a header missing)
// fails with its reason.
import * as assert from 'node:assert/strict';
import { signatureHeaders } from '../../../../src/core/signatures/plivoSignatures';
import { type SignedRequest, verifyCallback } from '../../../../src/core/signatures/verifyCallback';

const TOKEN = 'MAKEBELIEVETOKEN0123456789';
const URL_ = 'http://127.0.0.1:43210/plivo/status';
const FIELDS = { MessageUUID: 'c2f1b7a4-0000-4000-8000-000000000001', To: '12015550131', From: '14155550100', Status: 'failed', ErrorCode: '30', Units: '1', TotalAmount: '0.00500' };

/** A POST callback as the sandbox (and Plivo) sends it. */
function signedPost(url = URL_, fields: Record<string, string> = FIELDS, token = TOKEN): SignedRequest {
  const bodyParams = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, [v]]));
  return { method: 'POST', url, bodyParams, headers: signatureHeaders(token, 'POST', url, fields) };
}

describe('callback signature verification (V2 and V3)', () => {
  it('accepts a callback signed with the token, both versions', () => {
    assert.deepEqual(verifyCallback(TOKEN, signedPost()), { v2: { ok: true }, v3: { ok: true } });
  });

  it('refuses both with another token, saying why', () => {
    const verdict = verifyCallback('SOMEOTHERTOKEN', signedPost());
    assert.equal(verdict.v2.ok, false);
    assert.equal(verdict.v3.ok, false);
    assert.match(verdict.v3.reason ?? '', /another auth token/);
  });

  it('refuses V3 when a field of the body changed (V2 signs only the URL, so it still holds)', () => {
    const request = signedPost();
    request.bodyParams = { ...request.bodyParams, Status: ['delivered'] };
    const verdict = verifyCallback(TOKEN, request);
    assert.deepEqual(verdict.v2, { ok: true });
    assert.equal(verdict.v3.ok, false);
    assert.match(verdict.v3.reason ?? '', /a field changed/);
  });

  it('refuses V3 when a field was added', () => {
    const request = signedPost();
    request.bodyParams = { ...request.bodyParams, Extra: ['1'] };
    assert.equal(verifyCallback(TOKEN, request).v3.ok, false);
  });

  it('refuses both when the URL it arrived at is not the one signed', () => {
    const request = { ...signedPost(), url: 'http://127.0.0.1:43210/other/path' };
    const verdict = verifyCallback(TOKEN, request);
    assert.equal(verdict.v2.ok, false);
    assert.equal(verdict.v3.ok, false);
    assert.match(verdict.v2.reason ?? '', /the URL changed/);
  });

  it('V3 covers the URL query; V2 ignores it', () => {
    const request = { ...signedPost(`${URL_}?send=1`), url: `${URL_}?send=2` };
    const verdict = verifyCallback(TOKEN, request);
    assert.deepEqual(verdict.v2, { ok: true });
    assert.equal(verdict.v3.ok, false);
  });

  it('names the missing header or nonce', () => {
    const request = signedPost();
    const { 'x-plivo-signature-v2': _dropped, ...noV2 } = request.headers;
    const { 'x-plivo-signature-v3-nonce': _nonce, ...noV3Nonce } = request.headers;
    assert.deepEqual(verifyCallback(TOKEN, { ...request, headers: noV2 }).v2, { ok: false, reason: 'no X-Plivo-Signature-V2 header' });
    assert.deepEqual(verifyCallback(TOKEN, { ...request, headers: noV3Nonce }).v3, { ok: false, reason: 'no X-Plivo-Signature-V3-Nonce header' });
  });

  it('accepts any of several comma-separated signatures (token rotation)', () => {
    const request = signedPost();
    const old = signedPost(URL_, FIELDS, 'THEPREVIOUSTOKEN');
    const headers = { ...request.headers, 'x-plivo-signature-v3': `${old.headers['x-plivo-signature-v3']}, ${request.headers['x-plivo-signature-v3']}` };
    assert.deepEqual(verifyCallback(TOKEN, { ...request, headers, }).v3, { ok: true });
  });

  it('verifies a GET callback, whose fields are the query', () => {
    const query = new URLSearchParams(FIELDS).toString();
    const headers = signatureHeaders(TOKEN, 'GET', URL_, FIELDS);
    const request: SignedRequest = { method: 'GET', url: `${URL_}?${query}`, bodyParams: {}, headers };
    assert.deepEqual(verifyCallback(TOKEN, request), { v2: { ok: true }, v3: { ok: true } });
    const tampered = { ...request, url: request.url.replace('Status=failed', 'Status=delivered') };
    assert.equal(verifyCallback(TOKEN, tampered).v3.ok, false);
  });

  it('checks the documented V3 test vector', () => {
    const fields = { To: '14155551111', From: '14155550000', Status: 'delivered', MessageUUID: 'u1' };
    const request: SignedRequest = {
      method: 'POST',
      url: 'https://ex.com/cb/',
      bodyParams: fields,
      headers: { 'x-plivo-signature-v3': 'ziWjZLOBRI098vRWCaW/IW091BmBYglzCjXrjWvPquE=', 'x-plivo-signature-v3-nonce': '12345678901234567890' },
    };
    assert.deepEqual(verifyCallback('MYAUTHTOKEN', request).v3, { ok: true });
    assert.equal(verifyCallback('MYAUTHTOKEN', { ...request, bodyParams: { ...fields, To: '14155552222' } }).v3.ok, false);
  });
});
