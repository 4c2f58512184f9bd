import * as assert from 'node:assert/strict';
import { analyseDestinations } from '../../../../src/core/destinations/analyse';

describe('destinations: CSV and TSV with a header row', () => {
  it('picks the phone column by header name and reads only that column', () => {
    const text = 'name,phone,age\nAnn,+14155550100,31\nBob,+447400123456,42\n';
    const analysis = analyseDestinations(text);
    assert.equal(analysis.format, 'csv');
    assert.equal(analysis.column, 'phone');
    assert.deepEqual(analysis.unique, ['+14155550100', '+447400123456']);
    assert.equal(analysis.counts.total, 2, 'names and ages are not destinations');
  });

  it('recognises header names in any case and spelling: Mobile Number, MSISDN, to, dst', () => {
    for (const header of ['Mobile Number', 'MSISDN', 'to', 'dst', 'Cell', 'phone_number', 'Customer Mobile']) {
      const analysis = analyseDestinations(`id,${header}\n1,+14155550100\n`);
      assert.equal(analysis.column, header, header);
      assert.deepEqual(analysis.unique, ['+14155550100'], header);
    }
  });

  it('prefers a mobile column over a landline one', () => {
    const analysis = analyseDestinations('name,phone,mobile\nAnn,+442079460958,+447400123456\n');
    assert.equal(analysis.column, 'mobile');
    assert.deepEqual(analysis.unique, ['+447400123456']);
  });

  it('finds the phone column by content when no header names it', () => {
    const text = 'customer,contact,city\nAnn,+14155550100,Paris\nBob,+447400123456,Lyon\nCid,(415) 555-0102,Oslo\n';
    const analysis = analyseDestinations(text, { defaultRegion: 'US' });
    assert.equal(analysis.column, 'contact');
    assert.equal(analysis.counts.valid, 3);
  });

  it('reads quoted cells, including one with the delimiter inside', () => {
    const text = '"Name","Phone"\n"Doe, Ann","+1 415 555 0100"\n"Roe, Bob","+44 7400 123456"\n';
    const analysis = analyseDestinations(text);
    assert.deepEqual(analysis.entries.map((e) => e.input), ['+1 415 555 0100', '+44 7400 123456']);
    assert.deepEqual(analysis.unique, ['+14155550100', '+447400123456']);
  });

  it('reads TSV', () => {
    const analysis = analyseDestinations('name\tnumber\nAnn\t+14155550100\nBob\t+447400123456\n');
    assert.equal(analysis.format, 'tsv');
    assert.equal(analysis.column, 'number');
    assert.equal(analysis.counts.valid, 2);
  });

  it('reads semicolon-separated CSV as Excel writes it in many locales', () => {
    const analysis = analyseDestinations('Name;Telefon;Mobile\nAnn;+4930123456;+4915123456789\n');
    assert.equal(analysis.format, 'csv');
    assert.deepEqual(analysis.unique, ['+4915123456789']);
  });

  it('skips rows where the phone cell is empty and tolerates ragged rows', () => {
    const analysis = analyseDestinations('name,phone\nAnn,\nBob\n\nCid,+14155550100,extra\n');
    assert.deepEqual(analysis.entries.map((e) => e.input), ['+14155550100']);
  });

  it('reports an invalid phone cell with its position', () => {
    const analysis = analyseDestinations('name,phone\nAnn,12345\n');
    assert.equal(analysis.entries[0].status, 'invalid');
    assert.deepEqual([analysis.entries[0].position.line, analysis.entries[0].position.column], [1, 4]);
  });

  it('reads a one-column list under a "phone" header, skipping the header', () => {
    const analysis = analyseDestinations('Phone\n+14155550100\n+447400123456\n');
    assert.equal(analysis.format, 'list');
    assert.equal(analysis.column, 'Phone');
    assert.equal(analysis.counts.total, 2);
    assert.equal(analysis.entries[0].position.line, 1);
  });

  it('does not mistake a list with comma-separated numbers for a table', () => {
    const analysis = analyseDestinations('+14155550100,+447400123456\n+33612345678,+4915123456789\n');
    assert.equal(analysis.format, 'list');
    assert.equal(analysis.counts.valid, 4);
  });

  it('treats a header without any phone-like column as a plain list', () => {
    const analysis = analyseDestinations('name,city\nAnn,Paris\n');
    assert.equal(analysis.format, 'list');
    assert.equal(analysis.counts.invalid, 4);
  });

  it('reads a broken CSV (quote never closed) as a plain list and says so', () => {
    const analysis = analyseDestinations('name,phone\nAnn,"+14155550100\nBob,+447400123456\n');
    assert.equal(analysis.format, 'list');
    assert.match(analysis.note ?? '', /Could not read the CSV table/);
    assert.ok(analysis.unique.includes('+447400123456'));
  });
});
