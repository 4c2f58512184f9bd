import * as assert from 'node:assert/strict';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { analyseDestinations } from '../../../../src/core/destinations/analyse';
import type { AnalysedDestination } from '../../../../src/core/destinations/types';

function one(token: string, defaultRegion?: string): AnalysedDestination {
  const { entries } = analyseDestinations(token, { defaultRegion });
  assert.equal(entries.length, 1, `one token in ${JSON.stringify(token)}`);
  return entries[0];
}

describe('destinations: national and international readings', () => {
  it('normalises international numbers in any spelling to E.164', () => {
    for (const token of ['+1 (415) 666-7777', '+1.415.666.7777', '+1-415-666-7777', '+1/415/666/7777', '+14156667777']) {
      const entry = one(token);
      assert.equal(entry.status, 'valid', token);
      assert.equal(entry.e164, '+14156667777', token);
      assert.equal(entry.country, 'US', token);
    }
  });

  it('without a region, reads digits the way Plivo does: country code first', () => {
    const entry = one('447400123456');
    assert.equal(entry.e164, '+447400123456');
    assert.equal(entry.country, 'GB');
    assert.equal(entry.readAsNational, false);
  });

  it('without a region, a US national number is not valid (Plivo would read +41…)', () => {
    const entry = one('4156667777');
    assert.equal(entry.status, 'invalid');
    assert.ok(entry.reason);
  });

  it('without a region, a leading 0 says to set a region', () => {
    const entry = one('07400123456');
    assert.equal(entry.status, 'invalid');
    assert.match(entry.reason ?? '', /default region/);
  });

  it('with region US, 4156667777 is the national number +1 415 666 7777', () => {
    const entry = one('4156667777', 'US');
    assert.equal(entry.status, 'valid');
    assert.equal(entry.e164, '+14156667777');
    assert.equal(entry.readAsNational, true);
    assert.equal(entry.ambiguous, undefined);
  });

  it('with region GB, the national 07400 123456 becomes +447400123456', () => {
    const entry = one('07400 123456', 'GB');
    assert.equal(entry.e164, '+447400123456');
    assert.equal(entry.readAsNational, true);
  });

  it('accepts the region in lower case', () => {
    assert.equal(one('4156667777', 'us').e164, '+14156667777');
  });

  it('rejects an unknown region with a RangeError', () => {
    assert.throws(() => analyseDestinations('+14155550100', { defaultRegion: 'XX' }), RangeError);
  });

  it('falls back to international digits when the token is not valid in the region', () => {
    const entry = one('447400123456', 'US');
    assert.equal(entry.status, 'valid');
    assert.equal(entry.e164, '+447400123456');
    assert.equal(entry.readAsNational, false);
  });

  it('reads the region\'s international dialling prefix as international: 011 (US), 00 (GB)', () => {
    const us = one('011 44 7400 123456', 'US');
    assert.equal(us.e164, '+447400123456');
    assert.equal(us.readAsNational, false);
    const gb = one('0014155550100', 'GB');
    assert.equal(gb.e164, '+14155550100');
    assert.equal(gb.readAsNational, false);
  });

  it('a + always means international, whatever the region', () => {
    const entry = one('+2015550100', 'US');
    assert.equal(entry.e164, '+2015550100');
    assert.equal(entry.country, 'EG');
    assert.equal(entry.ambiguous, undefined);
  });

  describe('ambiguous digits', () => {
    it('libphonenumber agrees 2015550100 is valid both as US national and as Egyptian international digits', () => {
      assert.equal(parsePhoneNumberFromString('2015550100', 'US')?.isValid(), true);
      const international = parsePhoneNumberFromString('+2015550100');
      assert.equal(international?.isValid(), true);
      assert.equal(international?.country, 'EG');
    });

    it('marks 2015550100 (region US) ambiguous, keeps the US reading valid and states both', () => {
      const entry = one('2015550100', 'US');
      assert.equal(entry.status, 'valid');
      assert.equal(entry.ambiguous, true);
      assert.equal(entry.e164, '+12015550100');
      assert.equal(entry.plivoReading, '+2015550100');
      assert.match(entry.reason ?? '', /\+12015550100/);
      assert.match(entry.reason ?? '', /\+2015550100 \(EG\)/);
    });

    it('marks 3235550100 (Los Angeles vs Antwerp) ambiguous too', () => {
      const entry = one('3235550100', 'US');
      assert.equal(entry.ambiguous, true);
      assert.equal(entry.plivoReading, '+3235550100');
    });

    it('is not ambiguous when both readings are the same number (14155550100, region US)', () => {
      const entry = one('14155550100', 'US');
      assert.equal(entry.e164, '+14155550100');
      assert.equal(entry.ambiguous, undefined);
    });

    it('counts ambiguous entries', () => {
      assert.equal(analyseDestinations('2015550100\n3235550100\n4155550100', { defaultRegion: 'US' }).counts.ambiguous, 2);
    });
  });

  describe('number type', () => {
    it('gives the type from the metadata', () => {
      assert.equal(one('+447400123456').type, 'MOBILE');
      assert.equal(one('+18005550100').type, 'TOLL_FREE');
      assert.equal(one('+14155550100').type, 'FIXED_LINE_OR_MOBILE');
    });

    it('warns that a fixed-line number probably cannot receive SMS, and counts it', () => {
      const analysis = analyseDestinations('+442079460958\n+4930123456\n+447400123456');
      assert.deepEqual(analysis.entries.map((e) => e.type), ['FIXED_LINE', 'FIXED_LINE', 'MOBILE']);
      assert.match(analysis.entries[0].warning ?? '', /fixed line.*cannot receive SMS/);
      assert.equal(analysis.entries[2].warning, undefined);
      assert.equal(analysis.counts.fixedLine, 2);
      assert.equal(analysis.counts.valid, 3, 'fixed-line numbers are still valid for the API');
    });
  });
});
