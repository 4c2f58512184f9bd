// The curl, Node (plivo SDK) and Java snippets run for real against the sandbox on 127.0.0.1: one
// message per unique destination, also past 1,000, and a tricky text arrives unchanged. Python is
// compiled and its text literal read back by Python itself.
import * as assert from 'node:assert/strict';
import { dirname, join } from 'node:path';
import { generateSnippet, type SnippetLanguageId } from '../../../../src/core/codegen/languages';
import type { CodegenInput } from '../../../../src/core/codegen/codegenInput';
import type { SandboxServer } from '../../../../src/sandbox';
import { startFast } from '../../sandbox/helpers';
import { hasCommand, postedTexts, run, sandboxDestinations, writeSnippet } from './runSnippet';

const ROOT = join(__dirname, '../../../../..');
export const TRICKY_TEXT = `Say "hi" \\ it's $5 {ok} #{x} \${y} %s\nline 2\ttab 🎉 'q' é`;

/** 1,500 unique US numbers. */
function bigList(): string[] {
  return Array.from({ length: 1500 }, (_, i) => `+1415666${String(i).padStart(4, '0')}`);
}

describe('generated snippets run against the sandbox', function () {
  this.timeout(120_000);
  let sandbox: SandboxServer;
  let env: NodeJS.ProcessEnv;
  const numbers = bigList();

  before(async () => {
    sandbox = await startFast();
    const account = sandbox.accounts[0];
    env = { PATH: process.env.PATH, HOME: process.env.HOME, PLIVO_AUTH_ID: account.authId, PLIVO_AUTH_TOKEN: account.authToken, NODE_PATH: join(ROOT, 'node_modules') };
  });
  beforeEach(() => sandbox.reset());
  after(() => sandbox.close());

  const input = (): CodegenInput => ({ baseUrl: sandbox.baseUrl, request: { src: '14155550100', text: TRICKY_TEXT, type: 'sms' }, numbers });

  async function expectOneMessageEach(): Promise<void> {
    const held = await sandboxDestinations(sandbox);
    assert.equal(held.length, 1500);
    assert.deepEqual(new Set(held), new Set(numbers.map((n) => n.slice(1))));
    const posts = sandbox.requestLog().counts['POST /v1/Account/{auth_id}/Message/'];
    assert.equal(posts, 2, 'one request per batch of at most 1,000');
    assert.deepEqual(postedTexts(sandbox), [TRICKY_TEXT, TRICKY_TEXT]);
  }

  async function snippetFile(language: SnippetLanguageId, fileName: string): Promise<string> {
    const code = generateSnippet(language, input());
    assert.ok(!code.includes(sandbox.accounts[0].authToken), 'the token never appears');
    return writeSnippet(fileName, code);
  }

  // curl is provisioned (scripts/lib/provision.mjs), so a missing curl fails here rather than skipping.
  it('curl: the script posts 2 batches for 1,500 numbers and the sandbox holds one message each', async () => {
    const file = await snippetFile('curl', 'send.sh');
    const result = await run('sh', [file], { env });
    assert.equal(result.code, 0, result.stderr);
    await expectOneMessageEach();
  });

  it('Node (plivo SDK): the script posts 2 batches and the sandbox holds one message each', async () => {
    const file = await snippetFile('node', 'send.js');
    const result = await run(process.execPath, [file], { env });
    assert.equal(result.code, 0, result.stderr);
    assert.match(result.stdout, /request 2 of 2: .*messageUuid/);
    await expectOneMessageEach();
  });

  it('Java (java.net.http): compiled by javac and run, one message each', async function () {
    if (!(await hasCommand('javac'))) {
      console.log('      skipped: javac is not installed on this machine');
      this.skip();
    }
    const file = await snippetFile('java', 'BulkMessage.java');
    const compiled = await run('javac', ['-encoding', 'UTF-8', '-d', dirname(file), file]);
    assert.equal(compiled.code, 0, compiled.stderr);
    const result = await run('java', ['-Dfile.encoding=UTF-8', '-cp', dirname(file), 'BulkMessage'], { env });
    assert.equal(result.code, 0, result.stderr);
    await expectOneMessageEach();
  });

  it('Python (plivo SDK): py_compile accepts it and Python reads the text back unchanged', async () => {
    const file = await snippetFile('python', 'send.py');
    const compiled = await run('python3', ['-m', 'py_compile', file]);
    assert.equal(compiled.code, 0, compiled.stderr);
    const read = await run('python3', ['-c', READ_PYTHON, file]);
    assert.equal(read.code, 0, read.stderr);
    const { text, dsts, base } = JSON.parse(read.stdout) as { text: string; dsts: string[]; base: string };
    assert.equal(text, TRICKY_TEXT);
    assert.deepEqual(dsts.map((d) => d.split('<').length), [1000, 500]);
    assert.equal(base, `${sandbox.baseUrl}/v1/Account`);
  });
});

// Reads the snippet's module-level assignments with Python's own parser.
const READ_PYTHON = `
import ast, json, sys
tree = ast.parse(open(sys.argv[1], encoding="utf-8").read())
out = {}
for node in tree.body:
    if isinstance(node, ast.Assign):
        target = node.targets[0]
        name = target.id if isinstance(target, ast.Name) else "base"
        try:
            out[name] = ast.literal_eval(node.value)
        except ValueError:
            pass
print(json.dumps(out))
`;
