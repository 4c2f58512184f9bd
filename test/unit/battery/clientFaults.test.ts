// Battery: every failure the sandbox can produce (its fault injection, its limits, its refusals),
// met by the project's PlivoClient exactly as a send from the composer meets it. For each: a typed
// error, a message that says what happened and what to do, no secret in any rendering of the
// error, exactly one POST in the sandbox's request log (never an automatic second one), and the
// sandbox still serves the next request.
import * as assert from 'node:assert/strict';
import { inspect } from 'node:util';
import { waitFor } from '../../helpers/waitFor';
import {
  PlivoApiError,
  PlivoClient,
  type PlivoClientOptions,
  type PlivoError,
  PlivoMalformedResponseError,
  PlivoNetworkError,
  PlivoRateLimitError,
  PlivoTimeoutError,
} from '../../../src/core/client';
import type { MessageRequest } from '../../../src/core/request';
import type { SandboxServer } from '../../../src/sandbox';
import { describeFailure } from '../../../src/core/client/describeFailure';
import { call, startFast } from '../sandbox/helpers';

const SEND_ROUTE = 'POST /v1/Account/{auth_id}/Message/';
const REQUEST: MessageRequest = { src: '14155550100', dst: '14155551111<14155551112', text: 'Battery' };
/** undici checks timeouts on a ~0.5 s tick: 300 ms fires within about a second. */
const SHORT_TIMEOUT_MS = 300;
/** Long enough for a retry to have landed, had the client made one. */
const RETRY_WINDOW_MS = 150;

type ErrorClass = abstract new (...args: never[]) => PlivoError;

interface FaultCase {
  name: string;
  /** Prepares the sandbox (queues a fault) and returns client options for this case. */
  arrange(sandbox: SandboxServer): Partial<PlivoClientOptions> | void;
  request?: MessageRequest;
  type: ErrorClass;
  /** Facts about the error a caller relies on. */
  check(error: PlivoError): void;
  /** What the message must say (the what-to-do part included). */
  message: RegExp;
  /** What the composer shows as the failure's title. */
  title: RegExp;
  /** Messages the sandbox queued despite the failure (why a retry would duplicate SMS). */
  queued?: number;
}

const mayBeQueued = /may have been queued: check the message list before sending again/;

