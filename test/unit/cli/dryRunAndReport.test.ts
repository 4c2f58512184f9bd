// `bulk-messaging send --dry-run [--as LANG]` and `bulk-messaging report`: the real bundled binary
// against a real sandbox on loopback; outputs are parsed back, never matched as whole strings.
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import type { SandboxServer } from '../../../src/sandbox';
import { startFast } from '../sandbox/helpers';
import { sandboxDestinations } from '../core/codegen/runSnippet';

const ROOT = join(__dirname, '../../../..');
const CLI = join(ROOT, 'dist/cli.js');

function cli(args: string[], env: NodeJS.ProcessEnv): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = execFile(process.execPath, [CLI, ...args], { env, timeout: 60_000, maxBuffer: 32 * 1024 * 1024 }, (error, stdout, stderr) => {
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
    child.stdin?.end();
  });
}

describe('bulk-messaging send --dry-run and report (CLI, real sandbox)', function () {
  this.timeout(60_000);
  let sandbox: SandboxServer;
  let dir: string;
  let list: string;
  let env: NodeJS.ProcessEnv;
  const us = Array.from({ length: 1100 }, (_, i) => `+1415777${String(i).padStart(4, '0')}`);
  const gb = ['+447400123456', '+447400123457'];

  before(async () => {
    sandbox = await startFast();
    dir = await mkdtemp(join(tmpdir(), 'bmw-dry-'));
    list = join(dir, 'numbers.txt');
    await writeFile(list, `${[...us, ...gb, us[3]].join('\n')}\nnot-a-number\n`);
    const account = sandbox.accounts[0];
    env = { PATH: process.env.PATH, HOME: dir, XDG_STATE_HOME: join(dir, 'state'), PLIVO_AUTH_ID: account.authId, PLIVO_AUTH_TOKEN: account.authToken };
  });
  beforeEach(() => sandbox.reset());
  after(() => sandbox.close());

  const base = (): string[] => ['send', list, '--text', 'Don\'t pay $5 for "{this}" 🎉', '--src', '14155550100', '--base-url', sandbox.baseUrl];

  it('--dry-run --as curl prints only the script on stdout; run, it sends one message per unique number', async () => {
    const result = await cli([...base(), '--dry-run', '--as', 'curl'], env);
    assert.equal(result.code, 0, result.stderr);
    assert.ok(result.stdout.startsWith('#!/bin/sh\n'), 'stdout is the code alone');
    assert.ok(!result.stdout.includes(sandbox.accounts[0].authToken));
    assert.match(result.stderr, /nothing was sent/);
    assert.equal(sandbox.requestLog().counts['POST /v1/Account/{auth_id}/Message/'] ?? 0, 0, 'the dry run posted nothing');

    const script = join(dir, 'send.sh');
    await writeFile(script, result.stdout);
    const ran = await new Promise<number>((resolve) => execFile('sh', [script], { env }, (error) => resolve(error ? 1 : 0)));
    assert.equal(ran, 0);
    const held = await sandboxDestinations(sandbox);
    assert.equal(held.length, 1102);
    assert.equal(new Set(held).size, 1102);
  });

  it('--dry-run prints the estimate: countries, UCS-2 parts, units, cost from the sandbox prices, time', async () => {
    const result = await cli([...base(), '--dry-run', '--mps', '10'], env);
    assert.equal(result.code, 0, result.stderr);
    assert.equal(result.stdout, '');
    // The emoji forces UCS-2, yet 28 characters still fit one UCS-2 part of 70.
    assert.match(result.stderr, /Destinations: 1,102 unique \(US 1,100 × 1 × \$0\.00500, GB 2 × 1 × \$0\.04000\)/);
    assert.match(result.stderr, /Encoding: UCS-2/);
    assert.match(result.stderr, /Total units: 1,102 in 2 requests/);
    assert.match(result.stderr, /Estimated cost: \$5\.58/);
    assert.match(result.stderr, /Estimated time: 1 min 51 s/);
    assert.match(result.stderr, /1 invalid entry is skipped/);
    assert.equal(sandbox.requestLog().counts['GET /v1/Account/{auth_id}/Pricing/'], 2, 'one price call per country');
  });

  it('--dry-run --json gives the estimate as JSON; without a token the cost is unknown and says why', async () => {
    const json = await cli([...base(), '--dry-run', '--json'], env);
    const parsed = JSON.parse(json.stdout) as { estimate: { amount: string; units: number; countries: Array<{ country: string }> } };
    assert.equal(parsed.estimate.amount, '5.58000');
    assert.deepEqual(parsed.estimate.countries.map((c) => c.country), ['US', 'GB']);
    const noToken = await cli([...base(), '--dry-run'], { ...env, PLIVO_AUTH_TOKEN: '' });
    assert.equal(noToken.code, 0, noToken.stderr);
    assert.match(noToken.stderr, /Estimated cost: unknown/);
    assert.match(noToken.stderr, /set PLIVO_AUTH_ID \(or --auth-id\) and PLIVO_AUTH_TOKEN/);
  });

  it('--as without --dry-run and an unknown language are refused', async () => {
    assert.equal((await cli([...base(), '--as', 'curl'], env)).code, 2);
    const unknown = await cli([...base(), '--dry-run', '--as', 'cobol'], env);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /unknown language "cobol": use curl, node, python/);
  });

  it('report JOURNAL --csv and JSON: one row per destination with its UUID, country and state; no token', async () => {
    const journal = join(dir, 'send.jsonl');
    const sent = await cli([...base(), '--journal', journal, '--pace', '0'], env);
    assert.equal(sent.code, 0, sent.stderr);
    const csv = await cli(['report', journal, '--csv'], env);
    assert.equal(csv.code, 0, csv.stderr);
    const rows = parse(csv.stdout, { columns: true }) as Array<Record<string, string>>;
    assert.equal(rows.length, 1102);
    assert.ok(rows.every((r) => /^[0-9a-f-]{36}$/.test(r.uuid) && r.state === 'queued'));
    assert.deepEqual([rows[0].destination, rows[0].country, rows[0].batch], [us[0], 'US', '1']);
    assert.deepEqual([rows[1101].country, rows[1101].batch], ['GB', '2']);
    assert.ok(!csv.stdout.includes(sandbox.accounts[0].authToken));

    const json = await cli(['report', journal], env);
    const report = JSON.parse(json.stdout) as { sends: Array<{ request: { text: string }; destinations: Array<{ uuid: string }> }> };
    assert.equal(report.sends[0].destinations.length, 1102);
    assert.equal(report.sends[0].request.text, 'Don\'t pay $5 for "{this}" 🎉');
    assert.ok(!json.stdout.includes(sandbox.accounts[0].authToken));
  });

  it('report refuses a missing file and a file that is not a journal', async () => {
    const missing = await cli(['report', join(dir, 'nope.jsonl')], env);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /no journal at/);
    await writeFile(join(dir, 'list.jsonl'), 'hello\n');
    const wrong = await cli(['report', join(dir, 'list.jsonl')], env);
    assert.equal(wrong.code, 2);
    assert.match(wrong.stderr, /is not a send journal: line 1 is not JSON/);
  });
});
