import * as assert from 'node:assert/strict';
import { MAX_DESTINATIONS_TEXT } from '../../../src/composer/destinationSession';
import { emptyDraft, PREVIEW_PAGE_SIZE, type ComposerDraft, type WebviewToHost } from '../../../src/protocol/composerProtocol';
import {
  MAX_DESTINATIONS_CHARS,
  MAX_FIELD_CHARS,
  MAX_ID_CHARS,
  MAX_TEXT_CHARS,
  parseWebviewMessage,
} from '../../../src/protocol/validateWebviewMessage';

const draft: ComposerDraft = {
  profileId: 'p-live',
  sender: { kind: 'powerpack_uuid', value: 'pp-1' },
  text: 'Hello',
  destinations: '+14155550100\n+14155550101',
  callbackUrl: 'https://example.com/cb',
  callbackMethod: 'GET',
  type: 'mms',
};

/** One valid message of every type the webview may post. */
const valid: WebviewToHost[] = [
  { type: 'ready' },
  { type: 'draftChanged', revision: 3, draft },
  { type: 'requestPage', summaryId: 7, filter: 'warning', offset: 200, limit: PREVIEW_PAGE_SIZE },
  { type: 'removeEntries', revision: 0, status: 'duplicate' },
  { type: 'loadFromFile' },
  { type: 'loadFromSelection' },
  { type: 'send', revision: 4, draft },
  { type: 'continueSend', sendId: 'send-1', mode: 'rest' },
  { type: 'openSends' },
  { type: 'addProfile', how: 'add' },
];

function accepted(value: unknown): WebviewToHost {
  const parsed = parseWebviewMessage(value);
  assert.ok(parsed.ok, `refused: ${parsed.ok ? '' : parsed.reason}`);
  return parsed.message;
}

function refused(value: unknown): string {
  const parsed = parseWebviewMessage(value);
  assert.equal(parsed.ok, false, `accepted ${JSON.stringify(value)?.slice(0, 200)}`);
  return parsed.ok ? '' : parsed.reason;
}

const draftWith = (changes: Record<string, unknown>) => ({ type: 'draftChanged', revision: 1, draft: { ...draft, ...changes } });

