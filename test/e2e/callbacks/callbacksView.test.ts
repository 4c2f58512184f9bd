// The status-callback inspector in the real workbench: "Use local inspector" in the composer, a send
// to the sandbox, the Callbacks view with delivered and failed and both signatures ✓, the callbacks
// forwarded to a handler whose check is the plivo SDK's, a tampered one ✗, the raw request and the
// destination revealed in the Sends view. Its screenshot is the README's.
import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import * as plivo from 'plivo';
import { signatureHeaders } from '../../../src/core/signatures/plivoSignatures';
import { waitFor } from '../../helpers/waitFor';
import type { OpenDocument } from '../../harness/runContract';
import { projectRoot } from '../../harness/paths';
import { startReceiver } from '../../unit/sandbox/helpers';
import { addCustomProfile, answer } from '../battery/workbenchUi';
import { ComposerPage } from '../composer/composerPage';
import { useSandboxSession } from '../sandboxSession';

const DELIVERS = '+12015550111';
const FAILS_30 = '+12015550131';

declare const document: { querySelector(selector: string): { value?: string } | null };

describe('Callbacks view (status-callback inspector)', function () {
  this.timeout(120_000);
  const { sandbox: server, session } = useSandboxSession('callbacks-view', { messagesPerSecond: 100, timings: { sentAfterMs: 100, deliveredAfterMs: 300 } });
  let handler: Awaited<ReturnType<typeof startReceiver>>;
  let composer: ComposerPage;
  let inspectorUrl = '';

  before(async () => {
    handler = await startReceiver();
    composer = await ComposerPage.open(session());
  });
  after(async () => handler?.close());

  const host = () => session().host;
  const row = (text: string) => session().workbench.page.locator('.monaco-list-row', { hasText: text });

  /**
   * Opens the Callbacks view (collapsed by default) with the side bar to itself, as a user would:
   * the other panes (Sends, Sandbox) are folded by their headers, so an opened callback's detail
   * rows are drawn. Reveal in Sends opens the Sends pane again.
   */
  async function showCallbacks(): Promise<void> {
    const { page } = session().workbench;
    await host().executeCommand('bulkMessaging.callbacks.focus');
    for (const title of [/^Sends$/, /^Sandbox$/]) {
      const header = page.locator('.pane-header', { has: page.locator('h3.title', { hasText: title }) });
      if ((await header.getAttribute('aria-expanded')) === 'true') await header.click();
      await page.locator('.pane-header[aria-expanded="false"]', { has: page.locator('h3.title', { hasText: title }) }).waitFor({ timeout: 10_000 });
    }
  }

  /** Opens a Callbacks row until `detail` shows under it (a redraw for a new callback may land between the click and the key). */
  async function expand(item: ReturnType<typeof row>, detail: ReturnType<typeof row>): Promise<void> {
    await waitFor(async () => {
      if (await detail.isVisible()) return true;
      await item.click();
      if ((await item.getAttribute('aria-expanded')) === 'false') await item.press('ArrowRight');
      return (await detail.waitFor({ timeout: 2000 }).then(() => true, () => undefined));
    }, 15_000, 'the callback opened');
  }

  it('fills the callback URL with the local inspector and says what it does', async () => {
    await composer.openAdvanced();
    await composer.click('#use-local-inspector');
    await composer.frame.waitForFunction(() => /^http:\/\/127\.0\.0\.1:\d+\/plivo\/status$/.test(document.querySelector('#callback-url')?.value ?? ''), undefined, { timeout: 15_000 });
    inspectorUrl = await composer.frame.locator('#callback-url').inputValue();
    await composer.waitForText('#notice', /local inspector/);
  });

  it('shows delivered and failed with ✓ signatures, and forwards them re-signed for the handler', async () => {
    const target = `${handler.url}/plivo/status`;
    await session().host.executeCommand('bulkMessaging.callbacks.forwardTo', target);
    await composer.frame.locator('#sender').fill('14155550100');
    await composer.frame.locator('#text').fill('Callbacks e2e');
    await composer.pasteDestinations(`${DELIVERS}\n${FAILS_30}`);
    await composer.waitForSummary(/^2 entries: /);
    await composer.click('#send');
    await composer.waitForText('#result-heading', /Sent: 2 messages queued/);

    await showCallbacks();
    await row(`delivered · ${DELIVERS}`).filter({ hasText: 'V2 ✓ V3 ✓' }).first().waitFor({ timeout: 30_000 });
    const failed = row(`failed · ${FAILS_30}`).filter({ hasText: 'V2 ✓ V3 ✓' }).first();
    await failed.waitFor({ timeout: 30_000 });
    await expand(failed, row('ErrorCode').filter({ hasText: '30 (spam detected)' }));
    await row('V3 signature').filter({ hasText: '✓' }).first().waitFor({ timeout: 10_000 });

    // The handler got each final callback, and the official SDK accepts its V3 signature for the handler's URL.
    const finals = await waitFor(() => {
      const got = handler.received.filter((r) => r.params.Status === 'delivered' || r.params.Status === 'failed');
      return got.length >= 2 ? got : undefined;
    }, 20_000, 'forwarded final callbacks');
    const { authToken } = server().accounts[0];
    for (const r of handler.received) {
      const valid = plivo.validateV3Signature(r.method, `${handler.url}${r.url}`, String(r.headers['x-plivo-signature-v3-nonce']), authToken, String(r.headers['x-plivo-signature-v3']), r.params);
      assert.ok(valid, `the forwarded ${r.params.Status} callback passes validateV3Signature`);
    }
    assert.deepEqual(finals.map((r) => `+${r.params.To} ${r.params.Status}`).sort(), [`${DELIVERS} delivered`, `${FAILS_30} failed`]);
    await row('Forwarded').filter({ hasText: `${target} → 200 ✓` }).first().waitFor({ timeout: 10_000 });
    await session().host.executeCommand('bulkMessaging.callbacks.stopForwarding');

    // Replay All of This Send, on the selected (failed) callback: every callback of the send again, in order, re-signed.
    const forwarded = handler.received.map((r) => `${r.params.To} ${r.params.Status} ${r.params.Sequence}`);
    const replayed = session().host.executeCommand('bulkMessaging.callbacks.replaySend');
    await answer(session().workbench.page, 'Replay to', target);
    await replayed;
    const again = await waitFor(() => (handler.received.length >= 2 * forwarded.length ? handler.received.slice(forwarded.length) : undefined), 15_000, 'the replayed callbacks');
    assert.deepEqual(again.map((r) => `${r.params.To} ${r.params.Status} ${r.params.Sequence}`).sort(), [...forwarded].sort());
    for (const r of again) {
      assert.ok(plivo.validateV3Signature(r.method, `${handler.url}${r.url}`, String(r.headers['x-plivo-signature-v3-nonce']), authToken, String(r.headers['x-plivo-signature-v3']), r.params), 'a replayed callback passes validateV3Signature');
    }
    await row('Replayed').filter({ hasText: `${target} → 200 ✓` }).first().waitFor({ timeout: 10_000 });
    // The README's picture: the side bar wide enough for the rows, no toasts over the composer.
    await session().host.executeCommand('notifications.clearAll');
    for (let i = 0; i < 4; i++) await session().host.executeCommand('workbench.action.increaseViewSize');
    await row('ErrorCode').filter({ hasText: '30 (spam detected)' }).waitFor({ timeout: 10_000 });
    await session().workbench.page.screenshot({ path: join(projectRoot, 'docs', 'images', 'callbacks-view.png') });
  });

  it('shows a tampered callback with ✗ and the reason', async () => {
    const uuid = await waitFor(() => handler.received.find((r) => r.params.Status === 'failed')?.params.MessageUUID, 5000, 'the failed UUID');
    const signedFor = { MessageUUID: uuid, To: FAILS_30.slice(1), Status: 'failed', ErrorCode: '30' };
    const response = await fetch(inspectorUrl, {
      method: 'POST',
      headers: { ...signatureHeaders(server().accounts[0].authToken, 'POST', inspectorUrl, signedFor), 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ ...signedFor, Status: 'delivered', ErrorCode: '000' }).toString(),
    });
    assert.equal(response.status, 200);
    const tampered = row(`delivered · ${FAILS_30}`).filter({ hasText: 'V2 ✓ V3 ✗' }).first();
    await tampered.waitFor({ timeout: 15_000 });
    await expand(tampered, row('V3 signature').filter({ hasText: '✗ does not match' }).first());
  });

  it('opens the raw request as a JSON document and reveals the destination in the Sends view', async () => {
    const { host } = session();
    await host.executeCommand('bulkMessaging.callbacks.openRaw');
    const raw = await waitFor(async () => (await host.documents()).find((d: OpenDocument) => d.uri.startsWith('bulk-messaging-callback:')), 15_000, 'the raw callback document');
    assert.equal(raw.languageId, 'json');
    const parsed = JSON.parse(raw.text) as { method: string; headers: Record<string, string>; fields: Record<string, string> };
    assert.equal(parsed.method, 'POST');
    assert.ok(parsed.headers['x-plivo-signature-v3']);
    assert.equal(parsed.fields.To, FAILS_30.slice(1));

    await showCallbacks();
    await row('MessageUUID').filter({ hasText: `→ ${FAILS_30}` }).first().click();
    await session().workbench.page.locator('.monaco-list-row.selected', { hasText: FAILS_30 }).filter({ hasText: 'failed', hasNotText: 'V2' }).first().waitFor({ timeout: 15_000 });
  });

  it('for a live-style profile asks for a public tunnel URL, and checks callbacks through it with that profile\u2019s stored token', async () => {
    const tunnelToken = 'TUNNELPROFILETOKEN0123456789';
    const { page } = session().workbench;
    await addCustomProfile(session(), { name: 'Tunnel account', baseUrl: server().baseUrl, authId: server().accounts[0].authId, authToken: tunnelToken, sender: '14155550100' });
    // The raw document took the composer's place in the editor: bring the composer back.
    composer = await ComposerPage.open(session());
    await composer.frame.locator('#profile').selectOption({ label: 'Tunnel account (custom URL)' });
    await composer.openAdvanced();
    await composer.click('#use-local-inspector');
    await answer(page, 'Status callbacks for "Tunnel account"', 'Paste a public tunnel URL');
    await answer(page, 'Public tunnel URL', 'https://abc.tunnel.example');
    await composer.frame.waitForFunction(() => document.querySelector('#callback-url')?.value === 'https://abc.tunnel.example/plivo/status', undefined, { timeout: 15_000 });
    await composer.waitForText('#notice', /must forward to port \d+/);

    // What the tunnel delivers: Plivo signed the public URL; the tunnel says which host it was.
    const post = (token: string, to: string) => {
      const fields = { MessageUUID: `9999999${to}`, To: to, Status: 'delivered', ErrorCode: '000' };
      return fetch(inspectorUrl, {
        method: 'POST',
        headers: { ...signatureHeaders(token, 'POST', 'https://abc.tunnel.example/plivo/status', fields), 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-host': 'abc.tunnel.example', 'x-forwarded-proto': 'https' },
        body: new URLSearchParams(fields).toString(),
      });
    };
    assert.equal((await post(tunnelToken, '14155550177')).status, 200);
    assert.equal((await post(server().accounts[0].authToken, '14155550178')).status, 200);
    await showCallbacks();
    await row('delivered · +14155550177').filter({ hasText: 'V2 ✓ V3 ✓' }).first().waitFor({ timeout: 15_000 });
    await row('delivered · +14155550178').filter({ hasText: 'V2 ✗ V3 ✗' }).first().waitFor({ timeout: 15_000 });
  });
});
