import * as assert from 'node:assert/strict';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'undici';
import { basic, waitFor } from './helpers';

// Runs the compiled command module in a child process, as `bulk-messaging sandbox …` does.
const COMMAND_MODULE = join(__dirname, '../../../src/cli/sandboxCommand.js');
const RUNNER = `require(${JSON.stringify(COMMAND_MODULE)}).runSandboxCommand(process.argv.slice(1)).then((code) => process.exit(code));`;

interface Cli {
  child: ChildProcessWithoutNullStreams;
  stdout: () => string;
  stderr: () => string;
  exited: Promise<number | null>;
}

function runCli(args: string[]): Cli {
  const child = spawn(process.execPath, ['-e', RUNNER, '--', ...args], { stdio: 'pipe' });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, stdout: () => out, stderr: () => err, exited };
}

describe('bulk-messaging sandbox (CLI)', function () {
  // Child processes start slowly on a busy machine; the work itself is quick.
  this.timeout(30_000);
  const started: Cli[] = [];
  after(() => {
    for (const cli of started) if (cli.child.exitCode === null) cli.child.kill('SIGKILL');
  });

  it('prints URL and credentials, logs each request on one line, stops on SIGINT', async () => {
    const cli = runCli(['--port', '0', '--auth-id', 'MACLITEST00000000000', '--auth-token', 'cli-secret-token', '--mps', '50']);
    started.push(cli);
    const baseUrl = await waitFor(() => /running at (http:\/\/127\.0\.0\.1:\d+)/.exec(cli.stdout())?.[1], 15_000, 'the banner');
    assert.match(cli.stdout(), /Auth ID: +MACLITEST00000000000/);
    assert.match(cli.stdout(), /Auth token: +cli-secret-token/);
    assert.match(cli.stdout(), /50 messages\/s/);
    const res = await request(`${baseUrl}/v1/Account/MACLITEST00000000000/Message/`, {
      method: 'POST',
      headers: { authorization: basic('MACLITEST00000000000', 'cli-secret-token'), 'content-type': 'application/json' },
      body: JSON.stringify({ src: '14155550000', dst: '14155551111', text: 'from the cli test' }),
    });
    assert.equal(res.statusCode, 202);
    await res.body.dump();
    const line = await waitFor(() => cli.stdout().split('\n').find((l) => l.includes('POST /v1/Account/MACLITEST00000000000/Message/')), 2000, 'a log line');
    assert.match(line, / 202 \d+\.\dms$/);
    assert.equal(line.includes('cli-secret-token'), false);
    cli.child.kill('SIGINT');
    assert.equal(await cli.exited, 0);
    assert.match(cli.stdout(), /Sandbox stopped/);
  });

  it('stops on SIGTERM too', async () => {
    const cli = runCli(['--port', '0']);
    started.push(cli);
    await waitFor(() => /running at/.exec(cli.stdout())?.[0], 15_000, 'the banner');
    assert.match(cli.stdout(), /Auth ID: +MA[A-Z0-9]{18}/);
    cli.child.kill('SIGTERM');
    assert.equal(await cli.exited, 0);
  });

  it('bad arguments exit 2 with the usage; --help exits 0', async () => {
    const bad = runCli(['--port', 'eighty']);
    started.push(bad);
    assert.equal(await bad.exited, 2);
    assert.match(bad.stderr(), /--port must be a whole number/);
    assert.match(bad.stderr(), /Usage: bulk-messaging sandbox/);
    const unknown = runCli(['--colour']);
    started.push(unknown);
    assert.equal(await unknown.exited, 2);
    const help = runCli(['--help']);
    started.push(help);
    assert.equal(await help.exited, 0);
    assert.match(help.stdout(), /--mps/);
  });

  it('--chaos FILE and --seed load the rules; --allow-host adds a name; a bad rules file exits 2 saying where', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'chaos-'));
    const file = join(dir, 'sandbox.chaos.json');
    writeFileSync(file, JSON.stringify({ rules: [{ route: 'send', to: '+1 415 555 1111', effect: { kind: 'rate-limit', retryAfterSeconds: 4 } }] }));
    const cli = runCli(['--port', '0', '--auth-id', 'MACLITEST00000000000', '--auth-token', 'cli-secret-token', '--chaos', file, '--seed', '99', '--allow-host', 'sandbox.test', '--inbound-url', 'http://127.0.0.1:9/sms']);
    started.push(cli);
    const baseUrl = await waitFor(() => /running at (http:\/\/127\.0\.0\.1:\d+)/.exec(cli.stdout())?.[1], 15_000, 'the banner');
    const authorization = basic('MACLITEST00000000000', 'cli-secret-token');
    const chaos = await request(`${baseUrl}/__sandbox/chaos`, { headers: { authorization } });
    const snapshot = (await chaos.body.json()) as { seed: number; rules: unknown[] };
    assert.equal(snapshot.seed, 99);
    assert.equal(snapshot.rules.length, 1);
    const inbound = await request(`${baseUrl}/__sandbox/inbound`, { headers: { authorization } });
    assert.deepEqual(await inbound.body.json(), { url: 'http://127.0.0.1:9/sms' });
    const res = await request(`${baseUrl}/v1/Account/MACLITEST00000000000/Message/`, {
      method: 'POST',
      headers: { authorization, 'content-type': 'application/json' },
      body: JSON.stringify({ src: '14155550000', dst: '+14155551111', text: 'hi' }),
    });
    assert.equal(res.statusCode, 429);
    assert.equal(res.headers['retry-after'], '4');
    await res.body.dump();
    const port = new URL(baseUrl).port;
    const allowed = await request(`${baseUrl}/__sandbox/`, { headers: { authorization, host: `sandbox.test:${port}` } });
    assert.equal(allowed.statusCode, 200);
    await allowed.body.dump();
    const foreign = await request(`${baseUrl}/__sandbox/`, { headers: { authorization, host: `other.test:${port}` } });
    assert.equal(foreign.statusCode, 403);
    await foreign.body.dump();
    cli.child.kill('SIGINT');
    assert.equal(await cli.exited, 0);

    writeFileSync(file, JSON.stringify({ rules: [{ route: 'send', effect: { kind: 'outcome', state: 'failed', errorCode: '31' } }] }));
    const bad = runCli(['--port', '0', '--chaos', file]);
    started.push(bad);
    assert.equal(await bad.exited, 2);
    assert.match(bad.stderr(), /--chaos: .*sandbox\.chaos\.json: rules\[0\]\.effect\.errorCode/);
    const missing = runCli(['--port', '0', '--chaos', join(dir, 'nope.json')]);
    started.push(missing);
    assert.equal(await missing.exited, 2);
    assert.match(missing.stderr(), /cannot read .*ENOENT/);
  });

  it('a port in use exits 1 with advice', async () => {
    const first = runCli(['--port', '0']);
    started.push(first);
    const port = await waitFor(() => /running at http:\/\/127\.0\.0\.1:(\d+)/.exec(first.stdout())?.[1], 15_000, 'the banner');
    const second = runCli(['--port', port]);
    started.push(second);
    assert.equal(await second.exited, 1);
    assert.match(second.stderr(), /already in use/);
    first.child.kill('SIGINT');
    assert.equal(await first.exited, 0);
  });
});
