import * as assert from 'node:assert/strict';
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import { analyseDestinations } from '../../../../src/core/destinations/analyse';

function reasonOf(token: string, defaultRegion?: string): string | undefined {
  const [entry] = analyseDestinations(token, { defaultRegion }).entries;
  assert.equal(entry.status, 'invalid', `${token} should be invalid`);
  return entry.reason;
}

describe('destinations: invalid entries and their reasons', () => {
  it('too short', () => {
    assert.equal(reasonOf('+1415'), 'too short');
  });

  it('without a region, says digits were read as international and that a region helps', () => {
    assert.equal(reasonOf('12'), 'too short as international digits; set a default region to read national numbers');
    assert.match(reasonOf('(415) 666-7777') ?? '', /^too short as international digits; set a default region/);
  });

  it('too long', () => {
    assert.equal(reasonOf('+44123456789012345'), 'too long');
    assert.equal(reasonOf('123456789012345678901234567890'), 'too long');
  });

  it('wrong length: between lengths the country uses', () => {
    // Swiss national numbers have 9 or 12 digits; this one has 10.
    assert.equal(reasonOf('+419876543210'), 'wrong length for CH');
  });

  it('unknown country code', () => {
    assert.equal(reasonOf('+999 123456'), 'unknown country code');
  });

  it('not a phone number: words, letters inside digits, a misplaced +', () => {
    assert.equal(reasonOf('abc'), 'not a phone number');
    assert.equal(reasonOf('n/a'), 'not a phone number');
    assert.equal(reasonOf('+1415555O100'), 'not a phone number: unexpected "O"');
    assert.equal(reasonOf('1+4155550100'), 'not a phone number: "+" is allowed only at the start');
  });

  it('not valid for its region: right length, unallocated range', () => {
    // +34 909… is a possible Spanish length but no allocated range; `min` metadata would accept it.
    assert.equal(reasonOf('+34909973268'), 'not a valid number for ES');
    assert.equal(reasonOf('+15550100123'), 'not a valid number for +1');
  });

  it('with a region, says how both readings failed', () => {
    const reason = reasonOf('415666777', 'US') ?? '';
    assert.match(reason, /^too short as a US number; as international digits: /);
  });

  it('with a region and a leading 0, gives the national reason only', () => {
    assert.equal(reasonOf('0740', 'GB'), 'too short as a GB number');
    assert.equal(reasonOf('0740012', 'GB'), 'not a valid GB number');
  });

  it('counts invalid entries and leaves them out of the unique list', () => {
    const analysis = analyseDestinations('+14155550100, abc, +1415');
    assert.equal(analysis.counts.invalid, 2);
    assert.deepEqual(analysis.unique, ['+14155550100']);
  });

  it('agrees with libphonenumber\'s own isValid() (max metadata) on every international token', () => {
    // Guards the shortcut of reading validity from getType(): same verdict for a spread of numbers.
    const tokens = [
      '+14155550100', '+15550100123', '+442079460958', '+447400123456', '+4470000', '+34909973268', '+34612345678',
      '+8613800138000', '+919876543210', '+5511987654321', '+2348031234567', '+61412345678', '+81312345678',
      '+80012345678', '+882345678901', '+3906123456', '+79161234567', '+12425551234', '+16135550100',
    ];
    for (const token of tokens) {
      const [entry] = analyseDestinations(token).entries;
      assert.equal(entry.status === 'valid', parsePhoneNumberFromString(token)?.isValid() === true, token);
    }
  });
});
