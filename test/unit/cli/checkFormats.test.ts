import * as assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import type { Log } from 'sarif';
import { escapeData, escapeProperty } from '../../../src/cli/githubAnnotations';
import { ensureCliBuilt, ROOT, run } from './runCli';

// The OASIS SARIF 2.1.0 schema, draft-07 edition (the one GitHub code scanning links to), copied
// unchanged from github.com/oasis-tcs/sarif-spec, sarif-2.1/prose/sarif-schema-2.1.0.json.
const SCHEMA = join(ROOT, 'test/unit/cli/fixtures/sarif-schema-2.1.0.json');
// One of each problem: a valid number, an invalid token, a duplicate, an ambiguous national number,
// and a fixed line (UK 020 numbers are fixed lines) — with --region US.
const LIST = ['+14155550100, nope', '+1 (415) 555-0100', '2015550100', '+442079460000', '+1415'].join('\n');

describe('bulk-messaging check --format sarif | github (built binary)', function () {
  this.timeout(60_000);
  let dir: string;

  before(async () => {
    await ensureCliBuilt();
    dir = await mkdtemp(join(tmpdir(), 'bulk-messaging-cli-formats-'));
    await mkdir(join(dir, 'lists'));
    await writeFile(join(dir, 'lists', 'team a.txt'), LIST);
    await writeFile(join(dir, 'lists', 'odd,name:50%.txt'), '+1415 x\n');
  });

  after(async () => {
    if (dir !== undefined) await rm(dir, { recursive: true, force: true });
  });

  describe('sarif', () => {
    it('is a valid SARIF 2.1.0 log (checked against the official schema)', async () => {
      const result = await run(['check', 'lists/team a.txt', '--region', 'US', '--format', 'sarif'], undefined, { cwd: dir });
      assert.equal(result.code, 1, 'an invalid entry still fails the check');
      // The schema's `language` pattern has a stray `]` that is only legal without the regex u flag.
      const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
      addFormats(ajv);
      const validate = ajv.compile(JSON.parse(await readFile(SCHEMA, 'utf8')) as object);
      const log = JSON.parse(result.stdout) as unknown;
      assert.ok(validate(log), ajv.errorsText(validate.errors));
      // The schema is not a rubber stamp: a log missing its version fails it.
      assert.equal(validate({ ...(log as Log), version: undefined }), false);
    });

    it('gives one result per problem, with its rule, level, file, line and column', async () => {
      const result = await run(['check', 'lists/team a.txt', '--region', 'US', '--format', 'sarif'], undefined, { cwd: dir });
      const log = JSON.parse(result.stdout) as Log;
      const [runLog] = log.runs;
      assert.equal(runLog.tool.driver.name, 'bulk-messaging');
      const rules = runLog.tool.driver.rules ?? [];
      const found = (runLog.results ?? []).map((r) => {
        const location = r.locations?.[0]?.physicalLocation;
        const region = location?.region;
        assert.equal(rules[r.ruleIndex ?? -1]?.id, r.ruleId, 'ruleIndex points at the rule');
        return [r.ruleId, r.level, location?.artifactLocation?.uri, region?.startLine, region?.startColumn, region?.endColumn, r.message.text];
      });
      assert.deepEqual(found, [
        ['invalid-number', 'error', 'lists/team%20a.txt', 1, 15, 19, '"nope" is not a valid number: not a phone number.'],
        ['duplicate-number', 'note', 'lists/team%20a.txt', 2, 1, 18, '"+1 (415) 555-0100" repeats +14155550100 from line 1, column 1; it is sent once.'],
        found[2],
        ['number-warning', 'warning', 'lists/team%20a.txt', 4, 1, 14, '"+442079460000" (+442079460000): fixed line: probably cannot receive SMS.'],
        ['invalid-number', 'error', 'lists/team%20a.txt', 5, 1, 6, '"+1415" is not a valid number: too short.'],
      ]);
      assert.deepEqual(found[2].slice(0, 6), ['ambiguous-number', 'warning', 'lists/team%20a.txt', 3, 1, 11]);
      assert.match(String(found[2][6]), /^"2015550100" is ambiguous: .*\+12015550100.*\+2015550100/);
    });

    it('an absolute path becomes a file URI', async () => {
      const path = join(dir, 'lists', 'team a.txt');
      const log = JSON.parse((await run(['check', path, '--format', 'sarif'])).stdout) as Log;
      assert.equal(log.runs[0].results?.[0]?.locations?.[0]?.physicalLocation?.artifactLocation?.uri, pathToFileURL(path).href);
    });

    it('a clean list: no results, all four rules described, exit 0', async () => {
      const path = join(dir, 'clean.txt');
      await writeFile(path, '+14155550100\n');
      const result = await run(['check', path, '--format', 'sarif']);
      assert.equal(result.code, 0, result.stderr);
      const log = JSON.parse(result.stdout) as Log;
      assert.deepEqual(log.runs[0].results, []);
      assert.deepEqual(log.runs[0].tool.driver.rules?.map((rule) => rule.id), ['invalid-number', 'ambiguous-number', 'number-warning', 'duplicate-number']);
    });
  });

  describe('github', () => {
    it('prints one workflow annotation per problem, then the summary', async () => {
      const result = await run(['check', 'lists/team a.txt', '--region', 'US', '--format', 'github'], undefined, { cwd: dir });
      assert.equal(result.code, 1);
      const lines = result.stdout.trimEnd().split('\n');
      assert.deepEqual(lines.slice(0, 2), [
        '::error file=lists/team a.txt,line=1,col=15,endColumn=19,title=Not a valid phone number::"nope" is not a valid number: not a phone number.',
        '::notice file=lists/team a.txt,line=2,col=1,endColumn=18,title=Number listed more than once::"+1 (415) 555-0100" repeats +14155550100 from line 1, column 1; it is sent once.',
      ]);
      assert.match(lines[2], /^::warning file=lists\/team a\.txt,line=3,col=1,endColumn=11,title=Number with two readings::"2015550100" is ambiguous: /);
      assert.match(lines[3], /^::warning file=lists\/team a\.txt,line=4,col=1,endColumn=14,title=Valid number that may not receive SMS::/);
      assert.match(lines[4], /^::error file=lists\/team a\.txt,line=5,col=1,endColumn=6,title=Not a valid phone number::"\+1415" is not a valid number: too short\.$/);
      assert.match(lines.slice(5).join('\n'), /^6 destinations: 3 valid, 1 duplicate, 2 invalid \(1 ambiguous, 1 fixed line\)\.\n/);
    });

    it('escapes the file name and message so the command cannot be cut short', async () => {
      const result = await run(['check', 'lists/odd,name:50%.txt', '--format', 'github'], undefined, { cwd: dir });
      assert.equal(result.code, 1);
      const [first] = result.stdout.split('\n');
      assert.ok(first.startsWith('::error file=lists/odd%2Cname%3A50%25.txt,line=1,col=1,'), first);
    });

    it('escapes %, CR and LF in messages, and also : and , in properties (as @actions/core does)', () => {
      assert.equal(escapeData('50% off\r\nnext: a, b'), '50%25 off%0D%0Anext: a, b');
      assert.equal(escapeProperty('a,b:c%\n'), 'a%2Cb%3Ac%25%0A');
    });

    it('stdin: annotations without a file', async () => {
      const result = await run(['check', '-', '--format', 'github'], 'nope\n');
      assert.equal(result.stdout.split('\n')[0], '::error line=1,col=1,endColumn=5,title=Not a valid phone number::"nope" is not a valid number: not a phone number.');
    });
  });
});
