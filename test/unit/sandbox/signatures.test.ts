import * as assert from 'node:assert/strict';
import { signatureV2, signatureV3, v3StringToSign, verifySignatureV2, verifySignatureV3, generateNonce, signatureHeaders } from '../../../src/sandbox';
// The official SDK's own validators: the reference our signatures must satisfy.
import * as plivo from 'plivo';

const TOKEN = 'MYAUTHTOKEN';
const NONCE = '12345678901234567890';

describe('sandbox signatures', () => {
  describe('V3 test vectors accepted by the official SDK’s validateV3Signature', () => {
    const vectors: Array<[string, 'GET' | 'POST', string, Record<string, string>, string]> = [
      ['POST with params', 'POST', 'https://ex.com/cb/', { To: '14155551111', From: '14155550000', Status: 'delivered', MessageUUID: 'u1' }, 'ziWjZLOBRI098vRWCaW/IW091BmBYglzCjXrjWvPquE='],
      ['POST with a query in the URL', 'POST', 'https://ex.com/cb/?b=2&a=1', { X: 'y' }, 'UF92CN3jL2MDbQzcmpiCsqzidR2juxrgzmjumlvjRzs='],
      ['POST without params', 'POST', 'http://127.0.0.1:8080/cb', {}, 'F/Of6Ws5BiuYTZaazQnryOfI/bPC+Zn0oNLYL375vwQ='],
      ['GET with query and params', 'GET', 'https://ex.com/cb?z=1&a=2', { Status: 'sent' }, 'pDPP+HMdx9ixO9BvXMlvwKFxohmw5Y7Ej57xo/g+gsU='],
    ];
    for (const [name, method, url, params, expected] of vectors) {
      it(name, () => {
        assert.equal(signatureV3(TOKEN, method, url, params, NONCE), expected);
        assert.ok(verifySignatureV3(TOKEN, method, url, params, NONCE, expected));
        assert.ok(plivo.validateV3Signature(method, url, NONCE, TOKEN, expected, params));
      });
    }

    it('builds the documented string-to-sign', () => {
      assert.equal(
        `${v3StringToSign('POST', 'https://ex.com/cb/', { To: '14155551111', From: '14155550000', Status: 'delivered', MessageUUID: 'u1' })}.${NONCE}`,
        'https://ex.com/cb/?From14155550000MessageUUIDu1StatusdeliveredTo14155551111.12345678901234567890',
      );
    });
  });

  it('V3 verification accepts any of several comma-separated signatures and rejects tampering', () => {
    const good = signatureV3(TOKEN, 'POST', 'https://ex.com/cb/', { Status: 'sent' }, NONCE);
    assert.ok(verifySignatureV3(TOKEN, 'POST', 'https://ex.com/cb/', { Status: 'sent' }, NONCE, `stale-signature=,${good}`));
    assert.equal(verifySignatureV3(TOKEN, 'POST', 'https://ex.com/cb/', { Status: 'delivered' }, NONCE, good), false);
    assert.equal(verifySignatureV3('OTHERTOKEN', 'POST', 'https://ex.com/cb/', { Status: 'sent' }, NONCE, good), false);
  });

  it('V2 signs the URL without its query and matches the official SDK', () => {
    for (const url of ['https://ex.com/cb/?q=1', 'http://127.0.0.1:8080/cb', 'https://ex.com/status/']) {
      const signature = signatureV2(TOKEN, url, NONCE);
      assert.ok(plivo.validateSignature(url, NONCE, signature, TOKEN), url);
      assert.ok(verifySignatureV2(TOKEN, url, NONCE, signature));
    }
    assert.equal(signatureV2(TOKEN, 'https://ex.com/cb/?q=1', NONCE), signatureV2(TOKEN, 'https://ex.com/cb/?q=2', NONCE));
    assert.equal(verifySignatureV2(TOKEN, 'https://ex.com/other/', NONCE, signatureV2(TOKEN, 'https://ex.com/cb/', NONCE)), false);
  });

  it('nonces are 20 random digits and callback headers verify with the SDK', () => {
    const nonce = generateNonce();
    assert.match(nonce, /^\d{20}$/);
    assert.notEqual(generateNonce(), nonce);
    const params = { MessageUUID: 'u1', Status: 'queued' };
    const headers = signatureHeaders(TOKEN, 'POST', 'http://127.0.0.1:9/cb', params);
    assert.ok(plivo.validateV3Signature('POST', 'http://127.0.0.1:9/cb', headers['x-plivo-signature-v3-nonce'], TOKEN, headers['x-plivo-signature-v3'], params));
    assert.ok(plivo.validateSignature('http://127.0.0.1:9/cb', headers['x-plivo-signature-v2-nonce'], headers['x-plivo-signature-v2'], TOKEN));
  });
});
