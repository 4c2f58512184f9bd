import * as assert from 'node:assert/strict';
import { bypassesProxy, DIRECT_NETWORK, describeRoute, networkFromEditorSettings, networkFromEnvironment, type NetworkSettings, resolveRoute } from '../../../../src/core/network';

const PLIVO = new URL('https://api.plivo.com');
const withProxy = (url: string, extra: Partial<NetworkSettings> = {}): NetworkSettings => ({ ...DIRECT_NETWORK, httpsProxy: { url, source: 'HTTPS_PROXY' }, httpProxy: { url, source: 'HTTP_PROXY' }, ...extra });

describe('network route: which way a base URL is reached', () => {
  it('uses the proxy for the target scheme and shows it without credentials, path or query', () => {
    const route = resolveRoute(PLIVO, withProxy('http://bob:s3cret@proxy.corp:3128/path?x=1'));
    assert.equal(route.kind, 'proxy');
    assert.equal(describeRoute(route), 'via proxy http://proxy.corp:3128 (HTTPS_PROXY)');
    assert.equal(describeRoute(resolveRoute(new URL('http://mock.corp:8080'), withProxy('proxy.corp:3128'))), 'via proxy http://proxy.corp:3128 (HTTP_PROXY)');
  });

  it('no proxy set: direct, with nothing to log', () => {
    assert.equal(describeRoute(resolveRoute(PLIVO, DIRECT_NETWORK)), '');
  });

  it('loopback bypasses a remote proxy (it could not reach this machine) but not a proxy on this machine', () => {
    for (const host of ['127.0.0.1', 'localhost', '[::1]', '127.9.9.9']) {
      assert.equal(describeRoute(resolveRoute(new URL(`http://${host}:8089`), withProxy('http://proxy.corp:3128'))), 'direct (loopback)', host);
    }
    assert.equal(resolveRoute(new URL('http://127.0.0.1:8089'), withProxy('http://127.0.0.1:8888')).kind, 'proxy');
  });

  it('NO_PROXY entries: exact host, subdomains, leading dot or *., host:port, and *', () => {
    assert.equal(bypassesProxy('api.plivo.com', 443, ['plivo.com']), true);
    assert.equal(bypassesProxy('api.plivo.com', 443, ['.plivo.com']), true);
    assert.equal(bypassesProxy('api.plivo.com', 443, ['*.plivo.com']), true);
    assert.equal(bypassesProxy('notplivo.com', 443, ['plivo.com']), false);
    assert.equal(bypassesProxy('api.plivo.com', 443, ['api.plivo.com:8443']), false);
    assert.equal(bypassesProxy('api.plivo.com', 443, ['api.plivo.com:443']), true);
    assert.equal(bypassesProxy('anything', 80, ['*']), true);
    const route = resolveRoute(PLIVO, { ...withProxy('http://proxy.corp:3128'), noProxy: ['plivo.com'], noProxySource: 'NO_PROXY' });
    assert.equal(describeRoute(route), 'direct (NO_PROXY)');
  });

  it('an unusable proxy setting is reported with its source', () => {
    const route = resolveRoute(PLIVO, withProxy('http://[bad'));
    assert.deepEqual(route.kind === 'invalid' && route.problem, 'HTTPS_PROXY is not a valid proxy URL');
  });

  it('reads the environment in either case, lower case first; https falls back to HTTP_PROXY', () => {
    const both = networkFromEnvironment({ HTTPS_PROXY: 'http://upper:1', https_proxy: 'http://lower:2', NO_PROXY: 'a.com, b.com' });
    assert.deepEqual(both.httpsProxy, { url: 'http://lower:2', source: 'https_proxy' });
    assert.deepEqual(both.noProxy, ['a.com', 'b.com']);
    assert.deepEqual(networkFromEnvironment({ HTTP_PROXY: 'http://p:3' }).httpsProxy, { url: 'http://p:3', source: 'HTTP_PROXY' });
    assert.deepEqual(networkFromEnvironment({ NODE_EXTRA_CA_CERTS: '/no/such/file.pem' }).extraCa, []);
  });
});

describe('network settings from VS Code http.* (VS Code precedence)', () => {
  const env = { HTTPS_PROXY: 'http://env-proxy:1', NO_PROXY: 'env.example' };

  it('http.proxy wins over the environment; its noProxy replaces NO_PROXY when it has entries', () => {
    const settings = networkFromEditorSettings({ proxy: 'http://vs-proxy:2', noProxy: ['corp.example'], proxyAuthorization: 'Basic eDp5', proxyStrictSSL: false }, env);
    assert.deepEqual(settings.httpsProxy, { url: 'http://vs-proxy:2', source: 'http.proxy' });
    assert.deepEqual([settings.noProxy, settings.noProxySource], [['corp.example'], 'http.noProxy']);
    assert.equal(settings.proxyAuthorization, 'Basic eDp5');
    assert.equal(settings.strictSSL, false);
    assert.equal(settings.origin, 'vscode');
  });

  it('without http.proxy the environment applies, with its NO_PROXY', () => {
    const settings = networkFromEditorSettings({ proxy: '', noProxy: [] }, env);
    assert.deepEqual(settings.httpsProxy, { url: 'http://env-proxy:1', source: 'HTTPS_PROXY' });
    assert.deepEqual([settings.noProxy, settings.noProxySource], [['env.example'], 'NO_PROXY']);
  });

  it('http.proxySupport off: no proxy at all; system certificates only while http.systemCertificates is on', () => {
    assert.equal(networkFromEditorSettings({ proxy: 'http://vs-proxy:2', proxySupport: 'off' }, env).httpsProxy, undefined);
    const pem = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----';
    assert.deepEqual(networkFromEditorSettings({}, {}, () => [pem]).extraCa, [pem]);
    assert.deepEqual(networkFromEditorSettings({ systemCertificates: false }, {}, () => [pem]).extraCa, []);
  });
});
