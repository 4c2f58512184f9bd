import * as assert from 'node:assert/strict';
import { readPlivoDst } from '../../../../src/core/destinations/plivoDst';

describe('readPlivoDst: how the Plivo API reads one dst entry', () => {
  it('strips / - . + ( ) and spaces, and reads country code first', () => {
    assert.deepEqual(readPlivoDst('+1 (415) 555-0100'), { ok: true, sanitised: '14155550100', e164: '+14155550100', country: 'US' });
    assert.deepEqual(readPlivoDst('+44/7400.123456'), { ok: true, sanitised: '447400123456', e164: '+447400123456', country: 'GB' });
  });

  it('never infers a national number: 4156667777 is +41…, not a US number', () => {
    const reading = readPlivoDst('4156667777');
    assert.equal(reading.ok, false);
    assert.equal(reading.sanitised, '4156667777');
  });

  it('reads ambiguous digits the international way', () => {
    const reading = readPlivoDst('2015550100');
    assert.ok(reading.ok);
    assert.equal(reading.e164, '+2015550100');
    assert.equal(reading.country, 'EG');
  });

  it('rejects more than 14 digits even when the number might be valid', () => {
    const reading = readPlivoDst('1415555010012345');
    assert.equal(reading.ok, false);
    assert.match(!reading.ok ? reading.reason : '', /more than 14 digits/);
  });

  it('rejects letters and other characters Plivo does not strip, quoting the sanitised form', () => {
    assert.deepEqual(readPlivoDst('1415abc0100'), { ok: false, sanitised: '1415abc0100', reason: 'not a phone number: only digits are allowed' });
    assert.equal(readPlivoDst('1415_555_0100').ok, false);
  });

  it('rejects an empty entry, an unknown country code and an invalid number', () => {
    assert.deepEqual(readPlivoDst(' + '), { ok: false, sanitised: '', reason: 'empty destination' });
    assert.deepEqual(readPlivoDst('999123456'), { ok: false, sanitised: '999123456', reason: 'unknown country code' });
    assert.deepEqual(readPlivoDst('1111111'), { ok: false, sanitised: '1111111', reason: 'too short' });
    assert.equal(readPlivoDst('15550100123').ok, false, 'valid length but no allocated range (max metadata)');
  });
});
