// The client through real loopback proxies (CONNECT and absolute-form, with and without Basic auth)
// and against an HTTPS sandbox whose root certificate is made for the run: what a corporate network
// does to a send, and the message the user gets when it goes wrong.
import * as assert from 'node:assert/strict';
import { type PlivoClientOptions, PlivoClient, type PlivoError, isPlivoError } from '../../../../src/core/client';
import { DIRECT_NETWORK, extraCaFromEnvironment, type NetworkSettings, networkFromEnvironment } from '../../../../src/core/network';
import { type SandboxServer, startSandbox } from '../../../../src/sandbox';
import { createTestCa, type TestCa } from '../../../helpers/testCa';
import { startTestProxy, type TestProxy } from '../../../helpers/testProxy';

const MESSAGE = { src: '14155550000', dst: '14155551111<14155552222', text: 'through the proxy' };

async function failure(promise: Promise<unknown>): Promise<PlivoError> {
  try {
    await promise;
  } catch (error) {
    if (isPlivoError(error)) return error;
    throw error;
  }
  assert.fail('the request succeeded');
}

describe('network: proxies and private certificate authorities', function () {
  this.timeout(20_000);
  let ca: TestCa;
  let plain: SandboxServer;
  let secure: SandboxServer;
  let wrongName: SandboxServer;
  const clients: PlivoClient[] = [];
  const proxies: TestProxy[] = [];

  const trusted = (settings: Partial<NetworkSettings> = {}): NetworkSettings => ({ ...DIRECT_NETWORK, extraCa: [ca.cert], caSources: ['test'], ...settings });
  function client(sandbox: SandboxServer, network: NetworkSettings, extra: Partial<PlivoClientOptions> = {}): PlivoClient {
    const { authId, authToken } = sandbox.accounts[0];
    const made = new PlivoClient({ authId, authToken, baseUrl: sandbox.baseUrl, network, timeouts: { connectMs: 3000, headersMs: 5000 }, ...extra });
    clients.push(made);
    return made;
  }
  async function proxy(auth?: { user: string; password: string }): Promise<TestProxy> {
    const started = await startTestProxy({ auth });
    proxies.push(started);
    return started;
  }
  const via = (p: string, source = 'HTTPS_PROXY'): Pick<NetworkSettings, 'httpsProxy' | 'httpProxy'> => ({ httpsProxy: { url: p, source }, httpProxy: { url: p, source } });

  before(async () => {
    ca = await createTestCa();
    plain = await startSandbox({ timings: { sentAfterMs: 0, deliveredAfterMs: 0, slowDeliveredAfterMs: 0 } });
    secure = await startSandbox({ tls: await ca.issue(['127.0.0.1']) });
    wrongName = await startSandbox({ tls: await ca.issue(['api.example.test']) });
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.close()));
    await Promise.all(proxies.splice(0).map((p) => p.close()));
    plain.reset();
    secure.reset();
  });
  after(async () => {
    await Promise.all([plain.close(), secure.close(), wrongName.close()]);
  });

  it('sends an http:// request through the proxy as an absolute-form request, and logs the proxy', async () => {
    const p = await proxy();
    const lines: string[] = [];
    const sent = await client(plain, { ...DIRECT_NETWORK, ...via(p.url, 'HTTP_PROXY') }, { log: (line) => lines.push(line) }).sendMessage(MESSAGE);
    assert.equal(sent.body.message_uuid.length, 2);
    assert.deepEqual(p.log.map((e) => `${e.method} ${e.target} ${e.status}`), [`POST ${plain.baseUrl}/v1/Account/${plain.accounts[0].authId}/Message/ 202`]);
    assert.match(lines[0], new RegExp(`via proxy ${p.url} \\(HTTP_PROXY\\) → 202`));
  });

  it('sends an https:// request through a CONNECT tunnel to a sandbox signed by a private CA', async () => {
    const p = await proxy();
    const sent = await client(secure, trusted(via(p.url))).sendMessage(MESSAGE);
    assert.equal(sent.body.message_uuid.length, 2);
    assert.deepEqual(p.log, [{ method: 'CONNECT', target: `127.0.0.1:${secure.port}`, status: 200 }]);
    assert.equal(secure.messageCount(), 2);
  });

  it('authenticates to the proxy with user:password in its URL (both forms), and never shows them', async () => {
    const p = await proxy({ user: 'alice', password: 'pr0xy-s3cret' });
    const lines: string[] = [];
    const network = trusted(via(p.urlWith('alice', 'pr0xy-s3cret')));
    await client(secure, network, { log: (line) => lines.push(line) }).sendMessage(MESSAGE);
    await client(plain, network, { log: (line) => lines.push(line) }).sendMessage(MESSAGE);
    assert.deepEqual(p.log.map((e) => `${e.method} ${e.status}`), ['CONNECT 200', 'POST 202']);
    assert.equal(lines.length, 2);
    for (const line of lines) {
      assert.ok(!line.includes('pr0xy-s3cret') && !line.includes('alice'), line);
      assert.match(line, new RegExp(`via proxy ${p.url} `));
    }
  });

  it('authenticates with a ready Proxy-Authorization value (VS Code http.proxyAuthorization)', async () => {
    const p = await proxy({ user: 'bob', password: 'x' });
    const header = `Basic ${Buffer.from('bob:x').toString('base64')}`;
    await client(secure, trusted({ ...via(p.url, 'http.proxy'), origin: 'vscode', proxyAuthorization: header })).sendMessage(MESSAGE);
    assert.deepEqual(p.log.map((e) => e.status), [200]);
  });

  for (const [form, target] of [['CONNECT', () => secure], ['absolute-form', () => plain]] as const) {
    it(`a wrong proxy password gives the 407 message, and nothing reaches the server (${form})`, async () => {
      const p = await proxy({ user: 'alice', password: 'right' });
      const error = await failure(client(target(), trusted(via(p.urlWith('alice', 'wrong')))).sendMessage(MESSAGE));
      assert.equal(error.kind, 'network');
      assert.equal(error.mayHaveReachedServer, false);
      assert.match(error.message, new RegExp(`^The proxy ${p.url} \\(from HTTPS_PROXY\\) asks for credentials \\(HTTP 407\\); nothing was sent\\. Check the user name and password in HTTPS_PROXY`));
      assert.ok(!error.message.includes('wrong') && !JSON.stringify(error).includes('wrong'));
      assert.equal(target().messageCount(), 0);
    });
  }

  it('in VS Code the 407 message names http.proxyAuthorization too', async () => {
    const p = await proxy({ user: 'alice', password: 'right' });
    const error = await failure(client(secure, trusted({ ...via(p.url, 'http.proxy'), origin: 'vscode' })).sendMessage(MESSAGE));
    assert.match(error.message, /asks for credentials \(HTTP 407\).*http\.proxy \(http:\/\/user:password@host:port\) or set http\.proxyAuthorization/);
  });

  it('NO_PROXY sends around the proxy', async () => {
    const p = await proxy();
    const lines: string[] = [];
    const network = { ...networkFromEnvironment({ HTTPS_PROXY: p.url, NO_PROXY: 'example.org, 127.0.0.1' }), extraCa: [ca.cert] };
    await client(secure, network, { log: (line) => lines.push(line) }).sendMessage(MESSAGE);
    assert.deepEqual(p.log, []);
    assert.equal(secure.messageCount(), 2);
    assert.match(lines[0], /direct \(NO_PROXY\) → 202/);
  });

  it('an unreachable proxy: did not reach the server, and the message names the proxy and its setting', async () => {
    const p = await proxy();
    await p.close();
    const error = await failure(client(secure, trusted(via(p.url))).sendMessage(MESSAGE));
    assert.equal(error.mayHaveReachedServer, false);
    assert.match(error.message, new RegExp(`^Could not reach the proxy ${p.url} \\(from HTTPS_PROXY: connection refused\\); nothing was sent\\.`));
    assert.equal(secure.messageCount(), 0);
  });

  it('an untrusted root certificate gives the certificate message; trusting it through NODE_EXTRA_CA_CERTS makes it work', async () => {
    const error = await failure(client(secure, networkFromEnvironment({})).sendMessage(MESSAGE));
    assert.equal(error.mayHaveReachedServer, false);
    assert.match(error.message, new RegExp(`^The certificate of 127\\.0\\.0\\.1:${secure.port} is not trusted \\(\\w+\\); nothing was sent\\. .*set NODE_EXTRA_CA_CERTS to its PEM file`));
    const vscodeError = await failure(client(secure, { ...DIRECT_NETWORK, origin: 'vscode' }).sendMessage(MESSAGE));
    assert.match(vscodeError.message, /NODE_EXTRA_CA_CERTS .*restart VS Code .*http\.proxyStrictSSL/);
    assert.equal(secure.messageCount(), 0);

    assert.deepEqual(extraCaFromEnvironment({ NODE_EXTRA_CA_CERTS: ca.certFile }), [ca.cert.trim()]);
    const sent = await client(secure, networkFromEnvironment({ NODE_EXTRA_CA_CERTS: ca.certFile })).sendMessage(MESSAGE);
    assert.equal(sent.body.message_uuid.length, 2);
  });

  it('an untrusted certificate behind a proxy says it came through that proxy', async () => {
    const p = await proxy();
    const error = await failure(client(secure, { ...DIRECT_NETWORK, ...via(p.url) }).sendMessage(MESSAGE));
    assert.match(error.message, new RegExp(`^The certificate of 127\\.0\\.0\\.1:${secure.port} \\(through the proxy ${p.url}\\) is not trusted`));
    assert.equal(error.mayHaveReachedServer, false);
  });

  it('http.proxyStrictSSL false skips the certificate check, and the log says so', async () => {
    const lines: string[] = [];
    await client(secure, { ...DIRECT_NETWORK, origin: 'vscode', strictSSL: false }, { log: (line) => lines.push(line) }).sendMessage(MESSAGE);
    assert.match(lines[0], /certificates not checked \(http\.proxyStrictSSL\)/);
  });

  it('a certificate for another host name gives the hostname message, direct and through a tunnel', async () => {
    const direct = await failure(client(wrongName, trusted()).sendMessage(MESSAGE));
    assert.match(direct.message, new RegExp(`^The certificate presented for 127\\.0\\.0\\.1:${wrongName.port} is for another host name \\(ERR_TLS_CERT_ALTNAME_INVALID\\); nothing was sent\\.`));
    assert.equal(direct.mayHaveReachedServer, false);
    const p = await proxy();
    const tunnelled = await failure(client(wrongName, trusted(via(p.url))).sendMessage(MESSAGE));
    assert.match(tunnelled.message, /is for another host name \(ERR_TLS_CERT_ALTNAME_INVALID\); nothing was sent\. .*re-sign/);
    assert.equal(wrongName.messageCount(), 0);
  });

  it('an unusable proxy setting fails before anything is sent, naming the setting', async () => {
    // A remote host: a loopback one would bypass the (unusable) proxy. Nothing is dialled either way.
    const settings: NetworkSettings = { ...DIRECT_NETWORK, origin: 'vscode', httpsProxy: { url: 'socks5://127.0.0.1:1080', source: 'http.proxy' } };
    const error = await failure(client(secure, settings, { baseUrl: 'https://api.example.test' }).sendMessage(MESSAGE));
    assert.equal(error.mayHaveReachedServer, false);
    assert.match(error.message, /^http\.proxy uses socks5:\/\/, but only http:\/\/ and https:\/\/ proxies are supported; nothing was sent\./);
  });
});
