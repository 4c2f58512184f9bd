// Battery: injection payloads in every place the composer webview shows something it did not write
// itself — destinations, the message text and sender, profile names, and a server's answers
// (api_id, message, invalid_number entries, error texts, an HTML error page) — render as text, and
// the webview's CSP allows no inline or eval'd script. The Sends view (VS Code's own tree) too.
import * as assert from 'node:assert/strict';
import { useE2eSession } from '../../harness/e2eSession';
import { ComposerPage } from '../composer/composerPage';
import { HOSTILE_MODES, startHostileServer, type HostileServer } from './hostileServer';
import { assertInert, COMPOSER_SCRIPTS, contentSecurityPolicy } from './inert';
import { PAYLOADS } from './payloads';
import { addCustomProfile, selectSendsRow } from './workbenchUi';

const VALID = ['+12015550101', '+12015550102'];
/** Hostile profile names: markup, an <option> breaker, and a right-to-left override. */
const PROFILE_NAMES = [PAYLOADS[1], `</option><script>document.title='pwned-o'</script>`, `\u202Eevil\u202C name`];

describe('battery: injection payloads render as inert text', function () {
  this.timeout(120_000);
  let hostile: HostileServer;
  const env: Record<string, string> = {};
  before(async () => {
    hostile = await startHostileServer();
    // The Local sandbox profile talks to the hostile server instead of a sandbox.
    Object.assign(env, { BULK_MESSAGING_SANDBOX_URL: hostile.origin, BULK_MESSAGING_SANDBOX_AUTH_ID: hostile.authId, BULK_MESSAGING_SANDBOX_AUTH_TOKEN: hostile.authToken });
  });
  after(async () => hostile?.close());
  const session = useE2eSession('battery-injection', { env });
  let composer: ComposerPage;

  before(async () => {
    composer = await ComposerPage.open(session());
  });

  it('declares a CSP whose scripts need the nonce: no unsafe-inline, no unsafe-eval, nothing by default', async () => {
    const csp = await contentSecurityPolicy(composer.frame);
    assert.deepEqual(csp.get('default-src'), ["'none'"]);
    const scripts = csp.get('script-src') ?? [];
    assert.equal(scripts.length, 1, `script-src: ${scripts.join(' ')}`);
    const nonce = /^'nonce-([A-Za-z0-9+/=_-]{16,})'$/.exec(scripts[0])?.[1];
    assert.ok(nonce, `script-src is only a nonce: ${scripts[0]}`);
    for (const [directive, sources] of csp) {
      for (const forbidden of ["'unsafe-inline'", "'unsafe-eval'", "'unsafe-hashes'", "'strict-dynamic'", '*', 'data:']) {
        assert.ok(!sources.includes(forbidden), `${directive} allows ${forbidden}`);
      }
    }
    // The composer's one script is the bundle, loaded from the extension with that nonce.
    const script = composer.frame.locator(COMPOSER_SCRIPTS).first();
    assert.equal(await script.getAttribute('nonce'), nonce);
    assert.match((await script.getAttribute('src')) ?? '', /\/dist\/webview\/composer\.js$/);
    await assertInert(composer.frame);
  });

  it(`shows ${PAYLOADS.length} payloads pasted as destinations as the text that was typed`, async () => {
    const pasted = PAYLOADS.join('\n');
    await composer.pasteDestinations(pasted);
    await composer.waitForSummary(/entries: /);
    await composer.filter('all');
    await composer.waitForText('#preview-range', /Showing 1–/);
    const rows = await composer.rows();
    assert.ok(rows.length >= PAYLOADS.length, `${rows.length} rows`);
    for (const row of rows) {
      const input = row[2].replace(/…$/, '');
      assert.ok(pasted.includes(input), `row input is not verbatim text of the paste: ${JSON.stringify(row[2])}`);
    }
    // The list reader splits on "<" and quotes (words next to each other are one entry); what is
    // left keeps its markup characters.
    const inputs = rows.map((row) => row[2]);
    for (const fragment of ['/script>', 'onerror=', 'javascript:document.title=', '!--', '/textarea>']) {
      assert.ok(inputs.some((input) => input.includes(fragment)), `${fragment} shown as typed: ${JSON.stringify(inputs)}`);
    }
    await assertInert(composer.frame);
  });

  it('shows payloads in the message text and the sender as text (counter, field errors)', async () => {
    await composer.frame.locator('#text').fill(PAYLOADS.join(' '));
    await composer.waitForText('#text-counter-summary', /UCS-2/);
    assert.match(await composer.text('#text-counter-detail'), /U\+202E/);
    await composer.frame.locator('#sender').fill(PAYLOADS[1]);
    await composer.click('#send');
    const error = await composer.waitForText('#sender-error', /alphanumeric sender ID/);
    assert.ok(error.includes(`"${PAYLOADS[1]}"`), `the sender error quotes it as typed: ${error}`);
    await composer.waitForSendIdle();
    assert.equal(hostile.posts, 0, 'nothing was sent');
    await assertInert(composer.frame);
  });

  it('shows hostile profile names in the picker and hint as text', async () => {
    for (const name of PROFILE_NAMES) {
      await addCustomProfile(session(), { name, baseUrl: hostile.origin, authId: 'MAPROFILEINJECTION01', authToken: 'profile-token-not-used', sender: '14155550100' });
    }
    const options = (await composer.frame.locator('#profile option').allTextContents()).slice(1);
    assert.deepEqual(options, PROFILE_NAMES.map((name) => `${name} (custom URL)`));
    for (const name of PROFILE_NAMES) {
      await composer.frame.locator('#profile').selectOption({ label: `${name} (custom URL)` });
      await composer.waitForText('#profile-hint', /Custom endpoint: you will be asked to confirm/);
      await assertInert(composer.frame);
    }
    await composer.frame.locator('#profile').selectOption({ label: 'Local sandbox' });
  });

  it('shows a server’s api_id, message and invalid_number entries as text', async () => {
    await composer.frame.locator('#sender').fill('14155550100');
    await composer.frame.locator('#text').fill(HOSTILE_MODES.accept);
    await composer.pasteDestinations(VALID.join('\n'));
    await composer.waitForSummary(/2 unique numbers will be sent/);
    await composer.click('#send');
    await composer.waitForText('#result-heading', /Sent: 2 messages queued/, 30_000);
    const [batch] = await composer.tableRows('#result-batches tbody');
    assert.deepEqual([batch[2], batch[3]], [PAYLOADS[0], PAYLOADS[2]]);
    await composer.frame.locator('.invalid-numbers summary').click();
    const invalid = await composer.frame.locator('#result-invalid li').allTextContents();
    assert.deepEqual(invalid, [...PAYLOADS]);
    await assertInert(composer.frame);
  });

  it('shows a server’s error text and an HTML error page as text', async () => {
    await composer.frame.locator('#text').fill(HOSTILE_MODES.reject);
    await composer.click('#send');
    await composer.waitForText('#result-heading', /Request rejected \(400\)/, 30_000);
    assert.equal(await composer.text('.failure-detail'), PAYLOADS[11]);
    await assertInert(composer.frame);

    await composer.frame.locator('#text').fill(HOSTILE_MODES.html);
    await composer.click('#send');
    await composer.waitForText('#result-heading', /Unexpected response \(HTTP 503\)/, 30_000);
    const detail = await composer.text('.failure-detail');
    assert.ok(detail.includes(`<title>${PAYLOADS[14]}</title>`), detail);
    await assertInert(composer.frame);
    assert.equal(hostile.posts, 3, 'one POST per send');
  });

  it('the Sends view shows the entries and the text as text too', async () => {
    const { page } = session().workbench;
    const titleBefore = await page.title();
    // The send's text leads its description ("accept · profile"); the other sends' notices
    // ("0 accepted, 2 in doubt…") contain the word too, never followed by " · ".
    await selectSendsRow(session(), new RegExp(`${HOSTILE_MODES.accept} · `), true);
    await selectSendsRow(session(), /^Invalid \(API\)/, true);
    // The sidebar shares its height with the Callbacks view: the tree draws only the rows in view, so
    // the keyboard walks down the focused group (as a user would) until a payload's row is drawn.
    for (const payload of [PAYLOADS[1], PAYLOADS[3], PAYLOADS[22]]) {
      const row = page.locator('.monaco-list-row', { hasText: payload }).first();
      for (let step = 0; step < PAYLOADS.length && (await row.count()) === 0; step++) await page.keyboard.press('ArrowDown');
      await row.waitFor({ timeout: 10_000 });
    }
    assert.equal(await page.locator('img[src="x"], svg[onload], iframe[src^="javascript"]').count(), 0);
    assert.equal(await page.title(), titleBefore);
  });
});
