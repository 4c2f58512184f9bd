// Every language's snippet: golden files (UPDATE_GOLDEN=1 rewrites them), the rules all snippets
// share, and a syntax check by the language's own tool where this machine has it.
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { SNIPPET_LANGUAGES, findLanguage, generateSnippet } from '../../../../src/core/codegen/languages';
import type { CodegenInput } from '../../../../src/core/codegen/codegenInput';
import { TRICKY_TEXT } from './executeSnippets.test';
import { hasCommand, run, writeSnippet } from './runSnippet';

const GOLDEN = join(__dirname, '../../../../../test/unit/core/codegen/golden');
const numbers = Array.from({ length: 1003 }, (_, i) => `+4479460${String(i).padStart(5, '0')}`);
const sandboxInput: CodegenInput = {
  baseUrl: 'http://127.0.0.1:8089/',
  request: { src: '14155550100', text: TRICKY_TEXT, type: 'sms', url: 'https://example.com/plivo/status?a=1&b={x}', method: 'GET' },
  numbers: numbers.slice(0, 3),
};
const batchedInput: CodegenInput = { baseUrl: 'https://api.plivo.com', request: { powerpack_uuid: 'pp-1234', text: 'Hello' }, numbers };

/** How each missing tool's check is done instead: never a silent pass. */
const SYNTAX_CHECKS: Record<string, { tool: string; args: (file: string) => string[] } | undefined> = {
  ruby: { tool: 'ruby', args: (file) => ['-c', file] },
  php: { tool: 'php', args: (file) => ['-l', file] },
  go: { tool: 'gofmt', args: (file) => ['-e', file] },
  node: { tool: 'node', args: (file) => ['--check', file] },
  curl: { tool: 'sh', args: (file) => ['-n', file] },
  java: { tool: 'javac', args: (file) => ['-encoding', 'UTF-8', '-d', dirname(file), file] },
  dotnet: undefined,
};

describe('copy as code: every language', () => {
  for (const language of SNIPPET_LANGUAGES) {
    describe(language.label, () => {
      const code = generateSnippet(language.id, sandboxInput);

      it('matches its golden file', () => {
        const file = join(GOLDEN, `${language.id}.txt`);
        if (process.env.UPDATE_GOLDEN) {
          mkdirSync(GOLDEN, { recursive: true });
          writeFileSync(file, code);
        }
        assert.ok(existsSync(file), `no golden file ${file}: run with UPDATE_GOLDEN=1 once and review it`);
        assert.equal(code, readFileSync(file, 'utf8'));
      });

      it('reads both credentials from the environment and targets the sandbox URL', () => {
        assert.match(code, /PLIVO_AUTH_ID/);
        assert.match(code, /PLIVO_AUTH_TOKEN/);
        assert.ok(code.includes('127.0.0.1:8089'), 'the profile base URL');
        assert.ok(code.includes('/v1/Account'));
        assert.ok(!code.includes('api.plivo.com'));
        assert.ok(code.includes('447946000000<447946000001<447946000002'), 'dst joined by "<", without "+"');
      });

      it('with Plivo as base URL and 1,003 numbers: two requests (1,000 + 3), the powerpack, no sandbox URL', () => {
        const batched = generateSnippet(language.id, batchedInput);
        assert.ok(!batched.includes('127.0.0.1'));
        assert.ok(batched.includes('pp-1234'));
        const dsts = [...batched.matchAll(/\d{12}(?:<\d{12})+/g)].map((m) => m[0].split('<').length);
        assert.deepEqual(dsts, [1000, 3]);
        assert.ok(batched.includes('447946001000<447946001001<447946001002'));
      });

      it('passes its language syntax check where the tool is installed (else says why it is skipped)', async function () {
        const check = SYNTAX_CHECKS[language.id];
        if (!check) {
          console.log(`      skipped: ${language.id === 'dotnet' ? 'the .NET SDK is not installed on this machine (not in Debian); .NET is checked against its golden file only' : 'its bodies are parsed as JSON below'}`);
          this.skip();
        }
        if (!(await hasCommand(check.tool))) {
          console.log(`      skipped: ${check.tool} is not installed on this machine; ${language.label} is checked against its golden file only`);
          this.skip();
        }
        const file = await writeSnippet(language.fileName, code);
        const result = await run(check.tool, check.args(file));
        assert.equal(result.code, 0, result.stderr);
      });
    });
  }

  it('Raw HTTP: each request body parses as JSON holding the text unchanged (REST Client variables cannot capture its braces)', () => {
    const code = generateSnippet('http', sandboxInput);
    const bodies = code.split('\n### ').slice(1).map((request) => JSON.parse(request.slice(request.indexOf('\n\n') + 2)) as Record<string, unknown>);
    assert.equal(bodies.length, 1);
    assert.equal(bodies[0].text, TRICKY_TEXT);
    assert.equal(bodies[0].url, sandboxInput.request.url);
    assert.ok(!/\{\{(?!\$processEnv PLIVO_AUTH_(ID|TOKEN)\}\})/.test(code), 'no {{ but the credentials variables');
  });

  it('finds languages by id and common alias', () => {
    assert.equal(findLanguage('CSharp')?.id, 'dotnet');
    assert.equal(findLanguage('js')?.id, 'node');
    assert.equal(findLanguage('golang')?.id, 'go');
    assert.equal(findLanguage('cobol'), undefined);
  });
});
