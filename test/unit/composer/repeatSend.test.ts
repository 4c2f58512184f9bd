import * as assert from 'node:assert/strict';
import { findEarlierSend, repeatQuestion, whenText } from '../../../src/composer/repeatSend';
import type { ComposerDraft } from '../../../src/protocol/composerProtocol';
import { batch, destination, send } from '../sends/builders';

const draft = (changes: Partial<ComposerDraft> = {}): ComposerDraft => ({
  profileId: 'local-sandbox',
  sender: { kind: 'src', value: '14155550100' },
  text: 'Hello from the workbench',
  destinations: '',
  callbackUrl: '',
  callbackMethod: 'POST',
  type: 'sms',
  ...changes,
});

const numbers = (count: number): string[] => Array.from({ length: count }, (_, i) => `+1201555${String(1000 + i)}`);
const sentTo = (list: string[], extra: Parameters<typeof send>[0] = {}) => send({ batches: [batch(0, list.map((n) => destination(n)))], ...extra });

describe('repeat send: an earlier send of the same message', () => {
  it('finds the newest send from this profile with the same text, sender and numbers', () => {
    const older = sentTo(numbers(10), { id: 'older' });
    const newer = sentTo(numbers(10), { id: 'newer' });
    const found = findEarlierSend([newer, older], draft(), numbers(10));
    assert.equal(found?.sendId, 'newer');
    assert.deepEqual([found?.reached, found?.of], [10, 10]);
  });

  it('counts "most of them": 6 of 10 numbers already reached is a repeat, 5 of 10 is not', () => {
    const earlier = sentTo(numbers(6));
    assert.equal(findEarlierSend([earlier], draft(), numbers(10))?.reached, 6);
    assert.equal(findEarlierSend([sentTo(numbers(5))], draft(), numbers(10)), undefined);
  });

  it('is no repeat when the text, the sender or the profile differ', () => {
    const earlier = sentTo(numbers(3));
    assert.equal(findEarlierSend([earlier], draft({ text: 'Hello from the workbench!' }), numbers(3)), undefined);
    assert.equal(findEarlierSend([earlier], draft({ sender: { kind: 'src', value: 'MyBrand' } }), numbers(3)), undefined);
    assert.equal(findEarlierSend([earlier], draft({ profileId: 'production' }), numbers(3)), undefined);
    // Surrounding blanks in the sender are not a different sender: the request trims them.
    assert.ok(findEarlierSend([earlier], draft({ sender: { kind: 'src', value: ' 14155550100 ' } }), numbers(3)));
  });

  it('counts only destinations Plivo accepted: a rejected send reached nobody', () => {
    const rejected = send({ batches: [batch(0, numbers(3).map((n) => ({ number: n, state: 'unknown' as const })), { state: 'rejected', status: 400 })] });
    assert.equal(findEarlierSend([rejected], draft(), numbers(3)), undefined);
  });

  it('names when and how many, on the sandbox as on a live profile', () => {
    const now = new Date(2026, 11, 3, 20, 0);
    const createdAt = new Date(2026, 11, 3, 19, 24).toISOString();
    const question = repeatQuestion({ sendId: 's', createdAt, profileName: 'Local sandbox', isSandbox: true, reached: 12, of: 14 }, now);
    assert.equal(question.message, 'You already sent this message at 19:24 today to 12 of these 14 numbers. Send it again?');
    assert.match(question.detail, /“Local sandbox”.*gets it a second time/);
    const live = repeatQuestion({ sendId: 's', createdAt, profileName: 'Production', isSandbox: false, reached: 14, of: 14 }, now);
    assert.match(live.message, /to all 14 of these numbers/);
    assert.match(live.detail, /charged for it, a second time/);
  });

  it('says yesterday, or the date, for older sends', () => {
    const now = new Date(2026, 11, 3, 9, 0);
    assert.equal(whenText(new Date(2026, 11, 2, 8, 5).toISOString(), now), 'yesterday at 08:05');
    assert.equal(whenText(new Date(2026, 10, 28, 17, 30).toISOString(), now), 'on 28 Nov 2026 at 17:30');
  });
});