const CASES: FaultCase[] = [
  {
    name: 'no-response fault → headers timeout, possibly sent',
    arrange: (sandbox) => {
      sandbox.injectFault({ kind: 'no-response', method: 'POST' });
      return { timeouts: { headersMs: SHORT_TIMEOUT_MS } };
    },
    type: PlivoTimeoutError,
    check: (error) => assert.deepEqual([(error as PlivoTimeoutError).phase, error.mayHaveReachedServer], ['headers', true]),
    message: /did not answer within 300 ms, and the request may have reached it\. The messages may have been queued/,
    title: /did not answer in time/,
  },
  {
    name: 'latency fault longer than the timeout → timeout, and the sandbox queues the messages anyway',
    arrange: (sandbox) => {
      sandbox.injectFault({ kind: 'latency', latencyMs: 1200, method: 'POST' });
      return { timeouts: { headersMs: SHORT_TIMEOUT_MS } };
    },
    type: PlivoTimeoutError,
    check: (error) => assert.equal(error.mayHaveReachedServer, true),
    message: mayBeQueued,
    title: /did not answer in time/,
    queued: 2,
  },
  {
    name: 'connection-reset fault → network error, possibly sent',
    arrange: (sandbox) => void sandbox.injectFault({ kind: 'connection-reset', method: 'POST' }),
    type: PlivoNetworkError,
    check: (error) => assert.equal(error.mayHaveReachedServer, true),
    message: /connection to 127\.0\.0\.1:\d+ broke .* so it may have reached Plivo\. The messages may have been queued/,
    title: /connection broke/,
  },
  {
    name: 'rate-limit fault → 429 with its Retry-After',
    arrange: (sandbox) => void sandbox.injectFault({ kind: 'rate-limit', retryAfterSeconds: 7, method: 'POST' }),
    type: PlivoRateLimitError,
    check: (error) => assert.deepEqual([(error as PlivoRateLimitError).status, (error as PlivoRateLimitError).retryAfterSeconds], [429, 7]),
    message: /rate-limiting this account \(HTTP 429: too many requests\)\. Wait 7 s before trying again\./,
    title: /Too many requests \(429\)/,
  },
  {
    name: 'server-error fault → 500 API error that warns the messages may be queued',
    arrange: (sandbox) => void sandbox.injectFault({ kind: 'server-error', method: 'POST' }),
    type: PlivoApiError,
    check: (error) => assert.equal((error as PlivoApiError).status, 500),
    message: /server error \(HTTP 500\): .*may have been queued/,
    title: /Server error \(500\)/,
  },
  {
    name: 'unavailable-html fault → 503 HTML page, malformed with a short snippet',
    arrange: (sandbox) => void sandbox.injectFault({ kind: 'unavailable-html', method: 'POST' }),
    type: PlivoMalformedResponseError,
    check: (error) => {
      const malformed = error as PlivoMalformedResponseError;
      assert.equal(malformed.status, 503);
      assert.match(malformed.snippet, /503 Service Temporarily Unavailable/);
    },
    message: /HTTP 503 to POST .* is not Plivo error JSON/,
    title: /Unexpected response \(HTTP 503\)/,
  },
  {
    name: 'truncated-json fault → malformed 202, and the messages were queued',
    arrange: (sandbox) => void sandbox.injectFault({ kind: 'truncated-json', method: 'POST' }),
    type: PlivoMalformedResponseError,
    check: (error) => assert.deepEqual([(error as PlivoMalformedResponseError).status, (error as PlivoMalformedResponseError).problem], [202, 'is not JSON']),
    message: mayBeQueued,
    title: /Unexpected response \(HTTP 202\)/,
    queued: 2,
  },
  {
    name: 'an invalid destination → 400 with the sandbox’s words',
    arrange: () => undefined,
    request: { ...REQUEST, dst: '12' },
    type: PlivoApiError,
    check: (error) => assert.deepEqual([(error as PlivoApiError).status, (error as PlivoApiError).serverMessage], [400, "'12' is not a valid phone number."]),
    message: /rejected the request \(HTTP 400\): '12' is not a valid phone number\. Fix the request and send again\./,
    title: /Request rejected \(400\)/,
  },
  {
    name: '1,001 unique destinations → 400, nothing queued',
    arrange: () => undefined,
    request: { ...REQUEST, dst: Array.from({ length: 1001 }, (_, i) => `1415${2_000_000 + i}`).join('<') },
    type: PlivoApiError,
    check: (error) => assert.equal((error as PlivoApiError).status, 400),
    message: /HTTP 400\): too many destination numbers/,
    title: /Request rejected \(400\)/,
  },
  {
    name: 'a wrong auth token → 401 that says to check the credentials',
    arrange: () => ({ authToken: 'not-the-sandbox-token' }),
    type: PlivoApiError,
    check: (error) => assert.equal((error as PlivoApiError).status, 401),
    message: /refused the credentials \(HTTP 401\).*Check the auth ID and token\./,
    title: /Authentication failed \(401\)/,
  },
  {
    name: 'an unknown route (base URL with a wrong prefix) → 404 that points at the base URL',
    arrange: (sandbox) => ({ baseUrl: `${sandbox.baseUrl}/plivo-proxy` }),
    type: PlivoApiError,
    check: (error) => assert.equal((error as PlivoApiError).status, 404),
    message: /found nothing at POST \/plivo-proxy\/v1\/Account\/MA\w+\/Message\/ \(HTTP 404\).*Check the base URL/,
    title: /Request rejected \(404\)/,
  },
  {
    name: 'a body over the sandbox’s size cap → 413 API error',
    arrange: () => undefined,
    request: { ...REQUEST, text: 'x'.repeat(1_048_576) },
    type: PlivoApiError,
    check: (error) => assert.equal((error as PlivoApiError).status, 413),
    message: /HTTP 413\): request body exceeds 1048576 bytes/,
    title: /Request rejected \(413\)/,
  },
];

