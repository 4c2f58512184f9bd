import * as assert from 'node:assert/strict';
import { Metadata } from 'libphonenumber-js/core';
import {
  getCountries, getCountryCallingCode, parsePhoneNumberFromString, validatePhoneNumberLength,
} from 'libphonenumber-js/max';
import { lengthProblemOf, maxMetadata } from '../../../../src/core/destinations/phoneMetadata';

// The runtime Metadata class takes the JSON and has more methods than its typings declare.
type NumberingPlans = { selectNumberingPlan(code: string): void; hasTypes(): boolean };
const MetadataWithJson = Metadata as unknown as new (json: unknown) => NumberingPlans;

describe('destinations: the metadata premise behind one getType() call per number', () => {
  it('every numbering plan in the max metadata has type patterns, so isValid() == (getType() !== undefined)', () => {
    const plans = new MetadataWithJson(maxMetadata);
    const codes = [...Object.keys(maxMetadata.countries), ...Object.keys(maxMetadata.nonGeographic ?? {})];
    assert.ok(codes.length > 240, `only ${codes.length} numbering plans`);
    const withoutTypes = codes.filter((code) => {
      plans.selectNumberingPlan(code);
      return !plans.hasTypes();
    });
    assert.deepEqual(withoutTypes, []);
  });
});

describe('destinations: length verdicts without a second parse', () => {
  it('lengthProblemOf agrees with validatePhoneNumberLength on numbers of every length in every country', () => {
    let compared = 0;
    for (const country of getCountries()) {
      const code = getCountryCallingCode(country);
      for (let length = 1; length <= 17; length++) {
        const text = `+${code}${'98765432109876543'.slice(0, length)}`;
        const parsed = parsePhoneNumberFromString(text);
        if (parsed === undefined) continue;
        assert.equal(lengthProblemOf(parsed), validatePhoneNumberLength(text), text);
        compared++;
      }
    }
    assert.ok(compared > 2000, `compared only ${compared}`);
  });
});
