import * as assert from 'node:assert/strict';
import { normaliseDraft, openingDraft, withProfile } from '../../../src/protocol/composerDraft';
import { emptyDraft, type ComposerDraft, type ProfileSummary } from '../../../src/protocol/composerProtocol';

const sandbox: ProfileSummary = { id: 'local-sandbox', name: 'Local sandbox', isSandbox: true, kind: 'sandbox', sender: { kind: 'src', value: '14155550100' } };
const live: ProfileSummary = { id: 'p-live', name: 'Production', isSandbox: false, kind: 'live', defaultRegion: 'GB', sender: { kind: 'powerpack_uuid', value: 'pp-1' } };
const bare: ProfileSummary = { id: 'p-bare', name: 'Proxy', isSandbox: false, kind: 'custom' };

const draft = (changes: Partial<ComposerDraft>): ComposerDraft => ({ ...emptyDraft, ...changes });

describe('composer draft', () => {
  describe('normaliseDraft (reading a stored draft)', () => {
    it('gives the empty draft for nothing, garbage or an array', () => {
      for (const stored of [undefined, null, 42, 'text', [1, 2]]) assert.deepEqual(normaliseDraft(stored), { ...emptyDraft, profileId: undefined });
    });

    it('keeps every readable field and replaces only the damaged ones', () => {
      const stored = {
        profileId: 'p-live',
        sender: { kind: 'satellite', value: 'MyBrand' },
        text: 'Hi',
        destinations: 12345,
        callbackUrl: 'https://example.com/cb',
        callbackMethod: 'PUT',
        type: 'mms',
      };
      assert.deepEqual(normaliseDraft(stored), {
        profileId: 'p-live',
        sender: { kind: 'src', value: 'MyBrand' },
        text: 'Hi',
        destinations: '',
        callbackUrl: 'https://example.com/cb',
        callbackMethod: 'POST',
        type: 'mms',
      });
    });

    it('reads a draft saved by an older version that had no sender or callback fields', () => {
      const result = normaliseDraft({ text: 'Old', destinations: '+14155550100' });
      assert.equal(result.text, 'Old');
      assert.equal(result.destinations, '+14155550100');
      assert.deepEqual(result.sender, { kind: 'src', value: '' });
      assert.equal(result.callbackMethod, 'POST');
    });

    it('drops fields it does not know, so nothing unexpected is stored or sent', () => {
      const result = normaliseDraft({ text: 'x', authToken: 'secret' }) as unknown as Record<string, unknown>;
      assert.equal('authToken' in result, false);
    });
  });

  describe('withProfile (choosing a profile)', () => {
    it("takes the new profile's sender when none was typed", () => {
      assert.deepEqual(withProfile(draft({}), live).sender, { kind: 'powerpack_uuid', value: 'pp-1' });
    });

    it("replaces the previous profile's default sender with the new one's", () => {
      const fromSandbox = withProfile(draft({}), sandbox);
      assert.deepEqual(withProfile(fromSandbox, live, sandbox).sender, { kind: 'powerpack_uuid', value: 'pp-1' });
    });

    it('keeps a sender the user typed', () => {
      const typed = draft({ profileId: sandbox.id, sender: { kind: 'src', value: 'MyBrand' } });
      const next = withProfile(typed, live, sandbox);
      assert.equal(next.profileId, live.id);
      assert.deepEqual(next.sender, { kind: 'src', value: 'MyBrand' });
    });

    it('keeps the sender when the new profile has no default', () => {
      const fromSandbox = withProfile(draft({}), sandbox);
      assert.deepEqual(withProfile(fromSandbox, bare, sandbox).sender, { kind: 'src', value: '14155550100' });
    });
  });

  describe('openingDraft (what the composer opens with)', () => {
    const profiles = [sandbox, live];

    it('keeps the saved profile and everything typed when that profile still exists', () => {
      const stored = draft({ profileId: live.id, sender: { kind: 'src', value: 'Typed' }, text: 'Hello' });
      assert.deepEqual(openingDraft(stored, profiles, sandbox.id), stored);
    });

    it('falls back to the active profile, with its sender, when none was saved', () => {
      const opened = openingDraft(undefined, profiles, live.id);
      assert.equal(opened.profileId, live.id);
      assert.deepEqual(opened.sender, live.sender);
    });

    it('falls back to the active profile when the saved one was removed, keeping the text', () => {
      const opened = openingDraft(draft({ profileId: 'gone', text: 'Keep me' }), profiles, sandbox.id);
      assert.equal(opened.profileId, sandbox.id);
      assert.equal(opened.text, 'Keep me');
    });
  });
});
