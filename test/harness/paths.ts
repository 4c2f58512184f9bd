import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The project folder; this file runs from out/test/harness. */
export const projectRoot = resolve(__dirname, '..', '..', '..');
/** Per-run folders (user-data dir, logs, results); ignored by git. */
export const testRunsDir = join(projectRoot, '.test-runs');
/** Screenshots of failed runs; CI lists this folder when a run fails. */
export const testResultsDir = join(projectRoot, 'test-results');
/** The sample workspace that `npm start` and the tests open. */
export const samplesDir = join(projectRoot, 'samples');
/** Debian's chromium, driven by playwright-core. */
export const chromiumPath = '/usr/bin/chromium';

const KEEP_RUNS = 20;
// Another test process may be using a recent folder at this moment; only old ones are removed.
const PRUNE_AFTER_MS = 60 * 60 * 1000;

/** A fresh folder under .test-runs for one VS Code session; old ones beyond the newest 20 are removed. */
export function createRunDir(label: string): string {
  mkdirSync(testRunsDir, { recursive: true });
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const dir = join(testRunsDir, `${stamp}-${label}-${process.pid}`);
  mkdirSync(dir, { recursive: true });
  for (const name of readdirSync(testRunsDir).sort().slice(0, -KEEP_RUNS)) {
    const old = join(testRunsDir, name);
    if (Date.now() - statSync(old).mtimeMs > PRUNE_AFTER_MS) rmSync(old, { recursive: true, force: true });
  }
  return dir;
}

/** The code-server executable installed by scripts/provision.mjs; throws with the fix when absent. */
export function codeServerBin(): string {
  const marker = join(projectRoot, '.cache', 'code-server', 'provisioned.json');
  if (existsSync(marker)) {
    const { bin } = JSON.parse(readFileSync(marker, 'utf8')) as { bin: string };
    if (existsSync(bin) && existsSync(chromiumPath)) return bin;
  }
  throw new Error('code-server or chromium is not provisioned: run `npm run provision` first.');
}
