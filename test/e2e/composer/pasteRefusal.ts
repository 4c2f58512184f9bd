// Pastes an over-limit list into the real composer webview and watches what leaves it: shared by the
// paste-limit e2e test and the paste-refusal benchmark.
import type { ComposerPage } from './composerPage';

/** The page-side names the functions below use (the tests compile without the DOM library). */
interface PageGlobals {
  document: { querySelector(selector: string): { value: string; textContent: string | null; focus(): void; select(): void; dispatchEvent(event: unknown): boolean } | null };
  performance: { now(): number };
  requestAnimationFrame(callback: () => void): void;
  setTimeout(callback: () => void, ms: number): void;
  DataTransfer: new () => { setData(type: string, text: string): void };
  ClipboardEvent: new (type: string, init: { clipboardData: unknown; bubbles: boolean; cancelable: boolean }) => { defaultPrevented: boolean };
  MessagePort: { prototype: { postMessage(message: unknown, ...rest: unknown[]): void } };
  bulkMessagingPostsToHost?: string[];
}

/** Lines of `+1415…` numbers, joined by \n: 770,000 lines are 10,009,999 characters, about 10 MB. */
export const TEN_MB_LINES = 770_000;

export interface PasteTiming {
  /** Paste event dispatched → the refusal painted (the next frame after the handler ran), in ms. */
  ms: number;
  /** Characters in the paste. */
  length: number;
  /** True when the composer cancelled the paste (nothing reached the box). */
  cancelled: boolean;
}

/**
 * Starts recording every message the webview posts towards the extension host. Webview messages
 * leave through VS Code's outer webview frame, which forwards them on a MessagePort to the
 * workbench; the probe wraps that port's postMessage there. Returns a reader of `type:length` items
 * (length: the destinations text a draft carried).
 */
export async function recordPostsToHost(composer: ComposerPage): Promise<() => Promise<string[]>> {
  const outer = composer.frame.parentFrame();
  if (!outer) throw new Error('the composer frame has no outer webview frame');
  await outer.evaluate(() => {
    const page = globalThis as unknown as PageGlobals;
    if (page.bulkMessagingPostsToHost) {
      page.bulkMessagingPostsToHost.length = 0;
      return;
    }
    const posts: string[] = (page.bulkMessagingPostsToHost = []);
    const original = page.MessagePort.prototype.postMessage;
    page.MessagePort.prototype.postMessage = function (this: unknown, message: unknown, ...rest: unknown[]) {
      const sent = message as { channel?: string; data?: { message?: { type?: string; draft?: { destinations?: string } } } } | undefined;
      if (sent?.channel === 'onmessage') posts.push(`${sent.data?.message?.type}:${sent.data?.message?.draft?.destinations?.length ?? ''}`);
      return original.call(this, message, ...rest);
    };
  });
  return () => outer.evaluate(() => [...((globalThis as unknown as PageGlobals).bulkMessagingPostsToHost ?? [])]);
}

/**
 * Builds a list of `lines` numbers in the page (so 10 MB need not cross the debugger protocol) and
 * pastes it over the whole text of the destinations box as the clipboard would (Ctrl+A, Ctrl+V): a
 * cancellable paste event carrying the text. Resolves once the frame after the handler has been painted.
 */
export async function pasteThroughClipboard(composer: ComposerPage, lines: number): Promise<PasteTiming> {
  return composer.frame.evaluate(async (count) => {
    const page = globalThis as unknown as PageGlobals;
    const text = Array.from({ length: count }, (_, i) => `+1415${2_000_000 + i}`).join('\n');
    const box = page.document.querySelector('#destinations');
    if (!box) throw new Error('no #destinations');
    // Ctrl+A, then the paste: the list would replace the whole text.
    box.focus();
    box.select();
    const clipboard = new page.DataTransfer();
    clipboard.setData('text/plain', text);
    const event = new page.ClipboardEvent('paste', { clipboardData: clipboard, bubbles: true, cancelable: true });
    const started = page.performance.now();
    box.dispatchEvent(event);
    await new Promise<void>((resolve) => page.requestAnimationFrame(() => page.setTimeout(resolve, 0)));
    return { ms: page.performance.now() - started, length: text.length, cancelled: event.defaultPrevented };
  }, lines);
}
