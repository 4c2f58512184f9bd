// `bulk-messaging send`: the real bundled binary against a real sandbox on loopback. Exit codes,
// refusals, and exactly-once across runs of the same command — also after the process is killed
// in the middle of a POST.
import * as assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SandboxServer } from '../../../src/sandbox';
import { accountPath, call, startFast, waitFor } from '../sandbox/helpers';

const ROOT = join(__dirname, '../../../..');
const CLI = join(ROOT, 'dist/cli.js');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function start(args: string[], env: NodeJS.ProcessEnv): { child: ChildProcess; done: Promise<Run> } {
  const child = spawn(process.execPath, [CLI, 'send', ...args], { cwd: ROOT, env, timeout: 60_000 });
  const stdout: Buffer[] = [];
  const stderr: Buffer[] = [];
  child.stdout?.on('data', (chunk: Buffer) => stdout.push(chunk));
  child.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk));
  const done = new Promise<Run>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout: Buffer.concat(stdout).toString(), stderr: Buffer.concat(stderr).toString() }));
  });
  child.stdin?.end();
  return { child, done };
}

describe('bulk-messaging send (CLI, real sandbox)', function () {
  this.timeout(60_000);
  let sandbox: SandboxServer;
  let dir: string;
  let env: NodeJS.ProcessEnv;
  let list: string;
  const numbers = Array.from({ length: 2500 }, (_, i) => `+1415556${String(i).padStart(4, '0')}`);

  before(async () => {
    sandbox = await startFast();
  });
  beforeEach(async () => {
    assert.equal((await call(sandbox, 'POST', '/__sandbox/reset')).status, 200);
    dir = await mkdtemp(join(tmpdir(), 'bmw-send-'));
    list = join(dir, 'numbers.txt');
    await writeFile(list, `${numbers.join('\n')}\nnot-a-number\n${numbers[0]}\n`);
    const { authId, authToken } = sandbox.accounts[0];
    env = { PATH: process.env.PATH, PLIVO_AUTH_ID: authId, PLIVO_AUTH_TOKEN: authToken, XDG_STATE_HOME: join(dir, 'state') };
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));
  after(() => sandbox.close());

  const args = (...extra: string[]) => [list, '--text', 'Hello', '--src', '+14155550000', '--base-url', sandbox.baseUrl, '--pace', '0', '--list-rate', '60000', ...extra];
  const run = (extra: string[] = [], environment = env) => start(args(...extra), environment).done;

  async function messagesPerNumber(): Promise<Map<string, number>> {
    const counts = new Map<string, number>();
    for (let offset = 0; ; offset += 20) {
      const page = await call(sandbox, 'GET', accountPath(sandbox, `Message/?limit=20&offset=${offset}`));
      for (const m of page.json.objects as Array<{ to_number: string }>) counts.set(m.to_number, (counts.get(m.to_number) ?? 0) + 1);
      if (!page.json.meta.next) return counts;
    }
  }

  async function assertExactlyOnce(): Promise<void> {
    const counts = await messagesPerNumber();
    assert.equal(counts.size, numbers.length);
    const twice = [...counts].filter(([, n]) => n !== 1);
    assert.deepEqual(twice, [], 'every destination got exactly one message');
  }

  it('sends every unique valid number once, reports the invalid entry, exits 0; the same command again sends nothing', async () => {
    const first = await run(['--json']);
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stderr, /1 invalid entry is skipped:\n {2}line 2501: "not-a-number"/);
    const summary = JSON.parse(first.stdout);
    assert.deepEqual(summary.progress, { total: 2500, accepted: 2500, refused: 0, inDoubt: 0, notSent: 0 });
    assert.deepEqual(summary.batches.map((b: { size: number }) => b.size), [1000, 1000, 500]);
    const again = await run();
    assert.equal(again.code, 0, again.stderr);
    assert.match(again.stderr, /Continuing the send in .*: 2,500 accepted of 2,500/);
    await assertExactlyOnce();
    assert.ok(!first.stderr.includes(env.PLIVO_AUTH_TOKEN!) && !first.stdout.includes(env.PLIVO_AUTH_TOKEN!), 'the token is never printed');
  });

  it('truncated-json on batch 2 (which was queued): exit 4 with the command to run next; running it sends only batch 3', async () => {
    sandbox.injectFault({ kind: 'truncated-json', method: 'POST', path: '/Message/', skip: 1 });
    const first = await run();
    assert.equal(first.code, 4, first.stderr);
    assert.match(first.stderr, /1,000 accepted, 1,000 in doubt, 500 not sent of 2,500/);
    assert.match(first.stderr, /Check the 1,000 in doubt first/);
    const next = /Next: bulk-messaging send (.*)\n/.exec(first.stderr);
    assert.ok(next, first.stderr);
    assert.match(next[1], /--journal /);
    const second = await run();
    assert.equal(second.code, 0, second.stderr);
    assert.match(second.stderr, /batch 2: checked — 1000 were queued, 0 were not/);
    await assertExactlyOnce();
  });

  it('killed (SIGKILL) while a POST is held: the next run checks that batch in the account instead of posting it again', async () => {
    sandbox.injectFault({ kind: 'latency', method: 'POST', path: '/Message/', skip: 1, latencyMs: 1500 });
    const { child, done } = start(args('--timeout', '5'), env);
    // Kill once the held POST of batch 2 has reached the sandbox.
    await waitFor(async () => ((await call(sandbox, 'GET', '/__sandbox/requests')).json.counts?.['POST /v1/Account/{auth_id}/Message/'] >= 2 ? true : undefined), 20_000, 'the second POST');
    child.kill('SIGKILL');
    const killed = await done;
    assert.equal(killed.code, null);
    const second = await run(['--timeout', '5']);
    assert.equal(second.code, 0, second.stderr);
    assert.match(second.stderr, /batch 2: checked — 1000 were queued/);
    await assertExactlyOnce();
  });

  it('refuses a journal of another send, and a second process on the same journal', async () => {
    const journal = join(dir, 'j.jsonl');
    assert.equal((await run(['--journal', journal])).code, 0);
    const other = await start([list, '--text', 'Different text', '--src', '+14155550000', '--base-url', sandbox.baseUrl, '--journal', journal], env).done;
    assert.equal(other.code, 2);
    assert.match(other.stderr, /belongs to another send/);
    await writeFile(`${journal}.lock`, String(process.pid));
    const busy = await run(['--journal', journal]);
    assert.equal(busy.code, 2);
    assert.match(busy.stderr, /another bulk-messaging process \(pid \d+\) is running this send/);
  });

  it('exit codes: 3 on a wrong token, 2 without a token, 1 with no valid number, 4 (nothing posted) for a non-loopback URL without --yes', async () => {
    const wrong = await run([], { ...env, PLIVO_AUTH_TOKEN: 'wrong-token-wrong-token-wrong-token-0000' });
    assert.equal(wrong.code, 3, wrong.stderr);
    assert.match(wrong.stderr, /authentication failed/i);
    const noToken = await run([], { ...env, PLIVO_AUTH_TOKEN: '' });
    assert.equal(noToken.code, 2);
    assert.match(noToken.stderr, /set PLIVO_AUTH_TOKEN/);
    await writeFile(list, 'nothing here\n');
    const none = await run();
    assert.equal(none.code, 1);
    assert.match(none.stderr, /no valid phone number/);
    await writeFile(list, `${numbers[0]}\n`);
    const live = await start([list, '--text', 'Hi', '--src', '+14155550000', '--base-url', 'https://api.plivo.com'], env).done;
    assert.equal(live.code, 4);
    assert.match(live.stderr, /Would send to 1 destination at https:\/\/api\.plivo\.com .*Nothing was sent: add --yes/);
    const log = (await call(sandbox, 'GET', '/__sandbox/requests')).json;
    const route = 'POST /v1/Account/{auth_id}/Message/';
    // The wrong-token attempt is refused before auth, so it is counted apart.
    assert.equal((log.counts[route] ?? 0) + (log.refused[route] ?? 0), 1, 'only the wrong-token attempt reached the sandbox');
  });
});
