import * as assert from 'node:assert/strict';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { assertRefused, ensureCliBuilt, run, type Run } from './runCli';

/** What the issue asks of an endless source: refused within this, measured from spawn to exit. */
const REFUSED_WITHIN_MS = 2_000;
/** Memory a refused source may add over a run that reads a short list (10 MB is held at most once). */
const EXTRA_RSS_MB = 64;
const NUMBERS = '+14155550100\r\n+447400123456\r\n';

interface JsonReport {
  entries: Array<{ line: number; column: number; input: string; e164: string | null }>;
}

describe('bulk-messaging check: bounded input and encodings (built binary)', function () {
  this.timeout(120_000);
  let dir: string;
  let baselineRssMb: number;
  const writers: ChildProcess[] = [];
  const file = (name: string): string => join(dir, name);

  /** Refused with exit 2 and one clear line, fast, and without growing past the baseline's memory. */
  function assertBounded(result: Run, name: RegExp): void {
    assertRefused(result, new RegExp(`${name.source} is larger than 10 MB \\(reading stopped there\\); split the list`));
    assert.ok(result.elapsedMs < REFUSED_WITHIN_MS, `refused after ${result.elapsedMs} ms`);
    assert.ok(result.peakRssMb !== undefined && result.peakRssMb < baselineRssMb + EXTRA_RSS_MB,
      `peak RSS ${result.peakRssMb?.toFixed(0)} MB, a short list took ${baselineRssMb.toFixed(0)} MB`);
  }

  /** `yes +14155550123`, endless, writing into `stdout` (a FIFO path) or a pipe the caller reads. */
  function endlessWriter(fifo?: string): ChildProcess {
    const writer = fifo === undefined
      ? spawn('yes', ['+14155550123'], { stdio: ['ignore', 'pipe', 'ignore'] })
      : spawn('sh', ['-c', 'exec yes +14155550123 > "$0"', fifo], { stdio: 'ignore' });
    writer.on('error', () => undefined);
    writers.push(writer);
    return writer;
  }

  before(async () => {
    await ensureCliBuilt();
    dir = await mkdtemp(join(tmpdir(), 'bulk-messaging-cli-input-'));
    await writeFile(file('short.txt'), NUMBERS);
    const utf16le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(NUMBERS, 'utf16le')]);
    await writeFile(file('excel-unicode-le.txt'), utf16le);
    await writeFile(file('unicode-be.txt'), Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(NUMBERS, 'utf16le').swap16()]));
    await writeFile(file('utf8-bom.txt'), `\uFEFF${NUMBERS}`);
    await writeFile(file('broken-utf16.txt'), Buffer.concat([utf16le, Buffer.from([0x31])]));
    await writeFile(file('utf16-nul.txt'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('+1415\u00005550100', 'utf16le')]));
    const baseline = await run(['check', file('short.txt')], undefined, { measureRss: true });
    assert.equal(baseline.code, 0, baseline.stderr);
    baselineRssMb = baseline.peakRssMb ?? 0;
  });

  afterEach(() => {
    for (const writer of writers.splice(0)) writer.kill();
  });

  after(async () => {
    if (dir !== undefined) await rm(dir, { recursive: true, force: true });
  });

  describe('endless sources stop at 10 MB with exit 2', () => {
    it('a FIFO fed by an endless writer', async () => {
      const fifo = file('numbers.fifo');
      await promisify(execFile)('mkfifo', [fifo]);
      endlessWriter(fifo);
      assertBounded(await run(['check', fifo], undefined, { measureRss: true }), /numbers\.fifo/);
    });

    it('/dev/zero', async () => {
      assertBounded(await run(['check', '/dev/zero'], undefined, { measureRss: true }), /\/dev\/zero/);
    });

    it('an endless pipe on stdin (yes … | check -)', async () => {
      const writer = endlessWriter();
      assertBounded(await run(['check', '-'], undefined, { measureRss: true, stdinStream: writer.stdout ?? undefined }), /stdin/);
    });

    it('process substitution: check <(yes …)', async () => {
      const result = await run([], undefined, { measureRss: true, shell: 'exec node "$CLI" check <(yes +14155550123)' });
      assertBounded(result, /\/dev\/fd\/\d+/);
    });

    it('/dev/zero on stdin', async () => {
      assertBounded(await run([], undefined, { measureRss: true, shell: 'exec node "$CLI" check - < /dev/zero' }), /stdin/);
    });
  });

  describe('encodings', () => {
    const readings = async (path: string): Promise<Array<[number, number, string, string | null]>> => {
      const result = await run(['check', path, '--json']);
      assert.equal(result.code, 0, result.stderr);
      return (JSON.parse(result.stdout) as JsonReport).entries.map((e) => [e.line, e.column, e.input, e.e164]);
    };
    const expected = [[1, 1, '+14155550100', '+14155550100'], [2, 1, '+447400123456', '+447400123456']];

    it("UTF-16 LE with a BOM (Excel's Unicode text) reads as the same list", async () => {
      assert.deepEqual(await readings(file('excel-unicode-le.txt')), expected);
    });

    it('UTF-16 BE with a BOM reads as the same list', async () => {
      assert.deepEqual(await readings(file('unicode-be.txt')), expected);
    });

    it('a UTF-8 BOM is dropped, not read as part of the first number', async () => {
      assert.deepEqual(await readings(file('utf8-bom.txt')), expected);
    });

    it('a UTF-16 file cut mid-character, or holding NUL, is refused', async () => {
      assertRefused(await run(['check', file('broken-utf16.txt')]), /broken-utf16\.txt is not valid UTF-16 LE text; save it as UTF-8/);
      assertRefused(await run(['check', file('utf16-nul.txt')]), /utf16-nul\.txt looks like a binary file/);
    });
  });
});
