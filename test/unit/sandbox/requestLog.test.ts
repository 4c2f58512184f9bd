import * as assert from 'node:assert/strict';
import { RequestLog } from '../../../src/sandbox/requestLog';
import { redactSecrets } from '../../../src/sandbox/redact';

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
