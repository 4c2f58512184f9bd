import * as assert from 'node:assert/strict';
import { RequestLog } from '../../../src/sandbox/requestLog';
import { redactSecrets, redactUrl } from '../../../src/sandbox/redact';

describe('sandbox request log', () => {
  it('keeps the last N entries oldest first, and counts every request', () => {
    const log = new RequestLog(3);
    for (let i = 0; i < 5; i++) log.record('POST', `/p/${i}`, 'POST /p/', `{"n":${i}}`).status = 200 + i;
    const snapshot = log.snapshot();
    assert.equal(snapshot.total, 5);
    assert.deepEqual(snapshot.counts, { 'POST /p/': 5 });
    assert.deepEqual(snapshot.entries.map((e) => [e.path, e.status]), [['/p/2', 202], ['/p/3', 203], ['/p/4', 204]]);
    assert.match(snapshot.entries[0].time, /^\d{4}-\d{2}-\d{2}T/);
  });

  it('cuts very long bodies and says how much was left out', () => {
    const log = new RequestLog(1);
    log.record('POST', '/', 'POST /', 'x'.repeat(20_000));
    const body = log.snapshot().entries[0].body;
    assert.ok(body.length < 17_000);
    assert.match(body, /…\[3616 more characters\]$/);
  });

  it('redaction removes tokens anywhere and secret-named fields in JSON and forms', () => {
    assert.equal(redactSecrets('a TOKEN123 b TOKEN123', ['TOKEN123']), 'a [redacted] b [redacted]');
    assert.equal(redactSecrets('{"auth_token":"abc","dst":"1"}', []), '{"auth_token":"[redacted]","dst":"1"}');
    assert.equal(redactSecrets('dst=1&password=hunter2&text=hi', []), 'dst=1&password=[redacted]&text=hi');
    assert.equal(redactSecrets('{"dst":"14155551111"}', ['TOKEN123']), '{"dst":"14155551111"}');
  });
});

describe('sandbox redaction of URLs', () => {
  it('removes userinfo and secret-looking query parameters, in plain, JSON and form-encoded text', () => {
    assert.equal(redactUrl('https://user:pw@ex.com/cb?apikey=k1&tag=a'), 'https://[redacted]@ex.com/cb?apikey=[redacted]&tag=a');
    assert.equal(
      redactSecrets('{"url":"https://u:p@ex.com/cb?sig=S&x=1","dst":"1"}', []),
      '{"url":"https://[redacted]@ex.com/cb?sig=[redacted]&x=1","dst":"1"}',
    );
    const form = new URLSearchParams({ dst: '1', url: 'https://u:p@ex.com/cb?api_key=K&x=1' }).toString();
    const shown = redactSecrets(form, []);
    assert.equal(shown.includes('u:p') || shown.includes('u%3Ap') || shown.includes('K&') || shown.includes('%3DK'), false, shown);
    assert.match(shown, /x%3D1/);
    assert.equal(redactUrl('https://ex.com/cb?tag=a'), 'https://ex.com/cb?tag=a');
  });
});
