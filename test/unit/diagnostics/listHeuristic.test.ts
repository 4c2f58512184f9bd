import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { looksLikeNumberList } from '../../../src/diagnostics/listHeuristic';

const samples = join(__dirname, '../../../../samples');

describe('which plain-text and CSV files are number lists', () => {
  for (const name of ['numbers.txt', 'plivo-dst.txt', 'contacts.csv', 'numbers-with-mistakes.txt']) {
    it(`validates the sample ${name}`, () => {
      assert.equal(looksLikeNumberList(readFileSync(join(samples, name), 'utf8')), true);
    });
  }

  it('validates a list under a one-word header and a semicolon CSV from Excel', () => {
    assert.equal(looksLikeNumberList('Mobile\n+44 7700 900123\n+44 7700 900456\n'), true);
    assert.equal(looksLikeNumberList('Name;Mobile\r\nAda;+4915123456789\r\nAlan;0151 23456789\r\n'), true);
  });

  it('leaves prose, logs, code, markdown and data without phone numbers alone', () => {
    const notLists = [
      'Meeting notes\nCall Ada about the launch on Friday.\nHer number is +1 415 555 0100.\nBring slides.',
      '2024-05-01 12:00:01 INFO started\n2024-05-01 12:00:02 WARN slow response 1234567 ms\n',
      'export function add(a: number, b: number) {\n  return a + b;\n}\n',
      '| file | shape |\n|---|---|\n| numbers.txt | one number per line |\n',
      'id,price,quantity\n1,9.99,3\n2,19.50,1\n3,4.25,12\n',
      'README\n\nThis folder holds fixtures.\n',
      '',
      '\n\n  \n',
    ];
    for (const text of notLists) assert.equal(looksLikeNumberList(text), false, JSON.stringify(text.slice(0, 40)));
  });

  it('tolerates a few mistakes but not a mostly-wordy file', () => {
    assert.equal(looksLikeNumberList('+12015550141\nnot a number\n+12015550142\n+1201555O144\n+12015550143\n'), true);
    assert.equal(looksLikeNumberList('+12015550141\nsee above\nthen call\nand again\n'), false);
  });
});
