import * as assert from 'node:assert/strict';
import { analyseDestinations } from '../../../../src/core/destinations/analyse';

/** The raw tokens the analyser found, in order. */
function inputs(text: string, defaultRegion?: string): string[] {
  return analyseDestinations(text, { defaultRegion }).entries.map((entry) => entry.input);
}

describe('destinations: separators', () => {
  it('splits on Plivo\'s <, newlines, commas, semicolons and tabs alike', () => {
    const text = '+14155550100<+14155550101\n+14155550102,+14155550103;+14155550104\t+14155550105\r\n+14155550106\r+14155550107';
    assert.deepEqual(inputs(text), [
      '+14155550100', '+14155550101', '+14155550102', '+14155550103',
      '+14155550104', '+14155550105', '+14155550106', '+14155550107',
    ]);
  });

  it('ignores empty entries, blank lines and surrounding spaces', () => {
    assert.deepEqual(inputs('  +14155550100 ,,, ;\n\n\n   <<+447400123456  \n'), ['+14155550100', '+447400123456']);
  });

  it('keeps a number written with spaces as one token', () => {
    assert.deepEqual(inputs('+1 415 666 7777'), ['+1 415 666 7777']);
    assert.deepEqual(inputs('+44 20 7946 0958'), ['+44 20 7946 0958']);
    assert.deepEqual(inputs('+33 6 12 34 56 78'), ['+33 6 12 34 56 78']);
  });

  it('joins a lone + with the number after it', () => {
    assert.deepEqual(inputs('+ 44 7400 123456'), ['+ 44 7400 123456']);
    assert.equal(analyseDestinations('+ 44 7400 123456').unique[0], '+447400123456');
  });

  it('keeps (415) 666-7777 as one national number', () => {
    assert.deepEqual(inputs('(415) 666-7777', 'US'), ['(415) 666-7777']);
  });

  it('splits numbers separated only by spaces when each stands on its own', () => {
    assert.deepEqual(inputs('+14155550100 +14155550101'), ['+14155550100', '+14155550101']);
    assert.deepEqual(inputs('4155550100 4155550101', 'US'), ['4155550100', '4155550101']);
  });

  it('tells "+1 415 555 0100 +1 415 555 0101" apart as two numbers', () => {
    assert.deepEqual(inputs('+1 415 555 0100 +1 415 555 0101'), ['+1 415 555 0100', '+1 415 555 0101']);
  });

  it('splits two spaced national numbers where the join stops being a number', () => {
    assert.deepEqual(inputs('415 555 0100 415 555 0101', 'US'), ['415 555 0100', '415 555 0101']);
    assert.deepEqual(inputs('(415) 666-7777 (415) 666-7778', 'US'), ['(415) 666-7777', '(415) 666-7778']);
  });

  it('joins a short trailing group only when that makes a valid number', () => {
    // "+7 916 123" is not yet a number; "45" and then "67" complete it.
    assert.deepEqual(inputs('+7 916 123 45 67'), ['+7 916 123 45 67']);
    // A valid number followed by a stray short group: the group stays apart (and is invalid).
    const entries = analyseDestinations('+14155550100 555', {}).entries;
    assert.deepEqual(entries.map((e) => [e.input, e.status]), [['+14155550100', 'valid'], ['555', 'invalid']]);
  });

  it('keeps words apart from the numbers around them', () => {
    assert.deepEqual(inputs('call +1 415 555 0100 now'), ['call', '+1 415 555 0100', 'now']);
  });

  it('drops quotes and brackets of a pasted JSON array', () => {
    assert.deepEqual(inputs('["+14155550100", "+447400123456"]'), ['+14155550100', '+447400123456']);
  });

  it('mixes every separator in one paste', () => {
    const text = '+1 (415) 666-7777, 14155550101;+44 7400 123456\t+33612345678<+4930123456 +4915123456789\n';
    assert.deepEqual(inputs(text), [
      '+1 (415) 666-7777', '14155550101', '+44 7400 123456', '+33612345678', '+4930123456', '+4915123456789',
    ]);
  });
});