/** The token (raw, in Basic credentials, or URL-encoded) appears in no rendering of the error. */
function assertNoSecret(error: unknown, token: string, authId: string): void {
  const basic = Buffer.from(`${authId}:${token}`).toString('base64');
  const failure = describeFailure(error, 'Battery profile');
  for (const text of [String(error), JSON.stringify(error), (error as Error).stack ?? '', inspect(error, { depth: 5, showHidden: true }), JSON.stringify(failure)]) {
    assert.equal(text.includes(token), false, `token visible in: ${text.slice(0, 300)}`);
    assert.equal(text.includes(basic), false, `credentials visible in: ${text.slice(0, 300)}`);
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** POSTs the sandbox logged on any route (a wrong base URL lands on `POST unknown`). */
function postsLogged(sandbox: SandboxServer): number {
  // Refused requests (a wrong token) are counted apart from the per-route counts.
  const { counts, refused } = sandbox.requestLog();
  return [...Object.entries(counts), ...Object.entries(refused)].reduce((sum, [route, count]) => (route.startsWith('POST ') ? sum + count : sum), 0);
}

describe('battery: the project’s client against every sandbox failure', function () {
  this.timeout(20_000);
  let sandbox: SandboxServer;

  before(async () => {
    sandbox = await startFast();
  });
  beforeEach(() => sandbox.reset());
  after(() => sandbox.close());

  for (const fault of CASES) {
    it(fault.name, async () => {
      const { authId, authToken } = sandbox.accounts[0];
      const options = fault.arrange(sandbox) ?? {};
      const client = new PlivoClient({ authId, authToken, baseUrl: sandbox.baseUrl, ...options });
      try {
        const error = await client.sendMessage(fault.request ?? REQUEST).then(
          () => assert.fail('expected the send to fail'),
          (thrown: unknown) => thrown as PlivoError,
        );
        assert.ok(error instanceof fault.type, `expected ${fault.type.name}, got ${inspect(error)}`);
        fault.check(error);
        assert.match(error.message, fault.message);
        assert.match(describeFailure(error, 'Battery profile').title, fault.title);
        assertNoSecret(error, options.authToken ?? authToken, authId);

        // The sandbox may still be working on the request after the client gave up (a long latency fault).
        const queued = fault.queued ?? 0;
        if (queued > 0) await waitFor(() => (sandbox.messageCount() >= queued ? true : undefined), 5000, 'the sandbox to queue the messages');
        await sleep(RETRY_WINDOW_MS);
        assert.equal(postsLogged(sandbox), 1, 'exactly one POST reached the sandbox');
        assert.equal(sandbox.messageCount(), queued);

        // The sandbox keeps serving, and so does a fresh client.
        const fresh = new PlivoClient({ authId, authToken, baseUrl: sandbox.baseUrl });
        try {
          assert.equal((await fresh.sendMessage(REQUEST)).status, 202);
        } finally {
          await fresh.close();
        }
      } finally {
        await client.close();
      }
    });
  }

  it('a latency fault within the timeout is only slower: the send succeeds once', async () => {
    sandbox.injectFault({ kind: 'latency', latencyMs: 300, method: 'POST' });
    const { authId, authToken } = sandbox.accounts[0];
    const client = new PlivoClient({ authId, authToken, baseUrl: sandbox.baseUrl });
    try {
      const sent = await client.sendMessage(REQUEST);
      assert.equal(sent.status, 202);
      assert.ok(sent.elapsedMs >= 290, `answered after ${sent.elapsedMs} ms`);
      assert.equal(sent.body.message_uuid.length, 2);
      assert.equal(sandbox.requestLog().counts[SEND_ROUTE], 1);
    } finally {
      await client.close();
    }
  });

  it('the sandbox’s own rate limit → 429 with Retry-After, and the request log counts what was refused', async () => {
    const limited = await startFast({ rateLimitPer5s: 2 });
    const { authId, authToken } = limited.accounts[0];
    const client = new PlivoClient({ authId, authToken, baseUrl: limited.baseUrl });
    try {
      assert.equal((await client.sendMessage(REQUEST)).status, 202);
      assert.equal((await client.sendMessage(REQUEST)).status, 202);
      const error = await client.sendMessage(REQUEST).then(() => assert.fail('expected 429'), (thrown: unknown) => thrown);
      assert.ok(error instanceof PlivoRateLimitError);
      assert.ok(error.retryAfterSeconds !== undefined && error.retryAfterSeconds >= 1 && error.retryAfterSeconds <= 5, String(error.retryAfterSeconds));
      assert.match(describeFailure(error, 'p').nextStep, /^Wait \d s, then send again\. Nothing was queued\.$/);
      await sleep(RETRY_WINDOW_MS);
      const log = (await call(limited, 'GET', '/__sandbox/requests')).json as { counts: Record<string, number>; entries: Array<{ status: number }> };
      assert.equal(log.counts[SEND_ROUTE], 3);
      assert.deepEqual(log.entries.filter((entry) => entry.status !== 200).map((entry) => entry.status), [202, 202, 429]);
      assert.equal(limited.messageCount(), 4);
    } finally {
      await client.close();
      await limited.close();
    }
  });

  it('a sandbox that is gone → connection refused, certainly not sent', async () => {
    const gone = await startFast();
    const { authId, authToken } = gone.accounts[0];
    const baseUrl = gone.baseUrl;
    await gone.close();
    const client = new PlivoClient({ authId, authToken, baseUrl });
    try {
      const error = await client.sendMessage(REQUEST).then(() => assert.fail('expected a failure'), (thrown: unknown) => thrown);
      assert.ok(error instanceof PlivoNetworkError);
      assert.deepEqual([error.code, error.mayHaveReachedServer], ['ECONNREFUSED', false]);
      assert.match(error.message, /\(connection refused\); nothing was sent\. Check the base URL and that the server is running/);
      assert.equal(describeFailure(error, 'p').title, 'Could not connect');
      assertNoSecret(error, authToken, authId);
    } finally {
      await client.close();
    }
  });
});
