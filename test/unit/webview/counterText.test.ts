import * as assert from 'node:assert/strict';
import { analyseSegments } from '../../../src/core/segments';
import { counterText, describeCharacter } from '../../../src/webview/composer/counterText';

const counter = (text: string) => counterText(analyseSegments(text));

describe('live text counter', () => {
  it('counts characters, parts and room left in a GSM-7 part', () => {
    assert.equal(counter('Hello').summary, '5 characters · 1 part · 155 characters left in this part · GSM-7');
    assert.equal(counter('a'.repeat(161)).summary, '161 characters · 2 parts · 145 characters left in this part · GSM-7');
    assert.equal(counter('').summary, '0 characters · 0 parts · 160 characters left in this part · GSM-7');
  });

  it('names the characters that forced UCS-2, with their code points', () => {
    const text = counter('Café ☕ “ok”');
    assert.match(text.summary, /UCS-2 \(70 per part\)$/);
    assert.equal(text.detail, 'UCS-2 because of “☕” U+2615, ““” U+201C, “”” U+201D. Replace them to fit 160 characters per part.');
    assert.equal(counter('plain').detail, undefined);
  });

  it('shows invisible characters by code point only', () => {
    assert.equal(describeCharacter('\u00A0'), 'U+00A0');
    assert.equal(describeCharacter('😀'), '“😀” U+1F600');
  });

  it('lists at most a few characters, then says how many more', () => {
    const text = counterText(analyseSegments('ĀāĂăĄąĆćĈĉ'), 3);
    assert.match(text.detail ?? '', /“Ā” U\+0100, “ā” U\+0101, “Ă” U\+0102 and 7 more\./);
  });

  it('reports text over the API limit as an error with what to remove', () => {
    assert.equal(counter('a'.repeat(1_600)).error, undefined);
    assert.equal(counter('a'.repeat(1_605)).error, 'Too long: an SMS may have at most 1,600 characters. Remove 5.');
    assert.match(counter('я'.repeat(740)).error ?? '', /^Too long: UCS-2 text may have at most 737 units\. Remove 3,/);
  });
});
