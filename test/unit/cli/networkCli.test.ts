// The bundled CLI on a corporate-like network: `bulk-messaging sandbox --tls-cert/--tls-key` serves
// HTTPS with a certificate from a CA made for the run, and `bulk-messaging send` trusts that CA only
// through NODE_EXTRA_CA_CERTS (which Node reads at process start, hence child processes) and goes
// through HTTPS_PROXY unless NO_PROXY says otherwise.
import * as assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestCa, type TestCa } from '../../helpers/testCa';
import { startTestProxy, type TestProxy } from '../../helpers/testProxy';
import { waitFor } from '../../helpers/waitFor';

const ROOT = join(__dirname, '../../../..');
const CLI = join(ROOT, 'dist/cli.js');

function run(args: string[], env: NodeJS.ProcessEnv): { child: ChildProcess; output: () => string; done: Promise<{ code: number | null; stderr: string }> } {
  const child = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, env, timeout: 60_000 });
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stdout?.on('data', (chunk: Buffer) => out.push(chunk));
  child.stderr?.on('data', (chunk: Buffer) => err.push(chunk));
  child.stdin?.end();
  const done = new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr: Buffer.concat(err).toString() }));
  });
  return { child, output: () => Buffer.concat(out).toString(), done };
}

describe('CLI behind a proxy and a private CA (bundled binary)', function () {
  this.timeout(60_000);
  let ca: TestCa;
  let dir: string;
  let sandbox: ReturnType<typeof run>;
  let baseUrl: string;
  let env: NodeJS.ProcessEnv;
  let proxy: TestProxy;
  let list: string;

  before(async () => {
    ca = await createTestCa();
    dir = await mkdtemp(join(tmpdir(), 'bmw-netcli-'));
    const leaf = await ca.issue(['127.0.0.1']);
    await writeFile(join(dir, 'cert.pem'), leaf.cert);
    await writeFile(join(dir, 'key.pem'), leaf.key);
    sandbox = run(['sandbox', '--port', '0', '--tls-cert', join(dir, 'cert.pem'), '--tls-key', join(dir, 'key.pem')], { PATH: process.env.PATH });
    const banner = await waitFor(() => (/Auth token: {2}(\S+)/.test(sandbox.output()) ? sandbox.output() : undefined), 20_000, 'the sandbox banner');
    baseUrl = /running at (https:\/\/127\.0\.0\.1:\d+)/.exec(banner)![1];
    env = {
      PATH: process.env.PATH,
      PLIVO_AUTH_ID: /Auth ID: {5}(\S+)/.exec(banner)![1],
      PLIVO_AUTH_TOKEN: /Auth token: {2}(\S+)/.exec(banner)![1],
      XDG_STATE_HOME: join(dir, 'state'),
    };
    list = join(dir, 'numbers.txt');
    await writeFile(list, '+14155550100\n+14155550101\n');
    proxy = await startTestProxy();
  });
  after(async () => {
    sandbox.child.kill('SIGTERM');
    await sandbox.done;
    await proxy.close();
    await rm(dir, { recursive: true, force: true });
  });

  // Each run gets its own journal, so a later run is a new send rather than a continued one.
  let runs = 0;
  const send = (extraEnv: NodeJS.ProcessEnv) =>
    run(['send', list, '--text', 'Hi', '--src', '+14155550000', '--base-url', baseUrl, '--journal', join(dir, `journal-${++runs}.jsonl`), '--pace', '0'], { ...env, ...extraEnv }).done;

  it('serves HTTPS: an untrusted CA gives the certificate message; NODE_EXTRA_CA_CERTS makes the send work', async () => {
    const refused = await send({});
    assert.notEqual(refused.code, 0);
    assert.match(refused.stderr, /The certificate of 127\.0\.0\.1:\d+ is not trusted \(\w+\); nothing was sent\. .*set NODE_EXTRA_CA_CERTS to its PEM file/);
    const trusted = await send({ NODE_EXTRA_CA_CERTS: ca.certFile });
    assert.equal(trusted.code, 0, trusted.stderr);
    assert.ok(!refused.stderr.includes(env.PLIVO_AUTH_TOKEN!) && !trusted.stderr.includes(env.PLIVO_AUTH_TOKEN!));
  });

  it('goes through HTTPS_PROXY (CONNECT), and NO_PROXY sends around it', async () => {
    const proxied = await send({ NODE_EXTRA_CA_CERTS: ca.certFile, HTTPS_PROXY: proxy.url });
    assert.equal(proxied.code, 0, proxied.stderr);
    assert.match(proxied.stderr, new RegExp(`requests go via proxy ${proxy.url} \\(HTTPS_PROXY\\)`));
    assert.ok(proxy.log.length >= 1 && proxy.log.every((e) => e.method === 'CONNECT' && e.target === new URL(baseUrl).host), JSON.stringify(proxy.log));
    const before = proxy.log.length;
    const bypassed = await send({ NODE_EXTRA_CA_CERTS: ca.certFile, https_proxy: proxy.url, no_proxy: '127.0.0.1' });
    assert.equal(bypassed.code, 0, bypassed.stderr);
    assert.equal(proxy.log.length, before);
  });

  it('sandbox --tls-cert needs --tls-key, and names a file it cannot read', async () => {
    const alone = await run(['sandbox', '--port', '0', '--tls-cert', join(dir, 'cert.pem')], { PATH: process.env.PATH }).done;
    assert.equal(alone.code, 2);
    assert.match(alone.stderr, /--tls-cert and --tls-key go together\./);
    const missing = await run(['sandbox', '--port', '0', '--tls-cert', join(dir, 'cert.pem'), '--tls-key', join(dir, 'nope.pem')], { PATH: process.env.PATH }).done;
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /--tls-key .*nope\.pem: no such file/);
  });
});
