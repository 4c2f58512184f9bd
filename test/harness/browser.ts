import { chromium, type Browser, type Page } from 'playwright-core';
import { chromiumPath } from './paths';

/** A headless Debian chromium with one page, driven by playwright-core. */
export interface BrowserSession {
  readonly browser: Browser;
  readonly page: Page;
  close(): Promise<void>;
}

/** Hooks the workbench calls in test mode: log lines, and the tests' exit code. */
export interface AutomationHooks {
  onLog?: (level: string, message: string) => void;
  onExit?: (code: number) => void;
}

/** Launches chromium (sharing the given XDG folders) and opens an empty page with the hooks exposed. */
export async function openBrowser(env: Record<string, string>, hooks: AutomationHooks = {}): Promise<BrowserSession> {
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ['--no-sandbox', '--disable-dev-shm-usage'],
    env: { ...process.env, ...env },
  });
  try {
    const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    // Exposed before navigation: the workbench looks for them once, at startup.
    await page.exposeFunction('codeAutomationLog', (level: string, message: unknown) =>
      hooks.onLog?.(level, typeof message === 'string' ? message : JSON.stringify(message)),
    );
    await page.exposeFunction('codeAutomationExit', (code: number) => hooks.onExit?.(code));
    return { browser, page, close: () => browser.close().catch(() => undefined) };
  } catch (error) {
    await browser.close().catch(() => undefined);
    throw error;
  }
}
