// The composer's Copy as… / Estimate messages at the boundary, and the estimate in the live-send confirmation.
import * as assert from 'node:assert/strict';
import { confirmationText } from '../../../src/composer/confirmationText';
import { analyseDestinations } from '../../../src/core/destinations/analyse';
import { estimateSend } from '../../../src/core/estimate/estimate';
import { costLines, countriesLine } from '../../../src/core/estimate/estimateText';
import { emptyDraft } from '../../../src/protocol/composerProtocol';
import { parseWebviewMessage } from '../../../src/protocol/validateWebviewMessage';

describe('composer dev loop: messages and confirmation', () => {
  const draft = { ...emptyDraft, text: 'Hi', destinations: '+14155550101' };

  it('accepts copyAs and estimate with a revision and a draft, and refuses them without', () => {
    for (const type of ['copyAs', 'estimate'] as const) {
      const parsed = parseWebviewMessage({ type, revision: 2, draft });
      assert.ok(parsed.ok && parsed.message.type === type && parsed.message.draft.text === 'Hi');
      const missing = parseWebviewMessage({ type, draft });
      assert.ok(!missing.ok && new RegExp(`${type}\\.revision`).test(missing.reason));
      const withStart = parseWebviewMessage({ type: 'estimate', revision: 1, draft, start: 'yes' });
      assert.ok(!withStart.ok && /estimate\.start must be true or false/.test(withStart.reason));
      const wrong = parseWebviewMessage({ type, revision: 1, draft: 'x' });
      assert.ok(!wrong.ok && new RegExp(`${type}\\.draft must be an object`).test(wrong.reason));
    }
  });

  it('the live-send confirmation carries destinations per country, cost, time and the UCS-2 warning', async () => {
    const analysis = analyseDestinations('+14155550101\n+14155550102\n+442079460958');
    const text = `${'a'.repeat(100)}’`;
    const estimate = await estimateSend({ analysis, text, batchesPerSecond: 1, messagesPerSecond: 5, price: async (country) => ({ country, rate: country === 'US' ? '0.00500' : '0.04000' }) });
    const shown = confirmationText({
      profileName: 'Production', profileKind: 'live', baseUrl: 'https://api.plivo.com', destinations: 3, skippedInvalid: 0, skippedDuplicates: 0, text, type: 'sms',
      estimate: [countriesLine(estimate), ...costLines(estimate)],
    });
    assert.match(shown.detail, /^Countries: US 2 × 2 × \$0\.00500, GB 1 × 2 × \$0\.04000$/m);
    assert.match(shown.detail, /^Estimated cost: \$0\.10$/m);
    assert.match(shown.detail, /^Warning: 1 fixed-line number/m);
    assert.match(shown.detail, /^Warning: The character "’" forces UCS-2: 2 parts per message instead of 1, 6 units instead of 3\.$/m);
  });
});
