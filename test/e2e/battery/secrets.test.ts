// Battery: the auth token of a real (non-sandbox) profile is typed once into the password box, used
// for a send, status reads, message details and a connection test — and then found nowhere: not in
// anything copied, not in an open document, and, once the session is closed, in no file under the
// run folder (user-data dir with its logs and output channels, extension storage, XDG folders, and
// the on-disk browser profile whose IndexedDB holds globalState).
import * as assert from 'node:assert/strict';
import { startSandbox } from '../../../src/sandbox';
import type { SandboxServer } from '../../../src/sandbox/types';
import { type E2eSession, useE2eSession } from '../../harness/e2eSession';
import type { OpenDocument } from '../../harness/runContract';
import { formsInText, scanFiles, tokenForms } from '../../harness/secretScan';
import { waitFor } from '../../helpers/waitFor';
import { ComposerPage } from '../composer/composerPage';
import { addCustomProfile, clickRowAction, onSelection, pick, quickInputFlow, selectSendsRow } from './workbenchUi';

const AUTH_ID = 'MASECRETBATTERY00001';
/** Shaped like a real Plivo token (40 letters and digits); used by nothing else in the project. */
const TOKEN = 'Sx7Kq2Wm9Rt4Lz8Pn3Vb6Hd1Fy5Gc0Ju2Ea9Xo4';
const PROFILE = 'Secrets battery';
const TEXT = 'Secrets battery send';
const SEND_ROUTE = 'POST /v1/Account/{auth_id}/Message/';
/** Token-shaped text typed into the composer (saved in its draft, in globalState): the scan must find it. */
const MARKER = 'Mk3Rb8Tz1Qw6Yn4Pj9Lc2Vx7Hf5Gd0Sa3Ke8Ui1';

/** The open document whose URI starts with `prefix`, once it is open. */
function waitForDocument(session: E2eSession, prefix: string): Promise<OpenDocument> {
  return waitFor(async () => (await session.host.documents()).find((document) => document.uri.startsWith(prefix)), 15_000, `a ${prefix} document to open`, 250);
}

