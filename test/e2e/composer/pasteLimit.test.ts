import * as assert from 'node:assert/strict';
import { useE2eSession } from '../../harness/e2eSession';
import { ComposerPage } from './composerPage';
import { pasteThroughClipboard, recordPostsToHost, TEN_MB_LINES } from './pasteRefusal';

/** Issue 11: an over-limit paste is refused by the webview itself within this. */
const REFUSED_WITHIN_MS = 1000;
const REFUSAL = /^✗ Not pasted: the destinations would be 10,009,999 characters; the composer holds at most 2,000,000 \(about 100,000 numbers\)\. Split the list .*The destinations are unchanged\.$/;

// The composer refuses a paste over its limit in the webview, before anything is posted to the host.
describe('composer: over-limit paste', function () {
  this.timeout(120_000);
  const session = useE2eSession('composer-paste-limit');
  let composer: ComposerPage;
  const kept = '+12015550101\n+12015550102';

  before(async () => {
    composer = await ComposerPage.open(session());
    await composer.pasteDestinations(kept);
    await composer.waitForSummary(/^2 entries: ✓ 2 valid/);
  });

  it('a 10 MB paste is refused within 1 s with a message; the list stays and nothing reaches the host', async () => {
    const posts = await recordPostsToHost(composer);
    const paste = await pasteThroughClipboard(composer, TEN_MB_LINES);
    console.log(`      10 MB paste (${paste.length.toLocaleString('en-US')} characters) refused and painted after ${paste.ms.toFixed(0)} ms`);
    assert.ok(paste.cancelled, 'the paste event was cancelled: the text never entered the box');
    assert.ok(paste.ms < REFUSED_WITHIN_MS, `refused after ${paste.ms.toFixed(0)} ms`);
    assert.match(await composer.text('#notice'), REFUSAL);
    assert.equal(await composer.destinations(), kept);
    assert.match(await composer.text('#summary'), /^2 entries: ✓ 2 valid/);

    // Leaving the box (which saves a pending draft at once) still posts nothing: no change is pending.
    await composer.frame.locator('#text').focus();
    // A normal edit afterwards is posted as usual, so the probe does see what the webview sends.
    await composer.pasteDestinations(`${kept}\nnope`);
    await composer.waitForSummary(/^3 entries: ✓ 2 valid · ✗ 1 invalid/);
    const sent = await posts();
    assert.equal(sent[0], `draftChanged:${kept.length + 5}`, `the first post after the refused paste is the normal edit: ${sent.join(', ')}`);
    assert.ok(sent.every((post) => !post.startsWith('draftChanged:') || post === sent[0]), sent.join(', '));
  });

  it('an over-limit text set by other means (one input event) is put back to the last list, with the message', async () => {
    const before = await composer.destinations();
    const posts = await recordPostsToHost(composer);
    await composer.pasteDestinations(Array.from({ length: TEN_MB_LINES }, (_, i) => `+1415${2_000_000 + i}`).join('\n'));
    await composer.waitForText('#notice', REFUSAL);
    assert.equal(await composer.destinations(), before);
    await composer.pasteDestinations('+12015550103');
    await composer.waitForSummary(/^1 entry: ✓ 1 valid/);
    assert.equal((await posts())[0], 'draftChanged:12');
  });
});
