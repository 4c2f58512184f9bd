// Small Playwright steps on VS Code's own UI that the battery suites share.
//
// Quick inputs under load: a box shows its title, value and list in one update, but a pick's items
// may arrive after its title, a box that loses focus closes (most steps do not set ignoreFocusOut),
// and Enter before a pick's filter applied takes another item. So every step waits on the quick
// input's own state: its title shown, its value or leading row what we want, then its title gone.
// A flow whose box closed before we answered it ends without us; `quickInputFlow` runs it again.
import type { Locator, Page } from 'playwright-core';
import type { E2eSession } from '../../harness/e2eSession';
import { waitFor } from '../../helpers/waitFor';

/** Long enough for one quick-input step on a loaded machine. */
const STEP_MS = 30_000;

/** The command a quick input belongs to ended before this step was answered (a box closed). */
export class QuickInputFlowEnded extends Error {}

/**
 * Waits for `step`, unless the command's promise `flow` settles first: then the box we were waiting
 * on is gone with it (`QuickInputFlowEnded`, or the command's own error).
 */
async function beforeFlowEnds<T>(step: Promise<T>, flow: Promise<unknown> | undefined, what: string): Promise<T> {
  if (flow === undefined) return step;
  step.catch(() => undefined); // it may outlive the race; its timeout is not a second failure
  const ended = flow.then(() => {
    throw new QuickInputFlowEnded(`the command ended while waiting for ${what}`);
  });
  ended.catch(() => undefined);
  return Promise.race([step, ended]);
}

function widgetOf(page: Page): Locator {
  return page.locator('.quick-input-widget');
}

/** Waits until the quick input titled `title` is shown with its text box ready for typing. */
async function shown(page: Page, title: string, flow: Promise<unknown> | undefined): Promise<Locator> {
  const widget = widgetOf(page);
  await beforeFlowEnds(widget.locator('.quick-input-title', { hasText: title }).waitFor({ state: 'visible', timeout: STEP_MS }), flow, `the "${title}" box`);
  const input = widget.locator('input.input');
  await beforeFlowEnds(input.waitFor({ state: 'visible', timeout: STEP_MS }), flow, `the "${title}" text box`);
  return input;
}

/** Presses Enter and waits until the box titled `title` is no longer shown (accepted, or closed). */
async function accept(page: Page, input: Locator, title: string): Promise<void> {
  await input.press('Enter');
  const titleShown = widgetOf(page).locator('.quick-input-title', { hasText: title });
  try {
    await titleShown.waitFor({ state: 'hidden', timeout: STEP_MS });
  } catch {
    const message = await widgetOf(page).locator('.quick-input-message').innerText({ timeout: 1000 }).catch(() => '');
    throw new Error(`the "${title}" box did not accept its answer${message ? `: ${message}` : ''}`);
  }
}

/** Types `text` into the input box titled `title` and accepts it; `flow` is the command that asks. */
export async function answer(page: Page, title: string, text: string, flow?: Promise<unknown>): Promise<void> {
  const input = await shown(page, title, flow);
  await beforeFlowEnds(input.fill(text, { timeout: STEP_MS }), flow, `typing into "${title}"`);
  // The box may have been replaced or reset between the look and the typing.
  await beforeFlowEnds(waitFor(async () => ((await input.inputValue({ timeout: STEP_MS })) === text ? true : undefined), STEP_MS, `"${title}" to hold the answer`, 50), flow, `"${title}" to hold the answer`);
  await accept(page, input, title);
}

/** Picks the item labelled `label` in the quick pick titled `title`, once it leads the filtered list. */
export async function pick(page: Page, title: string, label: string, flow?: Promise<unknown>): Promise<void> {
  const input = await shown(page, title, flow);
  const rows = widgetOf(page).locator('.quick-input-list .monaco-list-row');
  // A pick's items may arrive after its title.
  await beforeFlowEnds(rows.filter({ hasText: label }).first().waitFor({ state: 'visible', timeout: STEP_MS }), flow, `"${label}" in "${title}"`);
  await beforeFlowEnds(input.fill(label, { timeout: STEP_MS }), flow, `filtering "${title}"`);
  // Enter takes the focused row: wait until the filter made it the one we want.
  await beforeFlowEnds(widgetOf(page).locator('.quick-input-list .monaco-list-row.focused', { hasText: label }).waitFor({ state: 'visible', timeout: STEP_MS }), flow, `"${label}" to lead "${title}"`);
  await accept(page, input, title);
}

/**
 * Runs a command that asks through quick inputs and answers them with `steps`. When a box closed
 * before it was answered (it lost focus: an editor or notification opened meanwhile), the command
 * ended by itself, having done nothing; it is run again, as a person would, up to `attempts` times.
 */
export async function quickInputFlow<T>(start: () => Promise<T>, steps: (flow: Promise<T>) => Promise<void>, what: string, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    const flow = start();
    flow.catch(() => undefined); // awaited below
    try {
      await steps(flow);
      return await flow;
    } catch (error) {
      if (!(error instanceof QuickInputFlowEnded) || attempt >= attempts) throw error;
      console.log(`    ${what}: a box closed before it was answered (${error.message}); running it again`);
    }
  }
}

/** Bulk Messaging: Add Profile with a custom URL, answered step by step as a person would. */
export async function addCustomProfile(
  session: E2eSession,
  profile: { name: string; baseUrl: string; authId: string; authToken: string; sender: string; region?: string },
): Promise<void> {
  const { host, workbench } = session;
  const page = workbench.page;
  await quickInputFlow(() => host.executeCommand('bulkMessaging.profiles.add'), async (flow) => {
    await answer(page, 'Profile name', profile.name, flow);
    await pick(page, 'Where does this profile send?', 'Custom URL', flow);
    await answer(page, 'Base URL', profile.baseUrl, flow);
    await answer(page, 'Auth ID', profile.authId, flow);
    await answer(page, 'Auth token', profile.authToken, flow);
    await answer(page, 'Default sender', profile.sender, flow);
    await answer(page, 'Default region', profile.region ?? '', flow);
  }, 'Add Profile');
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
export function onSelection<T>(session: E2eSession, command: string): Promise<T> {
  return waitFor(async () => (await session.host.executeCommand<T | null>(command)) ?? undefined, 5000, `${command} to find the selection`, 250);
}

/** Clicks an inline action (e.g. "Open Message Details") on the Sends view row that shows `text`. */
export async function clickRowAction(session: E2eSession, text: string, action: string): Promise<void> {
  const row = session.workbench.page.locator('.monaco-list-row', { hasText: text }).first();
  await row.hover();
  await row.getByRole('button', { name: action }).click({ timeout: 10_000 });
}
