import * as assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assertRefused, ensureCliBuilt, run } from './runCli';

interface JsonEntry {
  line: number;
  column: number;
  input: string;
  status: string;
  e164: string | null;
  reason: string | null;
  country: string | null;
  type: string | null;
  ambiguous: boolean;
}

describe('bulk-messaging CLI (built binary)', function () {
  this.timeout(120_000);
  let dir: string;
  const file = (name: string): string => join(dir, name);

  before(async () => {
    await ensureCliBuilt();
    dir = await mkdtemp(join(tmpdir(), 'bulk-messaging-cli-'));
    await writeFile(file('valid.txt'), '+1 415 555 0100\n+447400123456, +1 (415) 555-0100\n');
    await writeFile(file('mixed.txt'), '+14155550100\nabc\n+1415\n');
    await writeFile(file('national.txt'), '4155550100\n2015550100\n');
    await writeFile(file('contacts.csv'), 'name,phone\r\n"Doe, Ann","+1 415 555 0100"\r\nBob,12\r\n');
    await writeFile(file('empty.txt'), '');
    await writeFile(file('blank.txt'), '  \n\t\n');
    await writeFile(file('header-only.csv'), 'phone\n');
    await writeFile(file('binary.bin'), Buffer.from([0x2b, 0x31, 0x00, 0x01, 0x02, 0xff]));
    await writeFile(file('latin1.txt'), Buffer.from('+14155550100 caf\xe9\n', 'latin1'));
    await writeFile(file('huge.txt'), Buffer.alloc(10 * 1024 * 1024 + 1, '1'));
  });

  after(async () => {
    if (dir !== undefined) await rm(dir, { recursive: true, force: true });
  });

  describe('help and usage', () => {
    it('--help lists the check and sandbox commands', async () => {
      const result = await run(['--help']);
      assert.equal(result.code, 0);
      assert.match(result.stdout, /check FILE\|-/);
      assert.match(result.stdout, /sandbox/);
    });

    it('check --help documents the options and exit codes', async () => {
      const result = await run(['check', '--help']);
      assert.equal(result.code, 0);
      for (const text of ['--region', '--json', '--format', 'sarif', 'github', 'UTF-16', 'FIFO', 'Exit status', '10 MB']) assert.ok(result.stdout.includes(text), text);
    });

    it('no command: usage on stderr, exit 2', async () => {
      const result = await run([]);
      assert.equal(result.code, 2);
      assert.match(result.stderr, /Usage: bulk-messaging/);
    });

    it('unknown command, unknown option, missing or extra FILE, unknown region: exit 2', async () => {
      assertRefused(await run(['frobnicate']), /unknown command "frobnicate"/);
      assert.equal((await run(['check', '--bogus', file('valid.txt')])).code, 2);
      assert.match((await run(['check'])).stderr, /missing FILE/);
      assert.equal((await run(['check', file('valid.txt'), file('mixed.txt')])).code, 2);
      const region = await run(['check', file('valid.txt'), '--region', 'XX']);
      assert.equal(region.code, 2);
      assert.match(region.stderr, /unknown region "XX"/);
    });

    it('an unknown --format, or --json with another format', async () => {
      const unknown = await run(['check', file('valid.txt'), '--format', 'xml']);
      assert.equal(unknown.code, 2);
      assert.match(unknown.stderr, /unknown format "xml"; use one of table, json, sarif, github/);
      const both = await run(['check', file('valid.txt'), '--json', '--format', 'sarif']);
      assert.equal(both.code, 2);
      assert.match(both.stderr, /--json and --format sarif ask for two formats/);
    });
  });

  describe('check', () => {
    it('prints a table and a summary, exit 0 when nothing is invalid', async () => {
      const result = await run(['check', file('valid.txt')]);
      assert.equal(result.code, 0, result.stderr);
      assert.match(result.stdout, /^LINE:COL\s+STATUS\s+INPUT\s+E\.164/);
      assert.match(result.stdout, /1:1\s+valid\s+\+1 415 555 0100\s+\+14155550100\s+US/);
      assert.match(result.stdout, /2:16\s+duplicate\s+\+1 \(415\) 555-0100 .*duplicate of 1:1/);
      assert.match(result.stdout, /3 destinations: 2 valid, 1 duplicate, 0 invalid\./);
      assert.match(result.stdout, /2 unique numbers to send in 1 request/);
    });

    it('exits 1 when any entry is invalid, and says why', async () => {
      const result = await run(['check', file('mixed.txt')]);
      assert.equal(result.code, 1);
      assert.match(result.stdout, /2:1\s+invalid\s+abc\s+not a phone number/);
      assert.match(result.stdout, /3:1\s+invalid\s+\+1415\s+too short/);
    });

    it('--json gives one entry per token with 1-based line and column', async () => {
      const result = await run(['check', file('mixed.txt'), '--json']);
      assert.equal(result.code, 1);
      const report = JSON.parse(result.stdout) as { counts: { invalid: number }; entries: JsonEntry[] };
      assert.equal(report.counts.invalid, 2);
      assert.deepEqual(report.entries[0], {
        line: 1, column: 1, input: '+14155550100', status: 'valid', e164: '+14155550100', reason: null,
        country: 'US', type: 'FIXED_LINE_OR_MOBILE', ambiguous: false, plivoReading: null, warning: null, notes: [], duplicateOf: null,
      });
      assert.deepEqual(report.entries.map((e) => [e.line, e.column, e.status, e.reason]), [
        [1, 1, 'valid', null], [2, 1, 'invalid', 'not a phone number'], [3, 1, 'invalid', 'too short'],
      ]);
    });

    it('reads stdin for -', async () => {
      const result = await run(['check', '-', '--json'], '+447400123456<+14155550100');
      assert.equal(result.code, 0, result.stderr);
      const report = JSON.parse(result.stdout) as { unique: string[] };
      assert.deepEqual(report.unique, ['+447400123456', '+14155550100']);
    });

    it('--region US reads national numbers and flags ambiguous ones', async () => {
      const without = await run(['check', file('national.txt'), '--json']);
      assert.equal(without.code, 1, 'without a region, 4155550100 is not a valid international number');
      const result = await run(['check', file('national.txt'), '--region', 'us', '--json']);
      assert.equal(result.code, 0, result.stderr);
      const { entries } = JSON.parse(result.stdout) as { entries: JsonEntry[] };
      assert.deepEqual(entries.map((e) => [e.e164, e.ambiguous]), [['+14155550100', false], ['+12015550100', true]]);
      assert.match(entries[1].reason ?? '', /\+2015550100 \(EG\)/);
    });

    it('reads the phone column of a CSV and points at the cell', async () => {
      const result = await run(['check', file('contacts.csv'), '--json']);
      assert.equal(result.code, 1);
      const report = JSON.parse(result.stdout) as { format: string; column: string; entries: JsonEntry[] };
      assert.equal(report.format, 'csv');
      assert.equal(report.column, 'phone');
      assert.deepEqual(report.entries.map((e) => [e.line, e.column, e.input, e.status]), [
        [2, 13, '+1 415 555 0100', 'valid'], [3, 5, '12', 'invalid'],
      ]);
      const table = await run(['check', file('contacts.csv')]);
      assert.match(table.stdout, /Read as CSV; numbers from column "phone"\./);
    });

    it('streams a long report completely', async () => {
      const lines = Array.from({ length: 20_000 }, (_, i) => `+1415${String(2000000 + i)}`);
      const result = await run(['check', '-', '--json'], lines.join('\n'));
      const report = JSON.parse(result.stdout) as { entries: JsonEntry[] };
      assert.equal(report.entries.length, 20_000);
      assert.equal(report.entries[19_999].line, 20_000);
    });
  });

  describe('bad input: one clear line on stderr, exit 2', () => {
    it('missing file', async () => {
      assertRefused(await run(['check', file('nope.txt')]), /Cannot read .*nope\.txt: no such file/);
    });

    it('a directory', async () => {
      assertRefused(await run(['check', dir]), /is a directory/);
    });

    it('an empty file, and one with only whitespace', async () => {
      assertRefused(await run(['check', file('empty.txt')]), /empty\.txt is empty/);
      assertRefused(await run(['check', file('blank.txt')]), /blank\.txt is empty/);
      assertRefused(await run(['check', '-'], ''), /stdin is empty/);
    });

    it('a file with no phone numbers at all', async () => {
      assertRefused(await run(['check', file('header-only.csv')]), /no phone numbers found/);
    });

    it('a binary file', async () => {
      assertRefused(await run(['check', file('binary.bin')]), /binary file/);
    });

    it('text that is not UTF-8', async () => {
      assertRefused(await run(['check', file('latin1.txt')]), /not valid UTF-8/);
    });

    it('more than 10 MB, from a file or from stdin', async () => {
      assertRefused(await run(['check', file('huge.txt')]), /larger than 10 MB/);
      assertRefused(await run(['check', '-'], Buffer.alloc(10 * 1024 * 1024 + 1, '1')), /stdin is larger than 10 MB/);
    });
  });
});
