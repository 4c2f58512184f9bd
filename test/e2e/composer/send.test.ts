import * as assert from 'node:assert/strict';
import { useSandboxSession } from '../sandboxSession';
import { ComposerPage } from './composerPage';

const SEND_ROUTE = 'POST /v1/Account/{auth_id}/Message/';

// Sending from the real webview to a real sandbox that this process runs (the extension host is
// pointed at it), so every POST the composer makes can be counted.
describe('composer: sending to the sandbox', function () {
  this.timeout(120_000);
  const { sandbox: server, session } = useSandboxSession('composer-send', { timings: { sentAfterMs: 50, deliveredAfterMs: 100 } });
  let composer: ComposerPage;

  before(async () => {
    composer = await ComposerPage.open(session());
  });

  const posts = (): number => server().requestLog().counts[SEND_ROUTE] ?? 0;

  async function fill(fields: { sender?: string; text?: string; destinations?: string }): Promise<void> {
    const { frame } = composer;
    if (fields.sender !== undefined) await frame.locator('#sender').fill(fields.sender);
    if (fields.text !== undefined) await frame.locator('#text').fill(fields.text);
    if (fields.destinations !== undefined) {
      await composer.pasteDestinations(fields.destinations);
      await composer.waitForSummary(/will be sent|Nothing will be sent/);
    }
  }

  /** Clicks Send once and waits until the button is usable again (the send ended one way or another). */
  async function sendOnce(): Promise<void> {
    await composer.click('#send');
    await composer.waitForSendIdle();
  }

  it('opens with the Local sandbox profile and its default sender', async () => {
    assert.equal(await composer.frame.locator('#profile option:checked').textContent(), 'Local sandbox');
    assert.equal(await composer.frame.locator('#sender').inputValue(), '14155550100');
    assert.match(await composer.text('#profile-hint'), /nothing leaves this machine/);
  });

  it('shows each problem beside its field in the words of its label, sums them up at the top, focuses the first, and posts nothing', async () => {
    await fill({ sender: '', text: '', destinations: '+12015550101' });
    await composer.openAdvanced();
    await composer.frame.locator('#callback-url').fill('example.com/status');
    const before = posts();
    await sendOnce();
    assert.match(await composer.waitForText('#sender-error', /^Sender is required/), /phone number or sender ID/);
    assert.equal(await composer.text('#text-error'), 'Text is required: write the message.');
    assert.match(await composer.text('#callback-url-error'), /^Status callback URL must start with https:\/\//);
    assert.match(await composer.text('#error-summary'), /^Not sent: 3 problems to fix/);
    // The first error in the form's order (Sender, above Text and the callback) has the focus.
    assert.equal(await composer.evaluate<string>('document.activeElement.id'), 'sender');
    assert.equal(await composer.frame.locator('#sender').getAttribute('aria-invalid'), 'true');
    assert.match(await composer.text('#send-status'), /Not sent/);
    assert.equal(posts(), before);
    await composer.frame.locator('#callback-url').fill('');
    // Editing a field clears its error; the summary goes with the last one.
    await fill({ sender: '14155550100' });
    assert.equal(await composer.frame.locator('#sender-error').isHidden(), true);
    assert.equal(await composer.frame.locator('#error-summary').isHidden(), false);
    await fill({ text: 'Hello' });
    assert.equal(await composer.frame.locator('#error-summary').isHidden(), true);
  });

  it('sends the unique valid numbers of a mixed list in one POST and shows the result', async () => {
    await fill({ sender: '14155550100', text: 'Hello from the e2e test', destinations: '+12015550101\nnonsense\n+12015550102\n+1 201 555 0101\n+442079460958' });
    await composer.waitForSummary(/^5 entries: /);
    await composer.frame.locator('#preview-table').scrollIntoViewIfNeeded();
    // For the README: the composer with its preview, then its result, from the real webview.
    await session().workbench.screenshot('composer-preview');
    const before = posts();
    await sendOnce();
    await composer.waitForText('#result-heading', /Sent: 3 messages queued/);
    await composer.frame.locator('#result').scrollIntoViewIfNeeded();
    await session().workbench.screenshot('composer-result');
    assert.equal(posts() - before, 1);
    const result = await composer.text('#result');
    assert.match(result, /Message UUIDs\s*3/);
    // Plivo refused none; the preview kept back the line with no number and the repeated one.
    assert.match(result, /Rejected by Plivo\s*0/);
    assert.match(result, /Skipped before sending\s*1 invalid entry, 1 duplicate/);
    const [batch] = await composer.tableRows('#result-batches tbody');
    assert.equal(batch[1], '202');
    assert.match(batch[2], /^[0-9a-f-]{36}$/);
    assert.match(batch[6], /^\d[\d,]* ms$/);
    const body = JSON.parse(server().requestLog().entries.filter((entry) => entry.route === SEND_ROUTE).at(-1)?.body ?? '{}') as { dst?: string };
    assert.equal(body.dst?.split('<').length, 3, `dst sent: ${body.dst}`);
  });

  for (const kind of ['server-error', 'unavailable-html'] as const) {
    it(`explains a ${kind} failure, keeps the draft, and posted exactly once`, async () => {
      const draft = { sender: '14155550100', text: `Fault ${kind}`, destinations: '+12015550103\n+12015550104' };
      await fill(draft);
      server().injectFault({ kind, method: 'POST', path: '/Message/' });
      const before = posts();
      await sendOnce();
      await composer.waitForText('#result', /What to do:/);
      assert.equal(posts() - before, 1, 'a failed POST is never retried');
      assert.match(await composer.text('#result-heading'), /\S/);
      assert.match(await composer.text('#send-status'), /draft is kept/);
      assert.equal(await composer.frame.locator('#text').inputValue(), draft.text);
      assert.equal(await composer.destinations(), draft.destinations);
    });
  }

  it('sends 1,500 destinations as two ordered requests and reports each batch', async () => {
    const numbers = Array.from({ length: 1_500 }, (_, i) => `+1201555${String(1000 + i).padStart(4, '0')}`);
    await fill({ text: 'Batch test', destinations: numbers.join('\n') });
    await composer.waitForSummary(/1,500 unique numbers will be sent in 2 requests/);
    // Record every status the Send area shows, to see the per-batch progress.
    await composer.evaluate(`(() => {
      const status = document.getElementById('send-status');
      window.statuses = [];
      new MutationObserver(() => window.statuses.push(status.textContent)).observe(status, { childList: true, characterData: true, subtree: true });
    })()`);
    const before = posts();
    await sendOnce();
    await composer.waitForText('#result-heading', /Sent: 1,500 messages queued/);
    assert.equal(posts() - before, 2);
    const statuses = await composer.evaluate<string[]>('window.statuses');
    assert.ok(statuses.includes('Sending request 2 of 2…'), `statuses: ${JSON.stringify(statuses)}`);
    assert.equal(await composer.frame.locator('#result-batches tbody tr').count(), 2);
    const sent = server().requestLog().entries.filter((entry) => entry.route === SEND_ROUTE).slice(-2)
      .map((entry) => (JSON.parse(entry.body) as { dst: string }).dst.split('<'));
    assert.deepEqual(sent.map((dst) => dst.length), [1_000, 500]);
  });

  it('keeps the draft when the panel is closed and opened again', async () => {
    await fill({ sender: 'MyBrand', text: 'Keep me', destinations: '+12015550105' });
    await composer.openAdvanced();
    await composer.frame.locator('#callback-url').fill('https://example.com/status');
    await composer.frame.locator('#callback-method').selectOption('GET');
    // Closed at once: the tab's close button takes focus from the webview, which posts its pending draft.
    await ComposerPage.close(session(), composer);
    composer = await ComposerPage.open(session());
    const { frame } = composer;
    assert.equal(await frame.locator('#sender').inputValue(), 'MyBrand');
    assert.equal(await frame.locator('#text').inputValue(), 'Keep me');
    assert.equal(await composer.destinations(), '+12015550105');
    assert.equal(await frame.locator('#callback-url').inputValue(), 'https://example.com/status');
    assert.equal(await frame.locator('#callback-method').inputValue(), 'GET');
    await composer.waitForSummary(/1 unique number will be sent/);
  });
});
