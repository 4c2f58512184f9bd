import { appendFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { openBrowser, type BrowserSession } from './browser';
import { startCodeServer, type CodeServer } from './codeServer';
import { formatAutomationMessage } from './hostOutput';
import { MARK_OUTPUT_ENV, RUN_DIR_ENV } from './runContract';
import { createRunDir, projectRoot, samplesDir, testResultsDir } from './paths';


/** The page a person opens: a folder plus this project loaded as the extension under development. */
export function workbenchUrl(origin: string, folder: string, extensionTestsPath?: string, extensionPath = projectRoot): string {
  const remote = (path: string) => `vscode-remote://${new URL(origin).host}${path}`;
  const payload: Array<[string, string]> = [['extensionDevelopmentPath', remote(extensionPath)]];
  if (extensionTestsPath) payload.push(['extensionTestsPath', remote(extensionTestsPath)]);
  return `${origin}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

export interface WorkbenchOptions {
  /** Names the run folder under .test-runs. */
  label: string;
  /** Compiled module whose `run()` VS Code executes in the extension host (test mode). */
  extensionTestsPath?: string;
  /** Folder to open; the sample workspace by default. */
  folder?: string;
  /** Extra environment for code-server, reaching the extension host. */
  env?: Record<string, string>;
  /** Each workbench log line (all of them also land in RUN/workbench.log). */
  onLog?: (level: string, line: string) => void;
  /** Extension folders to install beside this project (code-server loads one development path only). */
  installExtensions?: readonly string[];
  /** The extension under development; this project by default (a benchmark may load a copy). */
  extensionDevelopmentPath?: string;
  /**
   * Keep the browser profile on disk in RUN/chrome-profile (IndexedDB, where globalState lands, and
   * local storage), e.g. to scan it after a run; by default the profile is thrown away.
   */
  persistentBrowserProfile?: boolean;
  /** Open the folder in Restricted Mode (untrusted); needs the driver as an extension (dialogs: true). */
  restrictedMode?: boolean;
}

/** A browser VS Code session: code-server, chromium and the open workbench page. */
export interface Workbench {
  readonly page: Page;
  readonly url: string;
  /** Fresh folder of this run (user-data dir, logs, result files). */
  readonly runDir: string;
  readonly server: CodeServer;
  /** Resolves with the code the workbench reports when `run()` of the tests entry settles. */
  readonly exitCode: Promise<number>;
  /** Saves a full-page screenshot into test-results/ and returns its path. */
  screenshot(name: string): Promise<string>;
  /** Closes the browser and kills code-server's process tree. */
  stop(): Promise<void>;
}

/** Starts code-server with a fresh user-data dir, opens chromium on the workbench and returns at once. */
export async function startWorkbench(options: WorkbenchOptions): Promise<Workbench> {
  const runDir = createRunDir(options.label);
  const server = await startCodeServer({
    stateDir: runDir,
    env: { [RUN_DIR_ENV]: runDir, [MARK_OUTPUT_ENV]: '1', ...options.env },
    installExtensions: options.installExtensions,
    restrictedMode: options.restrictedMode,
  });
  let browser: BrowserSession | undefined;
  try {
    let reportExit: (code: number) => void = () => undefined;
    const exitCode = new Promise<number>((resolve) => (reportExit = resolve));
    const workbenchLog = join(runDir, 'workbench.log');
    const onLog = (level: string, message: string) => {
      const line = formatAutomationMessage(message);
      appendFileSync(workbenchLog, `[${level}] ${line}\n`);
      options.onLog?.(level, line);
    };
    const profileDir = options.persistentBrowserProfile ? join(runDir, 'chrome-profile') : undefined;
    browser = await openBrowser(server.xdgEnv, { onLog, onExit: (code) => reportExit(code) }, profileDir);
    const url = workbenchUrl(server.origin, options.folder ?? samplesDir, options.extensionTestsPath, options.extensionDevelopmentPath);
    await browser.page.goto(url);
    const session = browser;
    return {
      page: session.page,
      url,
      runDir,
      server,
      exitCode,
      screenshot: (name) => screenshot(session.page, name),
      stop: async () => {
        await session.close();
        await server.stop();
      },
    };
  } catch (error) {
    await browser?.close();
    await server.stop();
    throw error;
  }
}

/** Writes test-results/<name>.png; never throws (a failing screenshot must not hide the real failure). */
export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(testResultsDir, { recursive: true });
  const file = join(testResultsDir, `${name.replace(/[^\w.-]+/g, '-').slice(0, 120)}.png`);
  await page.screenshot({ path: file, timeout: 10_000 }).catch(() => undefined);
  return file;
}
