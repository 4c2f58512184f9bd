import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { chromiumPath } from './paths';

/** A headless Debian chromium with one page, driven by playwright-core. */
export interface BrowserSession {
  readonly context: BrowserContext;
  readonly page: Page;
  close(): Promise<void>;
}

/** Hooks the workbench calls in test mode: log lines, and the tests' exit code. */
export interface AutomationHooks {
  onLog?: (level: string, message: string) => void;
  onExit?: (code: number) => void;
}

const LAUNCH = { executablePath: chromiumPath, headless: true, args: ['--no-sandbox', '--disable-dev-shm-usage'] };
const VIEWPORT = { width: 1400, height: 900 };

/**
 * Launches chromium (sharing the given XDG folders) and opens an empty page with the hooks exposed.
 * With `profileDir` the browser profile (IndexedDB, local storage, cache) is kept there on disk.
 */
export async function openBrowser(env: Record<string, string>, hooks: AutomationHooks = {}, profileDir?: string): Promise<BrowserSession> {
  const launchEnv = { ...process.env, ...env };
  const context = profileDir
    ? await chromium.launchPersistentContext(profileDir, { ...LAUNCH, env: launchEnv, viewport: VIEWPORT })
    : await (await chromium.launch({ ...LAUNCH, env: launchEnv })).newContext({ viewport: VIEWPORT });
  const browser = context.browser();
  const close = async () => {
    await context.close().catch(() => undefined);
    await browser?.close().catch(() => undefined);
  };
  try {
    // VS Code's clipboard in the browser is the page's: tests read back what a command copied.
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    const page = context.pages()[0] ?? (await context.newPage());
    // Exposed before navigation: the workbench looks for them once, at startup.
    await page.exposeFunction('codeAutomationLog', (level: string, message: unknown) =>
      hooks.onLog?.(level, typeof message === 'string' ? message : JSON.stringify(message)),
    );
    await page.exposeFunction('codeAutomationExit', (code: number) => hooks.onExit?.(code));
    return { context, page, close };
  } catch (error) {
    await close();
    throw error;
  }
}
