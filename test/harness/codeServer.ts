import { spawn } from 'node:child_process';
import { cpSync, createWriteStream, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { killProcessTree, trackProcessTree } from './processTree';
import { codeServerBin } from './paths';

/** A running code-server (the VS Code server + browser workbench) in its own process group. */
export interface CodeServer {
  /** `http://127.0.0.1:PORT` */
  readonly origin: string;
  readonly port: number;
  readonly logFile: string;
  /** Environment for processes that should share its XDG folders (the browser). */
  readonly xdgEnv: Record<string, string>;
  /** Resolves with a sentence when the server process ends, for whatever reason. */
  readonly exited: Promise<string>;
  /** Kills the whole process tree (server, extension host, pty host, watchers). */
  stop(): Promise<void>;
}

export interface CodeServerOptions {
  /** Folder for its user-data dir, extensions dir, XDG folders and log. */
  stateDir: string;
  /** Extra environment for the server; it reaches the extension host. */
  env?: Record<string, string>;
  /** 0 (default) lets the OS choose a free port. */
  port?: number;
  /** Extension folders (each with a package.json) to install as if from a .vsix before starting. */
  installExtensions?: readonly string[];
  /** Workspace trust on, and the folder left untrusted (Restricted Mode) without a prompt. */
  restrictedMode?: boolean;
  startTimeoutMs?: number;
}

const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'security.workspace.trust.enabled': false,
  // The samples folder sits inside this git repository; the prompt would cover part of the screen.
  'git.openRepositoryInParentFolders': 'never',
};

/** Starts code-server on 127.0.0.1 without auth and waits until /healthz answers. */
export async function startCodeServer(options: CodeServerOptions): Promise<CodeServer> {
  const { stateDir, port = 0, startTimeoutMs = 30_000 } = options;
  const userDataDir = join(stateDir, 'user-data');
  const settingsFile = join(userDataDir, 'User', 'settings.json');
  mkdirSync(dirname(settingsFile), { recursive: true });
  // Only seeded: a kept state folder (npm start's) keeps what the user changed.
  const settings = options.restrictedMode
    ? { ...USER_SETTINGS, 'security.workspace.trust.enabled': true, 'security.workspace.trust.startupPrompt': 'never', 'security.workspace.trust.untrustedFiles': 'open' }
    : USER_SETTINGS;
  if (!existsSync(settingsFile)) writeFileSync(settingsFile, JSON.stringify(settings, null, 2));
  const xdgEnv = {
    XDG_CONFIG_HOME: join(stateDir, 'xdg', 'config'),
    XDG_DATA_HOME: join(stateDir, 'xdg', 'data'),
    XDG_CACHE_HOME: join(stateDir, 'xdg', 'cache'),
  };
  installExtensions(join(stateDir, 'extensions'), options.installExtensions ?? []);
  const configFile = join(stateDir, 'code-server.yaml');
  writeFileSync(configFile, 'auth: none\ncert: false\n');
  const logFile = join(stateDir, 'code-server.log');
  const log = createWriteStream(logFile);
  const args = [
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--config', configFile,
    '--user-data-dir', userDataDir,
    '--extensions-dir', join(stateDir, 'extensions'),
    '--disable-telemetry',
    '--disable-update-check',
    ...(options.restrictedMode ? [] : ['--disable-workspace-trust']),
    '--disable-getting-started-override',
    '--ignore-last-opened',
  ];
  const child = spawn(codeServerBin(), args, {
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...inheritedEnv(),
      ...xdgEnv,
      // No marketplace is reachable here; an empty gallery keeps it from trying.
      EXTENSIONS_GALLERY: JSON.stringify({ serviceUrl: '', itemUrl: '', resourceUrlTemplate: '' }),
      ...options.env,
    },
  });
  if (child.pid === undefined) throw new Error(`could not start ${codeServerBin()}`);
  const pid = child.pid;
  trackProcessTree(pid);
  const stop = () => killProcessTree(pid).finally(() => log.end());

  let output = '';
  let exited: string | undefined;
  let reportExit: (reason: string) => void = () => undefined;
  const exitedPromise = new Promise<string>((resolve) => (reportExit = resolve));
  for (const stream of [child.stdout, child.stderr]) {
    stream.on('data', (chunk: Buffer) => {
      log.write(chunk);
      if (output.length < 20_000) output += chunk.toString();
    });
  }
  child.on('exit', (code, signal) => {
    const reason = output.includes('EADDRINUSE') ? `port ${port} is already in use` : `exit ${signal ?? code}`;
    exited = `code-server stopped (${reason}) — log: ${logFile}`;
    reportExit(exited);
  });

  try {
    const deadline = Date.now() + startTimeoutMs;
    let actualPort: number | undefined;
    while (Date.now() < deadline) {
      if (exited) throw new Error(exited);
      actualPort ??= listeningPort(output);
      if (actualPort !== undefined && (await healthy(actualPort))) {
        return { origin: `http://127.0.0.1:${actualPort}`, port: actualPort, logFile, xdgEnv, exited: exitedPromise, stop };
      }
      await sleep(100);
    }
    throw new Error(`code-server did not answer /healthz within ${startTimeoutMs / 1000} s — log: ${logFile}`);
  } catch (error) {
    await stop();
    throw error;
  }
}

/**
 * Copies extension folders into the extensions dir and lists them in its extensions.json, which is
 * what installing a .vsix does (code-server loads only one extensionDevelopmentPath).
 */
function installExtensions(extensionsDir: string, folders: readonly string[]): void {
  if (folders.length === 0) return;
  mkdirSync(extensionsDir, { recursive: true });
  const entries = folders.map((folder) => {
    const manifest = JSON.parse(readFileSync(join(folder, 'package.json'), 'utf8')) as { publisher: string; name: string; version: string };
    const relativeLocation = `${manifest.publisher}.${manifest.name}-${manifest.version}`;
    const location = join(extensionsDir, relativeLocation);
    cpSync(folder, location, { recursive: true });
    return {
      identifier: { id: `${manifest.publisher}.${manifest.name}` },
      version: manifest.version,
      location: { $mid: 1, path: location, scheme: 'file' },
      relativeLocation,
      metadata: { installedTimestamp: Date.now(), source: 'vsix' },
    };
  });
  writeFileSync(join(extensionsDir, 'extensions.json'), JSON.stringify(entries));
}

/** The parent's environment without a surrounding VS Code's variables, which would redirect the server. */
function inheritedEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const key of Object.keys(env)) {
    if (key.startsWith('VSCODE_') || key === 'ELECTRON_RUN_AS_NODE') delete env[key];
  }
  return env;
}

function listeningPort(output: string): number | undefined {
  const match = /HTTP server listening on http:\/\/127\.0\.0\.1:(\d+)/.exec(output);
  return match ? Number(match[1]) : undefined;
}

async function healthy(port: number): Promise<boolean> {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(2000) });
    await response.body?.cancel();
    return response.ok;
  } catch {
    return false;
  }
}
