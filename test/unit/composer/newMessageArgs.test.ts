import * as assert from 'node:assert/strict';
import { applyPrefill, readNewMessageArgs } from '../../../src/composer/newMessageArgs';
import { emptyDraft, type ComposerDraft } from '../../../src/protocol/composerProtocol';

const saved: ComposerDraft = {
  ...emptyDraft,
  profileId: 'p-live',
  sender: { kind: 'src', value: 'MyBrand' },
  text: 'Typed earlier',
  destinations: '+14155550100',
};

describe('New Message command arguments', () => {
  it('a list action replaces only the destinations and keeps what was typed', () => {
    const prefill = readNewMessageArgs({ destinations: '+442079460958\n+61491570156', intent: 'send' });
    assert.ok(prefill);
    assert.equal(prefill.intent, 'send');
    const draft = applyPrefill(saved, prefill);
    assert.deepEqual(draft, { ...saved, destinations: '+442079460958\n+61491570156' });
  });

  it('reopening a send replaces the whole draft', () => {
    const sent: ComposerDraft = { profileId: 'local-sandbox', sender: { kind: 'powerpack_uuid', value: 'pp-1' }, text: 'Sent text', destinations: '+14155550199', callbackUrl: 'https://example.com/cb', callbackMethod: 'GET', type: 'sms' };
    const prefill = readNewMessageArgs(structuredClone(sent));
    assert.ok(prefill);
    assert.equal(prefill.intent, undefined);
    assert.deepEqual(applyPrefill(saved, prefill), sent);
  });

  it('ignores what is not a prefill: nothing, a URI-like value, an array, unknown keys', () => {
    for (const arg of [undefined, null, 'text', 42, [1], { path: '/file.txt' }, { intent: 'send' }]) {
      assert.equal(readNewMessageArgs(arg), undefined, JSON.stringify(arg));
    }
  });

  it('reads damaged fields as the composer defaults, never storing them as given', () => {
    const prefill = readNewMessageArgs({ destinations: '+14155550100', type: 'fax', callbackMethod: 'PUT' });
    assert.ok(prefill);
    const draft = applyPrefill(saved, prefill);
    assert.equal(draft.type, 'sms');
    assert.equal(draft.callbackMethod, 'POST');
    assert.equal(draft.destinations, '+14155550100');
  });
});