describe('validateWebviewMessage: what the composer webview may post', () => {
  it('refuses what is not a message object', () => {
    for (const value of [null, undefined, [], [{ type: 'ready' }], 'ready', 42, true, () => 'ready']) {
      assert.match(refused(value), /must be an object/);
    }
  });

  it('refuses a missing, unknown or inherited type, including Object.prototype names', () => {
    for (const value of [{}, { type: 42 }, { type: '' }, { type: 'deleteEverything' }, { type: 'toString' }, { type: '__proto__' }, { type: 'constructor' }, Object.create({ type: 'ready' })]) {
      assert.match(refused(value), /unknown message type/);
    }
  });

  it('accepts one message of every type, as posted', () => {
    for (const message of valid) assert.deepEqual(accepted(structuredClone(message)), message);
  });

  it('accepts the draft the webview posts with no profile chosen (profileId undefined)', () => {
    const message = accepted({ type: 'send', revision: 1, draft: { ...draft, profileId: undefined } });
    assert.equal(message.type === 'send' && message.draft.profileId, undefined);
  });

  it('refuses each type with a wrong field, and says which field', () => {
    const wrong: [unknown, RegExp][] = [
      [{ type: 'draftChanged', revision: 1, draft: 42 }, /draftChanged\.draft must be an object/],
      [{ type: 'draftChanged', revision: 1 }, /draftChanged\.draft must be an object/],
      [{ type: 'draftChanged', revision: -1, draft }, /draftChanged\.revision/],
      [{ type: 'draftChanged', revision: '1', draft }, /draftChanged\.revision/],
      [draftWith({ text: 42 }), /draftChanged\.draft\.text must be a string/],
      [draftWith({ destinations: undefined }), /draftChanged\.draft\.destinations must be a string/],
      [draftWith({ sender: { kind: 'satellite', value: 'x' } }), /draftChanged\.draft\.sender\.kind must be one of src, powerpack_uuid/],
      [draftWith({ sender: 'pp-1' }), /draftChanged\.draft\.sender must be an object/],
      [draftWith({ callbackMethod: 'PUT' }), /draftChanged\.draft\.callbackMethod/],
      [draftWith({ type: 'fax' }), /draftChanged\.draft\.type/],
      [draftWith({ profileId: null }), /draftChanged\.draft\.profileId must be a string/],
      [{ type: 'requestPage', summaryId: 1.5, filter: 'all', offset: 0, limit: 100 }, /requestPage\.summaryId/],
      [{ type: 'requestPage', summaryId: 1, filter: 'everything', offset: 0, limit: 100 }, /requestPage\.filter/],
      [{ type: 'requestPage', summaryId: 1, filter: 'all', offset: -100, limit: 100 }, /requestPage\.offset/],
      [{ type: 'requestPage', summaryId: 1, filter: 'all', offset: 0, limit: 0 }, /requestPage\.limit/],
      [{ type: 'requestPage', summaryId: 1, filter: 'all', offset: 0, limit: PREVIEW_PAGE_SIZE + 1 }, /requestPage\.limit/],
      [{ type: 'requestPage', summaryId: 1, filter: 'all', offset: Infinity, limit: 100 }, /requestPage\.offset/],
      [{ type: 'removeEntries', revision: 2, status: 'valid' }, /removeEntries\.status/],
      [{ type: 'removeEntries', revision: NaN, status: 'invalid' }, /removeEntries\.revision/],
      [{ type: 'send', revision: 2, draft: [draft] }, /send\.draft must be an object/],
      [{ type: 'send', draft }, /send\.revision/],
      [{ type: 'continueSend', sendId: '', mode: 'check' }, /continueSend\.sendId must not be empty/],
      [{ type: 'continueSend', sendId: 'send-1', mode: 'everything' }, /continueSend\.mode/],
    ];
    for (const [value, reason] of wrong) assert.match(refused(value), reason);
  });

  it('hands on only the known fields: extra message fields are dropped', () => {
    assert.deepEqual(accepted({ type: 'loadFromFile', path: '/etc/passwd' }), { type: 'loadFromFile' });
    assert.deepEqual(accepted({ type: 'removeEntries', revision: 1, status: 'invalid', all: true }), { type: 'removeEntries', revision: 1, status: 'invalid' });
  });

  it('normalises a draft: junk fields dropped, an empty profile id means none', () => {
    const message = accepted(draftWith({ profileId: '', authToken: 'secret', sender: { kind: 'src', value: '1415', extra: 1 } }));
    assert.equal(message.type, 'draftChanged');
    assert.deepEqual(message.type === 'draftChanged' && message.draft, { ...draft, profileId: undefined, sender: { kind: 'src', value: '1415' } });
    assert.deepEqual(Object.keys(message.type === 'draftChanged' ? message.draft : {}).sort(), Object.keys(emptyDraft).concat('profileId').sort());
  });

  it('refuses oversize strings and accepts them at the limit', () => {
    const cases: [string, Record<string, unknown>, number][] = [
      ['text', { text: 'x' }, MAX_TEXT_CHARS],
      ['destinations', { destinations: '1' }, MAX_DESTINATIONS_CHARS],
      ['callbackUrl', { callbackUrl: 'u' }, MAX_FIELD_CHARS],
      ['profileId', { profileId: 'p' }, MAX_ID_CHARS],
    ];
    for (const [field, one, max] of cases) {
      const [key, char] = Object.entries(one)[0] as [string, string];
      accepted(draftWith({ [key]: char.repeat(max) }));
      const reason = refused(draftWith({ [key]: char.repeat(max + 1) }));
      assert.match(reason, new RegExp(`draft\\.${field} is longer than`));
      assert.ok(reason.length < 200, 'the reason names the field, not its content');
    }
    accepted(draftWith({ sender: { kind: 'src', value: '1'.repeat(MAX_FIELD_CHARS) } }));
    assert.match(refused(draftWith({ sender: { kind: 'src', value: '1'.repeat(MAX_FIELD_CHARS + 1) } })), /draft\.sender\.value is longer than/);
    assert.match(refused({ type: 'continueSend', sendId: 's'.repeat(MAX_ID_CHARS + 1), mode: 'check' }), /continueSend\.sendId is longer than/);
  });

  it('lets a list over the preview limit through, so the host can say to split it', () => {
    const big = '+14155550100\n'.repeat(Math.ceil((2 * MAX_DESTINATIONS_TEXT) / 13));
    const message = accepted({ type: 'draftChanged', revision: 1, draft: { ...draft, destinations: big } });
    assert.equal(message.type === 'draftChanged' && message.draft.destinations.length, big.length);
  });

  it('keeps __proto__ keys from leaking into what reaches the host', () => {
    const posted = JSON.parse(
      `{"type":"draftChanged","revision":1,"__proto__":{"polluted":true},"draft":${JSON.stringify(draft).replace('{', '{"__proto__":{"polluted":true},')}}`,
    ) as unknown;
    const message = accepted(posted) as unknown as Record<string, Record<string, unknown>>;
    assert.equal(Object.getPrototypeOf(message), Object.prototype);
    assert.equal(Object.getPrototypeOf(message.draft), Object.prototype);
    assert.equal(Object.hasOwn(message, '__proto__'), false);
    assert.equal(Object.hasOwn(message.draft, '__proto__'), false);
    assert.equal(message.polluted, undefined);
    assert.equal(message.draft.polluted, undefined);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });

  it('reads only own fields: a draft whose fields are inherited is refused', () => {
    assert.match(refused({ type: 'send', revision: 1, draft: Object.create(draft) }), /send\.draft\.sender must be an object/);
  });

  it('cuts a long unknown type in the reason', () => {
    assert.ok(refused({ type: 'x'.repeat(10_000) }).length < 100);
  });

  it('turns a field that throws when read into a refusal, not a throw', () => {
    const hostile = { type: 'removeEntries', status: 'invalid', get revision(): number { throw new Error('boom'); } };
    assert.equal(parseWebviewMessage(hostile).ok, false);
  });
});
