// Small Playwright steps on VS Code's own UI that the battery suites share.
import type { Page } from 'playwright-core';
import type { E2eSession } from '../../harness/e2eSession';

/** Answers the quick input whose title is `title` (an input box, or a pick by its label). */
export async function answer(page: Page, title: string, text: string): Promise<void> {
  const widget = page.locator('.quick-input-widget');
  await widget.locator('.quick-input-title', { hasText: title }).waitFor({ timeout: 15_000 });
  const input = widget.locator('input.input');
  await input.fill(text);
  // A pick filters its list a moment after typing: Enter before that takes the old first item and
  // sends the flow down another path. Wait for the wanted item to lead the list (input boxes have none).
  const rows = widget.locator('.quick-input-list .monaco-list-row:visible');
  if (text !== '' && (await rows.count()) > 0) await rows.first().filter({ hasText: text }).waitFor({ timeout: 10_000 });
  await input.press('Enter');
}

/** Bulk Messaging: Add Profile with a custom URL, answered step by step as a person would. */
export async function addCustomProfile(session: E2eSession, profile: { name: string; baseUrl: string; authId: string; authToken: string; sender: string }): Promise<void> {
  const { host, workbench } = session;
  const added = host.executeCommand('bulkMessaging.profiles.add');
  await answer(workbench.page, 'Profile name', profile.name);
  await answer(workbench.page, 'Where does this profile send?', 'Custom URL');
  await answer(workbench.page, 'Base URL', profile.baseUrl);
  await answer(workbench.page, 'Auth ID', profile.authId);
  await answer(workbench.page, 'Auth token', profile.authToken);
  await answer(workbench.page, 'Default sender', profile.sender);
  await answer(workbench.page, 'Default region', '');
  await added;
}

/** Selects the Sends view row that shows `text` (a click, as a person selects it); `expand` opens it too. */
export async function selectSendsRow(session: E2eSession, text: string | RegExp, expand = false): Promise<void> {
  await session.host.executeCommand('workbench.view.extension.bulkMessaging');
  const row = session.workbench.page.locator('.monaco-list-row', { hasText: text }).first();
  await row.waitFor({ timeout: 15_000 });
  await row.click();
  if (expand && (await row.getAttribute('aria-expanded')) === 'false') await row.press('ArrowRight');
}

/**
 * Runs a command that acts on the Sends view's selection. The selection reaches the extension host a
 * moment after the click, so an empty answer (undefined) is retried for a few seconds.
 */
export async function onSelection<T>(session: E2eSession, command: string): Promise<T> {
  const deadline = Date.now() + 5000;
  for (;;) {
    const result = await session.host.executeCommand<T | null>(command);
    if (result !== null && result !== undefined) return result;
    if (Date.now() > deadline) throw new Error(`${command} found nothing selected`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** Clicks an inline action (e.g. "Open Message Details") on the Sends view row that shows `text`. */
export async function clickRowAction(session: E2eSession, text: string, action: string): Promise<void> {
  const row = session.workbench.page.locator('.monaco-list-row', { hasText: text }).first();
  await row.hover();
  await row.getByRole('button', { name: action }).click({ timeout: 10_000 });
}
