// `check` says how each entry was read: what was cleaned out of the token, and what Plivo itself
// would do with the raw token if the user's own app sent it as typed.
import * as assert from 'node:assert/strict';
import { ensureCliBuilt, run } from './runCli';

interface JsonEntry {
  input: string;
  status: string;
  e164: string | null;
  notes: string[];
}

describe('check: how each entry was read, and what Plivo would do with it raw', function () {
  this.timeout(60_000);
  before(() => ensureCliBuilt());

  const list = ['0044 7911 123456', '="+14155550123"', '+14155550124'].join('\n');

  it('lists the cleaning and Plivo’s own reading per entry in --json', async () => {
    const result = await run(['check', '-', '--region', 'US', '--json'], list);
    assert.equal(result.code, 0, result.stderr);
    const entries = (JSON.parse(result.stdout) as { entries: JsonEntry[] }).entries;
    const [exitCode, guarded, plain] = entries;
    assert.equal(exitCode.e164, '+447911123456');
    assert.ok(exitCode.notes.some((note) => /Plivo would reject it/.test(note)), JSON.stringify(exitCode.notes));
    assert.equal(guarded.e164, '+14155550123');
    assert.ok(guarded.notes.length > 0, 'the spreadsheet guard is noted');
    assert.deepEqual(plain.notes, [], 'a clean E.164 number has nothing to say');
  });

  it('shows the same words in the table’s NOTE column', async () => {
    const result = await run(['check', '-', '--region', 'US'], list);
    assert.equal(result.code, 0, result.stderr);
    const exitLine = result.stdout.split('\n').find((line) => line.includes('0044 7911 123456')) ?? '';
    assert.match(exitLine, /Plivo would reject it/);
  });
});
