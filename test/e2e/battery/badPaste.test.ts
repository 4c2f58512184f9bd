// Battery: broken and hostile pastes into the composer's destinations box, through the real webview
// and extension host. Each gets its answer (a clear message or an honest preview) within a bound,
// and afterwards the composer still reads a normal list and sends it.
import * as assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { ComposerPage } from '../composer/composerPage';
import { useSandboxSession } from '../sandboxSession';
import { assertInert } from './inert';

/** Paste → preview summary. Far above the real figure (a few seconds at most for 10 MB); a hang fails. */
const BOUND_MS = 45_000;
const SEND_ROUTE = 'POST /v1/Account/{auth_id}/Message/';
const lines = (count: number, line: (i: number) => string) => Array.from({ length: count }, (_, i) => line(i)).join('\n');

interface BadPaste {
  name: string;
  make(): string;
  summary: RegExp;
  /** Where the answer shows: the preview summary, or the composer's notice for a paste it refused. */
  where?: '#notice';
}

const PASTES: BadPaste[] = [
  { name: 'a 10 MB paste', make: () => lines(770_000, (i) => `+1415${2_000_000 + i}`), summary: /✗ Not pasted: the destinations would be 10,009,999 characters; the composer holds at most 2,000,000 .*unchanged\./, where: '#notice' },
  { name: 'one million lines', make: () => lines(1_000_000, (i) => `+1415${2_000_000 + (i % 8_000_000)}`), summary: /Not pasted: the destinations would be 12,999,999 characters; .*Split the list/, where: '#notice' },
  { name: '1 MB of binary data', make: () => randomBytes(1_000_000).toString('latin1'), summary: /entries: .*Nothing will be sent: no entry is a valid number\./ },
  { name: 'NUL bytes around and inside numbers', make: () => '+14155550100\n\u0000\u0000\n+1415\u00005550102\n' + '\u0000'.repeat(10_000), summary: /^4 entries: ✓ 1 valid · ✗ 3 invalid/ },
  { name: 'emoji and RTL text', make: () => '📱 +1 415 555 0100\n\u202E+14155550101\nمرحبا +447400123456\n+١٤١٥٥٥٥٠١٠٢', summary: /✓ 4 valid/ },
  { name: 'an empty list', make: () => '', summary: /^No destinations yet\.$/ },
  { name: 'a single line of 1 MB', make: () => '+14155550100,'.repeat(77_000), summary: /^77,000 entries: ✓ 1 valid · ✗ 0 invalid · ≡ 76,999 duplicates/ },
];

describe('battery: bad pastes into the composer', function () {
  this.timeout(180_000);
  const { sandbox, session } = useSandboxSession('battery-bad-paste', { rateLimitPer5s: 10_000 });
  let composer: ComposerPage;

  before(async () => {
    composer = await ComposerPage.open(session());
  });

  for (const paste of PASTES) {
    it(`${paste.name}: a clear answer within ${BOUND_MS / 1000} s, then a normal list reads as usual`, async () => {
      const text = paste.make();
      const started = Date.now();
      await composer.pasteDestinations(text);
      const landed = Date.now() - started;
      await composer.waitForText(paste.where ?? '#summary', paste.summary, BOUND_MS);
      console.log(`      ${paste.name}: in the box after ${landed} ms, summary after ${Date.now() - started} ms`);
      await assertInert(composer.frame);
      await composer.pasteDestinations('+12015550101\n+12015550102\nnope');
      await composer.waitForSummary(/^3 entries: ✓ 2 valid · ✗ 1 invalid/, BOUND_MS);
    });
  }

  it('still sends after all of them, once', async () => {
    await composer.frame.locator('#sender').fill('14155550100');
    await composer.frame.locator('#text').fill('After the bad pastes');
    await composer.pasteDestinations('+12015550103\n+12015550104');
    await composer.waitForSummary(/2 unique numbers will be sent/);
    await composer.click('#send');
    await composer.waitForText('#result-heading', /Sent: 2 messages queued/, 30_000);
    assert.equal(sandbox().requestLog().counts[SEND_ROUTE], 1);
  });
});