describe('battery: the auth token leaves no trace', function () {
  this.timeout(120_000);
  let sandbox: SandboxServer;
  const forms = tokenForms(AUTH_ID, TOKEN);
  /** Everything the session handed back as text: copied snippets, the clipboard, open documents. */
  const collected: Array<{ what: string; text: string }> = [];

  before(async () => {
    sandbox = await startSandbox({ accounts: [{ authId: AUTH_ID, authToken: TOKEN }], messagesPerSecond: 1000, timings: { sentAfterMs: 20, deliveredAfterMs: 100 } });
  });
  after(async () => sandbox?.close());
  // Dialogs: the send through a non-sandbox profile is confirmed in VS Code's modal dialog.
  const session = useE2eSession('battery-secrets', { dialogs: true, persistentBrowserProfile: true });

  it('adds a custom-URL profile whose token is typed into the password box', async () => {
    await addCustomProfile(session(), { name: PROFILE, baseUrl: sandbox.baseUrl, authId: AUTH_ID, authToken: TOKEN, sender: '14155550100' });
  });

  it('sends through it once the confirmation dialog is accepted', async () => {
    const composer = await ComposerPage.open(session());
    assert.equal(await composer.frame.locator('#profile option:checked').textContent(), `${PROFILE} (custom URL)`);
    await composer.frame.locator('#text').fill(TEXT);
    await composer.pasteDestinations('+12015550101\n+12015550102\nnot-a-number');
    await composer.waitForSummary(/2 unique numbers will be sent/);
    await composer.click('#send');
    const dialog = session().workbench.page.locator('.monaco-dialog-box');
    await dialog.getByRole('button', { name: /^Send \d+ units?$/ }).click({ timeout: 15_000 });
    await composer.waitForText('#result-heading', /Sent: 2 messages queued/, 30_000);
    assert.equal(sandbox.requestLog().counts[SEND_ROUTE], 1);
    // The control for the file scan: a token-shaped string the extension does store (in the draft).
    await composer.frame.locator('#text').fill(`Next time: ${MARKER}`);
    await composer.frame.locator('#text').blur();
  });

  it('copies UUIDs and the response, opens message details, refreshes and tests the connection: no token in any of it', async () => {
    const { host } = session();
    await selectSendsRow(session(), TEXT, true);
    const uuids = await onSelection<string>(session(), 'bulkMessaging.sends.copyAllUuids');
    assert.equal(uuids.split('\n').length, 2);
    collected.push({ what: 'copied UUIDs', text: uuids });
    const response = await onSelection<string>(session(), 'bulkMessaging.sends.copyResponse');
    assert.match(response, /"message_uuid"/);
    collected.push({ what: 'copied response JSON', text: response });

    await clickRowAction(session(), '+12015550101', 'Open Message Details');
    // Opened before the quick pick below: an editor opening takes the focus and closes a quick pick.
    const details = await waitForDocument(session(), 'bulk-messaging-message:');
    await host.executeCommand('bulkMessaging.sends.refresh');
    // Test Connection asks which profile; GET /v1/Account/{id}/ with the token.
    const tested = await quickInputFlow(
      () => host.executeCommand<boolean>('bulkMessaging.profiles.testConnection'),
      (flow) => pick(session().workbench.page, 'Test which profile?', PROFILE, flow),
      'Test Connection',
    );
    assert.equal(tested, true);
    // The Local sandbox writes its address to the output channel (its own token must stay out too).
    void host.executeCommand('bulkMessaging.sandbox.show').catch(() => undefined);

    assert.match(details.text, /"message_uuid"/);
    collected.push({ what: 'message details document', text: details.text });
    for (const document of await host.documents()) collected.push({ what: `open document ${document.uri}`, text: document.text });
    collected.push({ what: 'clipboard', text: await host.clipboard() });
    // The requests really carried the token: the sandbox checked it on each.
    const counts = sandbox.requestLog().counts;
    assert.ok((counts['GET /v1/Account/{auth_id}/'] ?? 0) >= 1 && (counts['GET /v1/Account/{auth_id}/Message/{message_uuid}/'] ?? 0) >= 1, JSON.stringify(counts));

    for (const { what, text } of collected) assert.deepEqual(formsInText(text, forms), [], `token found in ${what}`);
  });

  it('leaves it in no file of the session: user data, logs, output channels, extension storage, browser profile', async () => {
    const { workbench } = session();
    // Closing the browser and the server flushes IndexedDB (globalState) and the logs to disk.
    await workbench.stop();
    const report = scanFiles(workbench.runDir, forms);
    assert.deepEqual(report.findings, [], `token found in: ${JSON.stringify(report.findings)}`);

    // The scan saw the places that matter, and would have seen the token there: a token-shaped marker
    // typed into the composer (its draft is in globalState), the profile's name and its auth ID are
    // all found by the same search.
    const controls = scanFiles(workbench.runDir, { ...tokenForms(AUTH_ID, MARKER), 'profile name': Buffer.from(PROFILE), 'auth ID': Buffer.from(AUTH_ID) });
    const where = (form: string) => controls.findings.filter((finding) => finding.form === form).map((finding) => finding.file);
    assert.ok(where('token').some((file) => /IndexedDB/.test(file)), `the token-shaped marker in the draft was not found: ${JSON.stringify(controls.findings)}`);
    assert.ok(where('profile name').some((file) => /IndexedDB/.test(file)), `globalState not found on disk: ${where('profile name').join(', ')}`);
    assert.ok(where('auth ID').some((file) => /IndexedDB/.test(file)), `auth ID not found in IndexedDB: ${where('auth ID').join(', ')}`);
    assert.ok(report.scanned.some((file) => /output_logging_.*Bulk Messaging\.log$/.test(file)), 'the Bulk Messaging output channel was scanned');
    assert.ok(report.scanned.some((file) => /exthost\d*[/\\].*\.log$/.test(file)), 'the extension host logs were scanned');
    console.log(`      scanned ${report.files} files, ${(report.bytes / 1024 / 1024).toFixed(1)} MB, and ${collected.length} collected texts: no token`);
  });
});
