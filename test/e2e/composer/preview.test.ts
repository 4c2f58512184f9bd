import * as assert from 'node:assert/strict';
import { useE2eSession } from '../../harness/e2eSession';
import { ComposerPage } from './composerPage';

// The destinations preview in the real webview: counts, reasons, filters, removal and undo, paging.
describe('composer: destinations preview', function () {
  this.timeout(90_000);
  const session = useE2eSession('composer-preview');
  let composer: ComposerPage;

  before(async () => {
    composer = await ComposerPage.open(session());
  });

  const mixed = ['+14155550100', 'nonsense', '+1 415 555 0100', '+61491570156', '12'].join('\n');

  it('shows valid, invalid and duplicate counts for a pasted mixed list, and the reasons', async () => {
    await composer.setDestinations(mixed);
    const summary = await composer.waitForSummary(/5 entries/);
    assert.match(summary, /2 valid/);
    assert.match(summary, /2 invalid/);
    assert.match(summary, /1 duplicate/);
    assert.match(summary, /2 unique numbers will be sent; 3 entries are left out\./);

    await composer.filter('invalid');
    await composer.waitForText('#preview-range', /Showing 1–2 of 2/);
    const rows = await composer.rows();
    assert.deepEqual(rows.map((row) => [row[0], row[2]]), [['2:1', 'nonsense'], ['5:1', '12']]);
    for (const row of rows) {
      assert.match(row[1], /invalid/);
      assert.ok(row[3].length > 3, `a reason is shown for ${row[2]}: ${JSON.stringify(row[3])}`);
    }

    await composer.filter('duplicate');
    await composer.waitForText('#preview-range', /of 1$/);
    const [duplicate] = await composer.rows();
    assert.equal(duplicate[2], '+1 415 555 0100');
    assert.match(duplicate[3], /\+14155550100 — same as line 1/);
  });

  it('reads a pasted CSV without a header row as a table: only its phone column becomes entries', async () => {
    const export_ = ['John Smith,+14155550123,2024-01-01', 'Jane Doe,+14155550124,2024-02-15', 'Ann Lee,+14155550125,2024-03-31'].join('\n');
    await composer.pasteDestinations(export_);
    await composer.waitForSummary(/3 entries: ✓ 3 valid · ✗ 0 invalid/);
    await composer.filter('all');
    await composer.waitForText('#preview-range', /Showing 1–3 of 3/);
    const rows = await composer.rows();
    assert.deepEqual(rows.map((row) => row[2]), ['+14155550123', '+14155550124', '+14155550125'], 'names and dates are not entries');
  });

  it('removes the invalid entries in one click, keeps the rest as typed, and Ctrl+Z brings them back', async () => {
    await composer.setDestinations(mixed);
    await composer.waitForSummary(/2 invalid/);
    await composer.click('#remove-invalid');
    await composer.waitForSummary(/✗ 0 invalid/);
    assert.equal(await composer.destinations(), ['+14155550100', '+1 415 555 0100', '+61491570156'].join('\n'));
    assert.match(await composer.text('#notice'), /Removed 2 invalid entries/);

    await composer.frame.locator('#destinations').press('Control+z');
    await composer.waitForSummary(/2 invalid/);
    assert.equal(await composer.destinations(), mixed);
  });

  it('removes duplicates, and the Undo button restores the list', async () => {
    await composer.setDestinations(mixed);
    await composer.waitForSummary(/1 duplicate(?!s)/);
    await composer.click('#remove-duplicates');
    await composer.waitForSummary(/0 duplicates/);
    assert.equal(await composer.destinations(), ['+14155550100', 'nonsense', '+61491570156', '12'].join('\n'));
    await composer.click('#undo-destinations');
    await composer.waitForSummary(/1 duplicate(?!s)/);
    assert.equal(await composer.destinations(), mixed);
  });

  it('keeps the preview current when another field changes right after the list', async () => {
    await composer.pasteDestinations('+61491570157');
    await composer.waitForSummary(/^1 entry: /);
    await composer.filter('all');
    // In one task: the list is pasted and saved (change), then the method changes and is saved too,
    // so the list's analysis arrives after a newer draft that did not change the list.
    await composer.evaluate(`(() => {
      const box = document.getElementById('destinations');
      box.value = '+61491570158\\n+61491570159';
      box.dispatchEvent(new Event('input', { bubbles: true }));
      box.dispatchEvent(new Event('change', { bubbles: true }));
      const method = document.getElementById('callback-method');
      method.value = 'GET';
      method.dispatchEvent(new Event('change', { bubbles: true }));
    })()`);
    await composer.waitForSummary(/^2 entries: /);
    await composer.waitForText('#preview-range', /Showing 1–2 of 2/);
    await composer.openAdvanced();
    await composer.frame.locator('#callback-method').selectOption('POST');
  });

  it('pages 10,000 entries 100 rows at a time', async () => {
    const lines = Array.from({ length: 10_000 }, (_, i) => `+1415555${String(i).padStart(4, '0')}`);
    const started = Date.now();
    await composer.pasteDestinations(lines.join('\n'));
    await composer.waitForSummary(/10,000 entries/, 30_000);
    const elapsed = Date.now() - started;
    await composer.filter('all');
    await composer.waitForText('#preview-range', /Showing 1–100 of 10,000/);
    assert.equal((await composer.rows()).length, 100);
    await composer.click('#page-next');
    await composer.waitForText('#preview-range', /Showing 101–200 of 10,000/);
    const rows = await composer.rows();
    assert.equal(rows.length, 100);
    assert.equal(rows[0][2], lines[100]);
    console.log(`      10,000 entries: summary shown ${elapsed} ms after the paste`);
  });

  it('removes scattered invalid entries from a 10,000-line list quickly, and Undo restores it', async () => {
    const lines = Array.from({ length: 10_050 }, (_, i) => (i % 201 === 100 ? `typo${i}` : `+1415555${String(i % 10_000).padStart(4, '0')}`));
    const text = lines.join('\n');
    await composer.pasteDestinations(text);
    await composer.waitForSummary(/✗ 50 invalid/, 30_000);
    const started = Date.now();
    await composer.click('#remove-invalid');
    await composer.waitForSummary(/✗ 0 invalid/, 30_000);
    const elapsed = Date.now() - started;
    const after = await composer.destinations();
    assert.equal(after.split('\n').length, 10_000);
    assert.ok(!after.includes('typo'));
    assert.ok(elapsed < 10_000, `removal took ${elapsed} ms`);
    console.log(`      removal in a 10,050-line list: ${elapsed} ms until the preview was current`);
    await composer.click('#undo-destinations');
    await composer.waitForSummary(/✗ 50 invalid/, 30_000);
    assert.equal(await composer.destinations(), text);
  });

  it('renders hostile input as text: no element is created and no script runs', async () => {
    // "x&amp" would read "x&" if it were ever parsed as HTML; as text it stays as typed.
    await composer.setDestinations('<img src=x onerror="document.title=\'pwned\'">\nx&amp\n+14155550100');
    await composer.waitForSummary(/1 valid/);
    await composer.filter('invalid');
    await composer.waitForText('#preview-rows', /x&amp/);
    const inputs = (await composer.rows()).map((row) => row[2]);
    assert.ok(inputs.includes('x&amp'), `inputs: ${JSON.stringify(inputs)}`);
    assert.equal(await composer.evaluate<number>("document.querySelectorAll('#app img').length"), 0);
    assert.equal(await composer.evaluate<string>('document.title'), 'New Message');
  });

  it('takes a list from another command: only the destinations change, and Send waits for the user', async () => {
    // Typed just before: still inside the debounce, so only the webview knows it yet.
    await composer.frame.locator('#text').fill('Typed before');
    await session().host.executeCommand('bulkMessaging.newMessage', { destinations: '+61491570156\n+61491570157', intent: 'send' });
    await composer.waitForSummary(/2 unique numbers will be sent/);
    assert.equal(await composer.destinations(), '+61491570156\n+61491570157');
    assert.equal(await composer.frame.locator('#text').inputValue(), 'Typed before');
    assert.match(await composer.text('#notice'), /Check the preview, then press Send/);
    assert.equal(await composer.evaluate<string>('document.activeElement?.id'), 'send');
  });

  it('counts text live and names the characters that forced UCS-2', async () => {
    await composer.frame.locator('#text').fill('Hello');
    await composer.waitForText('#text-counter-summary', /^5 characters · 1 part · 155 characters left in this part · GSM-7$/);
    await composer.frame.locator('#text').fill('Hello ☕');
    await composer.waitForText('#text-counter-summary', /UCS-2 \(70 per part\)/);
    assert.match(await composer.text('#text-counter-detail'), /“☕” U\+2615/);
    await composer.frame.locator('#text').fill('a'.repeat(1_601));
    await composer.waitForText('#text-counter-error', /Too long: an SMS may have at most 1,600 characters\. Remove 1\./);
  });
});
