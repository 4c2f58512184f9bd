import * as assert from 'node:assert/strict';
import { buildSendInput, requestFields } from '../../../src/composer/buildSendInput';
import { emptyDraft, type ComposerDraft } from '../../../src/protocol/composerProtocol';
import { analysisOf, entriesIn } from './fixtures';

const draft = (changes: Partial<ComposerDraft>): ComposerDraft => ({
  ...emptyDraft,
  profileId: 'local-sandbox',
  sender: { kind: 'src', value: '14155550100' },
  text: 'Hello',
  ...changes,
});

const mixed = analysisOf(entriesIn('+14155550101\nnope\n+14155550101\n+14155550102', [
  { input: '+14155550101', status: 'valid' },
  { input: 'nope', status: 'invalid' },
  { input: '+14155550101', status: 'duplicate' },
  { input: '+14155550102', status: 'valid' },
]));

describe('building a send from the composer', () => {
  it('sends the unique valid numbers in order and records the invalid entries as skipped', () => {
    const built = buildSendInput(draft({}), mixed, undefined);
    assert.ok(built.ok);
    assert.deepEqual(built.plan.numbers, ['+14155550101', '+14155550102']);
    assert.deepEqual(built.plan.skippedInvalid, ['nope']);
    assert.equal(built.plan.skippedDuplicates, 1);
  });

  it('reports every problem at once, each beside its own field', () => {
    const built = buildSendInput(draft({ profileId: undefined, sender: { kind: 'src', value: '' }, text: '', callbackUrl: 'ftp://x' }), mixed, undefined);
    assert.ok(!built.ok);
    assert.deepEqual(built.errors.map((error) => error.field).sort(), ['callbackUrl', 'profile', 'sender', 'text']);
  });

  it('says so beside the destinations when nothing would be sent', () => {
    const none = buildSendInput(draft({}), analysisOf([]), undefined);
    assert.ok(!none.ok);
    assert.deepEqual(none.errors, [{ field: 'destinations', message: 'Add at least one destination number.' }]);
    const allInvalid = buildSendInput(draft({}), analysisOf(entriesIn('a b', [{ input: 'a', status: 'invalid' }, { input: 'b', status: 'invalid' }])), undefined);
    assert.ok(!allInvalid.ok);
    assert.equal(allInvalid.errors[0].field, 'destinations');
    assert.match(allInvalid.errors[0].message, /None of the 2 entries/);
  });

  it('shows an analysis problem (e.g. a list too large) as the destinations error', () => {
    const built = buildSendInput(draft({}), undefined, 'The destinations are too long.');
    assert.ok(!built.ok);
    assert.deepEqual(built.errors, [{ field: 'destinations', message: 'The destinations are too long.' }]);
  });

  it('accepts more than 1,000 unique numbers (they go out in batches)', () => {
    const lines = Array.from({ length: 1_500 }, (_, i) => `+1415${String(5_550_000 + i)}`);
    const analysis = analysisOf(entriesIn(lines.join('\n'), lines.map((input) => ({ input, status: 'valid' as const }))));
    const built = buildSendInput(draft({}), analysis, undefined);
    assert.ok(built.ok);
    assert.equal(built.plan.numbers.length, 1_500);
  });

  it('flags an over-long alphanumeric sender and an over-long UCS-2 text', () => {
    const built = buildSendInput(draft({ sender: { kind: 'src', value: 'MyVeryLongBrand' }, text: '😀'.repeat(400) }), mixed, undefined);
    assert.ok(!built.ok);
    const fields = built.errors.map((error) => error.field).sort();
    assert.deepEqual(fields, ['sender', 'text']);
  });

  it('takes either src or powerpack_uuid, trims it, and sends the callback method only with a URL', () => {
    assert.deepEqual(requestFields(draft({ sender: { kind: 'powerpack_uuid', value: ' pp-1 ' }, callbackMethod: 'GET' })), { powerpack_uuid: 'pp-1', text: 'Hello', type: 'sms' });
    assert.deepEqual(requestFields(draft({ callbackUrl: ' https://example.com/cb ', callbackMethod: 'GET' })), {
      src: '14155550100', text: 'Hello', type: 'sms', url: 'https://example.com/cb', method: 'GET',
    });
  });
});

describe('composer errors in the words of its labels', () => {
  const errorsOf = (changes: Partial<ComposerDraft>) => {
    const built = buildSendInput(draft(changes), mixed, undefined);
    assert.ok(!built.ok);
    return Object.fromEntries(built.errors.map((error) => [error.field, error.message]));
  };

  it('names the field the user sees, never the API parameter', () => {
    const errors = errorsOf({ sender: { kind: 'src', value: '' }, text: ' ', callbackUrl: 'example.com/status' });
    assert.equal(errors.sender, 'Sender is required: type a phone number or sender ID, or choose a profile with a default sender.');
    assert.equal(errors.text, 'Text is required: write the message.');
    assert.match(errors.callbackUrl, /^Status callback URL must start with https:\/\//);
    for (const message of Object.values(errors)) assert.doesNotMatch(message, /\b(src|dst|url|powerpack_uuid)\b/);
  });

  it('says Powerpack UUID when sending from a number pool, and Sender for a too-long sender ID', () => {
    assert.match(errorsOf({ sender: { kind: 'powerpack_uuid', value: '' } }).sender, /^Powerpack UUID is required/);
    assert.equal(errorsOf({ sender: { kind: 'src', value: 'MyVeryLongBrand' } }).sender, 'Sender "MyVeryLongBrand" is 15 characters; an alphanumeric sender ID may have at most 11.');
    assert.match(errorsOf({ text: 'x'.repeat(1_700) }).text, /^Text is 1,700 characters; an SMS may have at most 1,600/);
  });
});
