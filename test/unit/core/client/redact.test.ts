import * as assert from 'node:assert/strict';
import { redact, snippet, SNIPPET_MAX_CHARS } from '../../../../src/core/client';
import { AUTH_TOKEN, BASIC_CREDENTIALS } from './testServer';

const SECRETS = [AUTH_TOKEN, BASIC_CREDENTIALS];

describe('redact', () => {
  it('removes this client’s token and Basic credentials wherever they appear', () => {
    assert.equal(redact(`x${AUTH_TOKEN}y and ${BASIC_CREDENTIALS}`, SECRETS), 'x[redacted]y and [redacted]');
  });

  it('removes credential-shaped values that are not the known secrets', () => {
    assert.equal(redact('Authorization: Bearer abc.def-123', []), 'Authorization: [redacted] [redacted]');
    assert.equal(redact('sent Basic dXNlcjpwYXNz=', []), 'sent Basic [redacted]');
    assert.equal(redact('{"auth_token": "hunter2", "password":"p4ss"}', []), '{"auth_token": "[redacted]", "password":"[redacted]"}');
    assert.equal(redact('?token=abc123&x=1', []), '?token=[redacted]&x=1');
    assert.equal(redact('key A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6 end', []), 'key [redacted] end');
  });

  it('keeps 32-hex-digit ids (a UUID without dashes, a request id) readable, but not a token-shaped run', () => {
    const ids = 'request 0f5d6a2e4b1c11ef9c7a0242ac120002 and 0F5D6A2E4B1C11EF9C7A0242AC120002';
    assert.equal(redact(ids, []), ids);
    assert.equal(redact('token-like 0f5d6a2e4b1c11ef9c7a0242ac120002ab', []), 'token-like [redacted]');
  });

  it('keeps UUIDs, auth IDs and ordinary words readable', () => {
    const text = 'api_id 0f5d6a2e-4b1c-11ef-9c7a-0242ac120002 for MAXXXXXXXXXXXXXXXXXX on the Basic plan, aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa';
    assert.equal(redact(text, []), text);
  });
});

describe('snippet', () => {
  it('is one line of at most 200 characters, marked when cut', () => {
    const cut = snippet(`<html>\n  <body>${'word '.repeat(100)}</body>\n</html>`, SECRETS);
    assert.equal(cut.length, SNIPPET_MAX_CHARS);
    assert.ok(cut.startsWith('<html> <body>word word'));
    assert.ok(cut.endsWith('…'));
    assert.equal(snippet('  short\n\tbody ', SECRETS), 'short body');
  });

  it('leaves no fragment of a secret that straddles the cut', () => {
    const body = `${'x '.repeat(95)}${AUTH_TOKEN}`;
    const cut = snippet(body, SECRETS);
    assert.equal(cut.includes(AUTH_TOKEN.slice(0, 5)), false, cut);
  });
});
