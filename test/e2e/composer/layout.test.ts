import * as assert from 'node:assert/strict';
import { useSandboxSession } from '../sandboxSession';
import { ComposerPage } from './composerPage';

// Page-side predicates run in the webview (see composerPage.ts); the little they touch is declared.
declare const document: { activeElement: { id: string } | null; querySelector(selector: string): unknown };

interface Box {
  x: number;
  y: number;
  bottom: number;
}

// The composer as a keyboard user and a normal window meet it: where the focus starts, how many
// key presses reach Send, and what is in view at the harness's 1,400 × 900 and in a 600 px panel.
describe('composer: layout and keyboard', function () {
  this.timeout(150_000);
  const { sandbox, session } = useSandboxSession('composer-layout');
  let composer: ComposerPage;
  const active = () => composer.evaluate<string>('document.activeElement.id || document.activeElement.textContent');
  const box = (selector: string) =>
    composer.evaluate<Box>(`(() => { const r = document.querySelector(${JSON.stringify(selector)}).getBoundingClientRect(); return { x: r.x, y: r.y, bottom: r.bottom }; })()`);

  before(async () => {
    composer = await ComposerPage.open(session());
  });

  it('focuses the first empty required field, and reaches Send in under 15 key presses', async () => {
    // The profile's default sender is filled in; the destinations are the first empty field.
    await composer.frame.waitForFunction(() => document.activeElement?.id === 'destinations', undefined, { timeout: 10_000 });
    const { keyboard } = session().workbench.page;
    let presses = 0;
    await keyboard.type('+12015550101\n+12015550102');
    while ((await active()) !== 'text' && presses < 15) {
      await keyboard.press('Tab');
      presses += 1;
    }
    assert.equal(await active(), 'text', `Tab never reached the Text field in ${presses} presses`);
    await keyboard.type('Hello from the keyboard');
    await keyboard.press('Control+Enter');
    presses += 1;
    await composer.waitForText('#result-heading', /Sent: 2 messages queued/, 30_000);
    console.log(`      opening the composer to Send: ${presses} key presses besides the typed text`);
    assert.ok(presses < 15, `${presses} key presses`);
    assert.equal(sandbox().requestLog().counts['POST /v1/Account/{auth_id}/Message/'], 1);
  });

  it('shows what a click sends and the shortcut on the sticky send bar', async () => {
    assert.match(await composer.text('#send-summary'), /^Send 2 SMS · 2 units · Local sandbox$/);
    assert.match(await composer.text('#send'), /Ctrl\+Enter|⌘\+Enter/);
  });

  it('makes the preview one tab stop with arrows between rows, and the toolbar a real toolbar', async () => {
    await composer.pasteDestinations(Array.from({ length: 30 }, (_, i) => `+1201555${String(2000 + i)}`).join('\n'));
    await composer.waitForSummary(/30 unique numbers will be sent/);
    await composer.frame.waitForFunction(() => (document.querySelector('#preview-rows tr:nth-child(30)') ?? null) !== null, undefined, { timeout: 10_000 });
    assert.equal(await composer.evaluate<number>('document.querySelectorAll("#preview-rows [tabindex=\\"0\\"]").length'), 1);
    await composer.frame.locator('#preview-rows button').first().focus();
    const { keyboard } = session().workbench.page;
    await keyboard.press('ArrowDown');
    assert.equal(await active(), '2:1');
    await keyboard.press('End');
    assert.equal(await active(), '30:1');
    await keyboard.press('Tab');
    assert.notEqual(await active(), '29:1', 'Tab leaves the table rather than walking its rows');
    assert.equal(await composer.evaluate<number>('document.querySelectorAll("[role=toolbar] [tabindex=\\"0\\"]").length'), 1);
    await composer.frame.locator('#load-file').focus();
    await keyboard.press('ArrowRight');
    assert.equal(await active(), 'load-selection');
  });

  it('at 1,400 × 900 puts the destinations with their preview beside the message fields, all in view', async () => {
    const height = await composer.evaluate<number>('window.innerHeight');
    const [list, message] = [await box('#list-column'), await box('#message-column')];
    assert.ok(message.x > list.x + 200 && Math.abs(message.y - list.y) < 2, `columns: ${JSON.stringify({ list, message })}`);
    for (const selector of ['#destinations', '#preview-rows tr', '#text', '#send']) {
      const where = await box(selector);
      assert.ok(where.y >= 0 && where.bottom <= height, `${selector} is out of view: ${JSON.stringify(where)} in ${height} px`);
    }
    await session().workbench.screenshot('composer-two-columns');
  });

  it('in a 600 px panel stacks one column, and the send bar stays in view', async () => {
    const { page } = session().workbench;
    const width = await composer.evaluate<number>('window.innerWidth');
    await page.setViewportSize({ width: 1400 - (width - 600), height: 900 });
    try {
      await composer.frame.waitForFunction(() => (globalThis as unknown as { innerWidth: number }).innerWidth <= 610, undefined, { timeout: 10_000 });
      const [list, message] = [await box('#list-column'), await box('#message-column')];
      assert.ok(message.y >= list.bottom - 1, `one column: ${JSON.stringify({ list, message })}`);
      const send = await box('#send');
      assert.ok(send.bottom <= (await composer.evaluate<number>('window.innerHeight')), 'the sticky send bar is in view');
    } finally {
      await page.setViewportSize({ width: 1400, height: 900 });
    }
  });

  it('flags {placeholders} before sending, naming the CSV column, and shows each row’s name beside its number', async () => {
    await composer.pasteDestinations('name,phone,city\nAda Lovelace,+12015550121,Newark\nAlan Turing,+61491570120,Sydney');
    await composer.waitForSummary(/2 unique numbers will be sent/);
    await composer.frame.locator('#text').fill('Hi {name}, your order ships today');
    const warning = await composer.waitForText('#text-placeholders', /sent as typed/);
    assert.match(warning, /\{name\} is sent as typed: Plivo sends the same text to every number\. The list’s “name” column would not be filled in/);
    await composer.filter('all');
    await composer.waitForText('#preview-rows', /Ada Lovelace/);
    const rows = await composer.rows();
    assert.deepEqual(rows.map((row) => row[2]), ['+12015550121Ada Lovelace', '+61491570120Alan Turing']);
    await composer.frame.locator('#text').fill('Your order ships today');
    await composer.frame.locator('#text-placeholders').filter({ hasText: /^$/ }).waitFor({ state: 'attached', timeout: 5_000 });
  });
});
