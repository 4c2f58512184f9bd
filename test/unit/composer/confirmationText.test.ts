import * as assert from 'node:assert/strict';
import { confirmationText, type ConfirmationFacts } from '../../../src/composer/confirmationText';

const facts = (changes: Partial<ConfirmationFacts>): ConfirmationFacts => ({
  profileName: 'Production',
  profileKind: 'live',
  baseUrl: 'https://api.plivo.com',
  destinations: 3,
  skippedInvalid: 0,
  skippedDuplicates: 0,
  text: 'Hello',
  type: 'sms',
  ...changes,
});

describe('send confirmation text', () => {
  it('states destinations, parts per message, total units and the profile', () => {
    const text = confirmationText(facts({}));
    assert.equal(text.message, 'Send 3 messages with “Production”?');
    assert.match(text.detail, /^Destinations: 3 unique numbers$/m);
    assert.match(text.detail, /^Parts per message: 1 \(GSM-7, 5 characters\)$/m);
    assert.match(text.detail, /^Total units: 3$/m);
    assert.match(text.detail, /^Profile: Production — Plivo \(real messages, charged to the account\)$/m);
    assert.equal(text.confirm, 'Send 3 units');
  });

  it('multiplies parts by destinations for a long or UCS-2 text', () => {
    const text = confirmationText(facts({ destinations: 1500, text: 'Привет '.repeat(12) }));
    // 84 UCS-2 units need two parts of 67.
    assert.match(text.detail, /Parts per message: 2 \(UCS-2, 84 characters\)/);
    assert.match(text.detail, /Total units: 3,000/);
    assert.match(text.detail, /Destinations: 1,500 unique numbers in 2 requests of up to 1,000/);
    assert.equal(text.confirm, 'Send 3,000 units');
  });

  it('says what is left out', () => {
    const text = confirmationText(facts({ skippedInvalid: 2, skippedDuplicates: 1 }));
    assert.match(text.detail, /^Not sent: 2 invalid entries and 1 duplicate$/m);
    assert.doesNotMatch(confirmationText(facts({})).detail, /Not sent/);
  });

  it('names the URL of a custom profile and counts an MMS as one unit', () => {
    const text = confirmationText(facts({ profileKind: 'custom', profileName: 'Proxy', baseUrl: 'https://proxy.example', type: 'mms', text: 'x'.repeat(400), destinations: 1 }));
    assert.match(text.detail, /^Profile: Proxy — https:\/\/proxy\.example$/m);
    assert.match(text.detail, /^Parts per message: 1 \(MMS\)$/m);
    assert.equal(text.message, 'Send 1 message with “Proxy”?');
    assert.equal(text.confirm, 'Send 1 unit');
  });
});

describe('placeholders in the text', () => {
  it('are named in the confirmation: Plivo fills none in', () => {
    const text = confirmationText(facts({ text: 'Hi {name}, your order {{ order_id }} ships today' }));
    assert.match(text.detail, /^Sent as typed: \{name\}, \{\{ order_id \}\} \(Plivo sends the same text to every number\)$/m);
    assert.doesNotMatch(confirmationText(facts({ text: 'Hi all :-}' })).detail, /Sent as typed/);
  });
});
