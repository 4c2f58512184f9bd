import * as assert from 'node:assert/strict';
import { DraftStore } from '../../../src/composer/draftStore';
import { MAX_DESTINATIONS_TEXT } from '../../../src/composer/destinationSession';
import { normaliseDraft } from '../../../src/protocol/composerDraft';
import { JsonMemento } from '../../helpers/jsonMemento';


describe('composer draft store', () => {
  it('keeps every field of a normal draft', async () => {
    const store = new DraftStore(new JsonMemento());
    const draft = { ...normaliseDraft({}), text: 'Hi', destinations: '+12015550101\n+12015550102' };
    await store.save(draft);
    assert.deepEqual(normaliseDraft(store.raw()), draft);
  });

  it('does not write an over-limit paste to globalState; the last storable list and the other fields are kept', async () => {
    const store = new DraftStore(new JsonMemento());
    await store.save({ ...normaliseDraft({}), text: 'Hi', destinations: '+12015550101' });
    await store.save({ ...normaliseDraft({}), text: 'Hello', destinations: '1'.repeat(MAX_DESTINATIONS_TEXT + 1) });
    const saved = normaliseDraft(store.raw());
    assert.equal(saved.destinations, '+12015550101');
    assert.equal(saved.text, 'Hello');
  });
});
