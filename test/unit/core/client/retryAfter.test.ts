import * as assert from 'node:assert/strict';
import { parseRetryAfter } from '../../../../src/core/client';

describe('parseRetryAfter', () => {
  const now = Date.parse('2025-06-01T12:00:00Z');

  it('reads delay-seconds', () => {
    assert.equal(parseRetryAfter('30', now), 30);
    assert.equal(parseRetryAfter(' 0 ', now), 0);
    assert.equal(parseRetryAfter(['7', '9'], now), 7);
  });

  it('reads an HTTP date as seconds from now, never negative', () => {
    assert.equal(parseRetryAfter('Sun, 01 Jun 2025 12:01:30 GMT', now), 90);
    assert.equal(parseRetryAfter('Sun, 01 Jun 2025 11:00:00 GMT', now), 0);
  });

  it('ignores what it cannot read', () => {
    for (const value of [undefined, '', '-5', '1.5', 'soon', '1/2', []]) {
      assert.equal(parseRetryAfter(value as string | undefined, now), undefined, String(value));
    }
  });
});
