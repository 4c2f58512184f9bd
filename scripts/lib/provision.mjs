// Installs what the VS Code test layers and `npm start` need, pinned and idempotent:
// Debian packages (chromium, and what code-server's install needs) and code-server itself,
// into .cache/code-server inside the project. A marker file makes a provisioned run return at once.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync, rmSync, copyFileSync, openSync, closeSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from './paths.mjs';

/** code-server 4.100.x = VS Code 1.100.3, the last line that runs on Node 20. */
export const CODE_SERVER_VERSION = '4.100.3';
/** Pinned by code-server 4.100.3's lib/vscode/npm-shrinkwrap.json; its postinstall would download this. */
const RIPGREP = { pkg: '1.15.11', asset: 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz' };
/** Needed at run time (chromium) or to build code-server's native modules (libkrb5-dev) and seed ripgrep. */
const APT_PACKAGES = ['chromium', 'libkrb5-dev', 'ripgrep', 'curl'];

export const codeServerDir = join(projectRoot, '.cache', 'code-server');
const markerFile = join(codeServerDir, 'provisioned.json');
export const chromiumPath = '/usr/bin/chromium';

/** Makes sure chromium and code-server are installed; fast when they already are. Throws with advice. */
export function ensureProvisioned({ log = console.log } = {}) {
  if (isProvisioned()) return readMarker();
  const started = Date.now();
  ensureAptPackages(log);
  if (!codeServerInstalled()) installCodeServer(log);
  log(`provision: ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return readMarker();
}

function isProvisioned() {
  return codeServerInstalled() && existsSync(chromiumPath);
}

function codeServerInstalled() {
  const marker = readMarker();
  return marker?.version === CODE_SERVER_VERSION && existsSync(marker.bin);
}

function readMarker() {
  try {
    return JSON.parse(readFileSync(markerFile, 'utf8'));
  } catch {
    return undefined;
  }
}

function missingAptPackages() {
  return APT_PACKAGES.filter((name) => {
    const query = spawnSync('dpkg-query', ['-W', '-f=${Status}', name], { encoding: 'utf8' });
    return !query.stdout?.includes('install ok installed');
  });
}

function ensureAptPackages(log) {
  const missing = missingAptPackages();
  if (missing.length === 0) return;
  if (process.getuid?.() !== 0) {
    throw new Error(
      `Missing Debian packages: ${missing.join(' ')}.\n` +
        `Install them once with: sudo apt-get update && sudo apt-get install -y ${missing.join(' ')}\n` +
        'then run `npm run provision` again.',
    );
  }
  log(`provision: apt-get install ${missing.join(' ')}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  run('apt-get', ['update', '-qq'], { env });
  run('apt-get', ['install', '-y', '-qq', ...missing], { env });
}

function installCodeServer(log) {
  log(`provision: installing code-server ${CODE_SERVER_VERSION} into ${codeServerDir} (about a minute)`);
  rmSync(codeServerDir, { recursive: true, force: true });
  const tmpDir = join(codeServerDir, 'tmp');
  mkdirSync(tmpDir, { recursive: true });
  seedRipgrepCache(tmpDir);
  // Its own package.json keeps npm from walking up into the project's.
  writeFileSync(
    join(codeServerDir, 'package.json'),
    JSON.stringify({ private: true, dependencies: { 'code-server': CODE_SERVER_VERSION } }, null, 2),
  );
  const logFile = join(codeServerDir, 'install.log');
  const out = openSync(logFile, 'w');
  const result = spawnSync('npm', ['install', '--no-audit', '--no-fund', '--unsafe-perm'], {
    cwd: codeServerDir,
    stdio: ['ignore', out, out],
    // yes=true: node-pty's install runs `npx node-gyp`; TMPDIR: where the seeded ripgrep cache is looked up.
    env: { ...process.env, npm_config_yes: 'true', TMPDIR: tmpDir },
  });
  closeSync(out);
  const bin = join(codeServerDir, 'node_modules', '.bin', 'code-server');
  if (result.status !== 0 || !existsSync(bin)) {
    const tail = readFileSync(logFile, 'utf8').split('\n').slice(-30).join('\n');
    throw new Error(
      `code-server install failed (exit ${result.status}); full log: ${logFile}\n${tail}\n` +
        'If the log shows a ripgrep download, RIPGREP in scripts/lib/provision.mjs no longer matches ' +
        "code-server's lib/vscode/npm-shrinkwrap.json.",
    );
  }
  rmSync(tmpDir, { recursive: true, force: true });
  writeFileSync(markerFile, JSON.stringify({ version: CODE_SERVER_VERSION, bin }, null, 2));
}

/** @vscode/ripgrep's postinstall downloads rg from the internet unless its cache already holds the archive. */
function seedRipgrepCache(tmpDir) {
  const rg = spawnSync('sh', ['-c', 'command -v rg'], { encoding: 'utf8' }).stdout.trim();
  if (!rg) throw new Error('ripgrep (rg) is not installed: apt-get install -y ripgrep');
  const cacheDir = join(tmpDir, `vscode-ripgrep-cache-${RIPGREP.pkg}`);
  const stage = join(tmpDir, 'rg-stage');
  mkdirSync(cacheDir, { recursive: true });
  mkdirSync(stage, { recursive: true });
  copyFileSync(rg, join(stage, 'rg'));
  run('tar', ['czf', join(cacheDir, RIPGREP.asset), '-C', stage, 'rg']);
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { stdio: 'inherit', ...options });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed with exit ${result.status}`);
}
