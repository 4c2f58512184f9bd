// A server (or a proxy in front of it) that echoes the auth token back — as it is, JSON-escaped and
// HTML-escaped — through every error path the client has. Tokens hold `" \ < & '` so the escaped
// forms differ from the raw one; none of them may reach a message, a log line, JSON or the
// composer's failure text.
import * as assert from 'node:assert/strict';
import type { ServerResponse } from 'node:http';
import { describeFailure, isPlivoError, PlivoClient, secretForms } from '../../../../src/core/client';
import { DIRECT_NETWORK } from '../../../../src/core/network';
import { AUTH_ID, startTestServer, type TestServer } from './testServer';

const TOKENS = [`Zx9Tq7"Lm2\\Pw4<Rt6&Yu8'Io0Pa1Sd3Fg5Hj7`, `<&"\\>Kq4Wn8Bv2Mc6Xz0`];
const html = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
const json = (text: string) => JSON.stringify(text).slice(1, -1);
const goJson = (text: string) => json(text).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');

function reply(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { 'content-type': type, 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

/** Each error path, answering with the token in a given form. */
const PATHS: Array<{ name: string; respond: (res: ServerResponse, token: string) => void }> = [
  { name: '400 Plivo error JSON quoting it raw', respond: (res, t) => reply(res, 400, 'application/json', JSON.stringify({ api_id: 'a', error: `bad token ${t}` })) },
  { name: '401 error JSON quoting it HTML-escaped', respond: (res, t) => reply(res, 401, 'application/json', JSON.stringify({ api_id: 'a', error: `token ${html(t)} refused` })) },
  { name: '400 per-field error object (re-serialised as JSON)', respond: (res, t) => reply(res, 400, 'application/json', JSON.stringify({ api_id: 'a', error: { auth: t, note: `was ${t}` } })) },
  { name: '500 HTML page with every form', respond: (res, t) => reply(res, 500, 'text/html', `<html><body><p>${t}</p><p>${html(t)}</p><pre>{"t":"${json(t)}"}</pre><script>var t="${goJson(t)}"</script></body></html>`) },
  { name: '502 from a proxy, HTML-escaped JSON', respond: (res, t) => reply(res, 502, 'text/html', `<h1>Bad gateway</h1><code>${html(`{"token":"${json(t)}"}`)}</code>`) },
  { name: '429 text body', respond: (res, t) => reply(res, 429, 'text/plain', `slow down, ${t} / ${json(t)} / ${html(t)}`) },
  { name: '202 that is not JSON', respond: (res, t) => reply(res, 202, 'text/html', `<p>queued for ${html(t)}</p>`) },
  { name: '202 JSON of the wrong shape', respond: (res, t) => reply(res, 202, 'application/json', `{"message":"${json(t)}","echo":"${goJson(t)}"}`) },
  { name: '407 from a proxy', respond: (res, t) => reply(res, 407, 'text/html', `<p>${html(t)}</p>`) },
];

describe('redaction of a token echoed raw, JSON- and HTML-escaped, on every error path', () => {
  let server: TestServer;
  before(async () => {
    server = await startTestServer();
  });
  after(() => server.close());

  for (const token of TOKENS) {
    const forms = [...secretForms(token), html(token), json(token), goJson(token), html(`"${json(token)}"`).slice(6, -6)];
    // Also no alphanumeric piece of 6 or more characters: a partial redaction must not leave one.
    const pieces = token.split(/[^A-Za-z0-9]+/).filter((piece) => piece.length >= 6);
    const assertClean = (what: string, text: string) => {
      for (const form of [...forms, ...pieces]) assert.ok(!text.includes(form), `${what} holds ${JSON.stringify(form)}: ${text}`);
    };

    for (const path of PATHS) {
      it(`${path.name} — token ${JSON.stringify(token.slice(0, 8))}…`, async () => {
        server.respond = (_req, res) => path.respond(res, token);
        const lines: string[] = [];
        const client = new PlivoClient({ authId: AUTH_ID, authToken: token, baseUrl: server.origin, network: DIRECT_NETWORK, log: (line) => lines.push(line) });
        try {
          await client.sendMessage({ src: '14155550000', dst: '14155551111', text: 'hi' });
          assert.fail('the request succeeded');
        } catch (error) {
          assert.ok(isPlivoError(error), String(error));
          assertClean('message', error.message);
          assertClean('JSON', JSON.stringify(error));
          assertClean('stack', String(error.stack));
          for (const action of ['send', 'test'] as const) {
            const failure = describeFailure(error, 'Profile', action);
            assertClean(`${action} failure`, `${failure.title} ${failure.detail} ${failure.nextStep}`);
          }
        } finally {
          await client.close();
        }
        assert.equal(lines.length, 1);
        assertClean('log', lines[0]);
      });
    }
  }
});
