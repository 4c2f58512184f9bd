// Runs the real bundled binary (dist/cli.js, built by scripts/build.mjs) as a child process.
import * as assert from 'node:assert/strict';
import { execFile, spawn, type StdioOptions } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable } from 'node:stream';
import { promisify } from 'node:util';

export const ROOT = join(__dirname, '../../../..');
export const CLI = join(ROOT, 'dist/cli.js');
/** Loaded into the child with --require: writes its peak RSS (KB) to a file when it exits. */
const RSS_REPORTER = join(ROOT, 'test/unit/cli/fixtures/reportPeakRss.cjs');
const RUN_TIMEOUT_MS = 30_000;

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Spawn to exit, in ms. */
  elapsedMs: number;
  /** The child's peak resident set, in MB (only with `measureRss`). */
  peakRssMb?: number;
}

export interface RunOptions {
  cwd?: string;
  /** A stream the child reads as stdin (an endless pipe); otherwise `stdin` below is written. */
  stdinStream?: Readable;
  /** Run through `bash -c` with this script instead of node directly; `$CLI` names the binary. */
  shell?: string;
  measureRss?: boolean;
  timeoutMs?: number;
}

let built: Promise<unknown> | undefined;
/**
 * Builds dist/cli.js when it is missing. `npm test` and `npm run test:unit` build first; a rebuild
 * here would race: the unit layer runs in several worker processes, and one worker rewriting the
 * bundle while another runs it made a CLI test fail at random.
 */
export function ensureCliBuilt(): Promise<unknown> {
  built ??= existsSync(CLI) ? Promise.resolve() : promisify(execFile)(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, timeout: 120_000 });
  return built;
}

export async function run(args: string[], stdin?: string | Buffer, options: RunOptions = {}): Promise<Run> {
  const rssDir = options.measureRss ? await mkdtemp(join(tmpdir(), 'bulk-messaging-rss-')) : undefined;
  const rssFile = rssDir === undefined ? undefined : join(rssDir, 'peak');
  const env = { ...process.env, ...(rssFile === undefined ? {} : { NODE_OPTIONS: `--require ${RSS_REPORTER}`, BULK_MESSAGING_PEAK_RSS_FILE: rssFile }), CLI };
  const [command, commandArgs] = options.shell === undefined ? [process.execPath, [CLI, ...args]] : ['bash', ['-c', options.shell]];
  const stdio: StdioOptions = [options.stdinStream ?? 'pipe', 'pipe', 'pipe'];
  const started = Date.now();
  const result = await new Promise<Run>((resolve, reject) => {
    const child = spawn(command, commandArgs, { cwd: options.cwd ?? ROOT, env, stdio, timeout: options.timeoutMs ?? RUN_TIMEOUT_MS });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout?.on('data', (chunk: Buffer) => stdout.push(chunk));
    child.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.on('error', reject);
    child.on('close', (code) =>
      resolve({ code, stdout: Buffer.concat(stdout).toString(), stderr: Buffer.concat(stderr).toString(), elapsedMs: Date.now() - started }),
    );
    if (child.stdin) {
      // The child may refuse stdin early (e.g. over 10 MB) and close the pipe: that is not a test failure.
      child.stdin.on('error', () => undefined);
      child.stdin.end(stdin);
    }
  });
  if (rssDir !== undefined && rssFile !== undefined) {
    result.peakRssMb = Number(await readFile(rssFile, 'utf8')) / 1024;
    await rm(rssDir, { recursive: true, force: true });
  }
  return result;
}

/** A refusal: exit 2, nothing on stdout, one line on stderr naming the problem, no stack trace. */
export function assertRefused(result: Run, message: RegExp): void {
  assert.equal(result.code, 2, result.stderr);
  assert.equal(result.stdout, '');
  assert.match(result.stderr, message);
  assert.equal(result.stderr.trim().split('\n').length, 1, result.stderr);
  assert.doesNotMatch(result.stderr, /\n\s+at /);
}
