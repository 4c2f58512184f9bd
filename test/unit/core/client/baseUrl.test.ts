import * as assert from 'node:assert/strict';
import { baseUrlProblem } from '../../../../src/core/client';

// The rule the Add/Edit Profile input box applies as the URL is typed.
describe('base URL rule (profile input and client)', () => {
  it('accepts API roots, with or without a path prefix', () => {
    for (const ok of ['https://api.plivo.com', 'http://127.0.0.1:8089', 'https://gateway.corp.example/plivo/', ' https://api.plivo.com ']) {
      assert.equal(baseUrlProblem(ok), undefined, ok);
    }
  });

  it('refuses userinfo and secret-looking query parameters, without echoing the secret', () => {
    const cases: Array<[string, RegExp]> = [
      ['https://user:pw-s3cret@api.plivo.com', /must not contain credentials/],
      ['https://user@api.plivo.com', /must not contain credentials/],
      ['https://api.plivo.com/?key=s3cret', /must not carry a secret: remove \?key=…/],
      ['https://api.plivo.com/?token=s3cret', /remove \?token=…/],
      ['https://api.plivo.com/?apikey=s3cret', /remove \?apikey=…/],
      ['https://api.plivo.com/?page=1&access_token=s3cret', /remove \?access_token=…/],
      ['https://api.plivo.com/?X-Api-Key=s3cret', /remove \?X-Api-Key=…/],
    ];
    for (const [url, expected] of cases) {
      const problem = baseUrlProblem(url);
      assert.match(String(problem), expected, url);
      assert.ok(!String(problem).includes('s3cret'), url);
    }
  });

  it('refuses other queries, fragments, other schemes and non-URLs', () => {
    assert.match(String(baseUrlProblem('https://api.plivo.com/?page=1')), /Remove the query/);
    assert.match(String(baseUrlProblem('https://api.plivo.com/#x')), /fragment/);
    assert.match(String(baseUrlProblem('ftp://api.plivo.com')), /http:\/\/ or https:\/\//);
    assert.match(String(baseUrlProblem('api.plivo.com')), /not a valid URL/);
  });
});
