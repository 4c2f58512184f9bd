import * as assert from 'node:assert/strict';
import { describeFailure, PlivoApiError, PlivoNetworkError, PlivoRateLimitError, PlivoTimeoutError } from '../../../../src/core/client';

const POST = { method: 'POST' as const, url: 'https://api.plivo.com/v1/Account/MA1/Message/' };
const GET = { method: 'GET' as const, url: 'https://api.plivo.com/v1/Account/MA1/' };

// The same failure reads differently after a send (SMS may go out twice) and after Test Connection.
describe('describeFailure: wording that fits the action', () => {
  it('a send that may have reached the server warns of duplicate SMS; a test only says to try again', () => {
    const send = describeFailure(new PlivoTimeoutError('Plivo did not answer', POST, 'headers', 30_000), 'Prod', 'send');
    assert.match(send.nextStep, /SMS may go out twice/);
    const test = describeFailure(new PlivoTimeoutError('Plivo did not answer', GET, 'headers', 15_000), 'Prod', 'test');
    assert.doesNotMatch(`${test.title} ${test.nextStep}`, /SMS may go out twice|send again/);
    assert.match(test.nextStep, /a test sends no SMS/);
  });

  it('"then send again" for a send, "then test again" for a test', () => {
    const error = new PlivoApiError('x', GET, 401, 'Authentication failed');
    assert.match(describeFailure(error, 'Prod').nextStep, /Edit Profile\), then send again\.$/);
    assert.match(describeFailure(error, 'Prod', 'test').nextStep, /Edit Profile\), then test again\.$/);
    const limited = new PlivoRateLimitError('x', GET, 'too many', 2);
    assert.equal(describeFailure(limited, 'Prod', 'test').nextStep, 'Wait 2 s, then test again.');
    assert.equal(describeFailure(limited, 'Prod', 'send').nextStep, 'Wait 2 s, then send again. Nothing was queued.');
  });

  it('proxy and certificate failures get their own titles and point at the setting the message names', () => {
    const cases: Array<[string, string]> = [
      ['PROXY_AUTH_REQUIRED', 'Proxy authentication required (407)'],
      ['PROXY_UNREACHABLE', 'Could not reach the proxy'],
      ['SELF_SIGNED_CERT_IN_CHAIN', 'Certificate not trusted'],
      ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'Certificate not trusted'],
      ['ERR_TLS_CERT_ALTNAME_INVALID', 'The certificate is for another host'],
      ['ECONNREFUSED', 'Could not connect'],
    ];
    for (const [code, title] of cases) {
      const failure = describeFailure(new PlivoNetworkError('… nothing was sent. Set X.', POST, false, code), 'Prod', 'test');
      assert.equal(failure.title, title, code);
    }
    assert.equal(describeFailure(new PlivoNetworkError('m', POST, false, 'PROXY_AUTH_REQUIRED'), 'Prod').nextStep, 'Change the setting the message names, then send again.');
  });
});
