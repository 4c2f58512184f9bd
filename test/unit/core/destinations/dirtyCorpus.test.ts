// Real-world dirty lists: what spreadsheets, CRMs, chat apps and mail clients hand a user, each with
// the reading a person means and the words that say what was changed (or why it cannot be read).
import * as assert from 'node:assert/strict';
import { analyseDestinations } from '../../../../src/core/destinations/analyse';
import type { AnalysedDestination } from '../../../../src/core/destinations/types';

type Category = 'unicode' | 'spreadsheet' | 'prefix' | 'uri and suffix' | 'plivo' | 'no digits';

interface TokenCase {
  category: Category;
  pasted: string;
  region?: string;
  /** The E.164 it reads as, or 'invalid'. */
  reads: string;
  /** Words its reason, notes and warning must contain together. */
  words?: string[];
  /** How Plivo would take the raw token: the same number (default), 'rejects', or another E.164. */
  plivo?: 'same' | 'rejects' | string;
  fixedLine?: boolean;
}

const INVISIBLE = /[\u00AD\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2069\uFEFF]/;

const CASES: TokenCase[] = [
  // Unicode: digits of any script, the full-width plus, invisible format characters.
  { category: 'unicode', pasted: '+١٤١٥٥٥٥٠١٢٣', reads: '+14155550123', words: ['Arabic-Indic digits'], plivo: 'rejects' },
  { category: 'unicode', pasted: '+۴۴ ۷۹۱۱ ۱۲۳۴۵۶', reads: '+447911123456', words: ['Persian digits'], plivo: 'rejects' },
  { category: 'unicode', pasted: '＋４４７９１１１２３４５６', reads: '+447911123456', words: ['full-width plus (U+FF0B)', 'full-width digits'], plivo: 'rejects' },
  { category: 'unicode', pasted: '०७९११ १२३४५६', region: 'GB', reads: '+447911123456', words: ['Devanagari digits'] },
  { category: 'unicode', pasted: '+1415555٠١٢٣', reads: '+14155550123', words: ['Arabic-Indic digits'] },
  { category: 'unicode', pasted: '+1 415\u200B555 0123', reads: '+14155550123', words: ['zero-width space (U+200B)'], plivo: 'rejects' },
  { category: 'unicode', pasted: '\u200E+447911123456\u200F', reads: '+447911123456', words: ['left-to-right mark (U+200E)', 'right-to-left mark (U+200F)'] },
  { category: 'unicode', pasted: '\u202B+972 50 234 5678\u202C', reads: '+972502345678', words: ['right-to-left embedding (U+202B)', 'pop directional formatting (U+202C)'] },
  { category: 'unicode', pasted: '\u2067+966 50 123 4567\u2069', reads: '+966501234567', words: ['right-to-left isolate (U+2067)'] },
  { category: 'unicode', pasted: '+1 415\u00AD555\u00AD0123', reads: '+14155550123', words: ['soft hyphen (U+00AD)'] },
  { category: 'unicode', pasted: ' \uFEFF+14155550123', reads: '+14155550123', words: ['byte order mark (U+FEFF)'] },
  { category: 'unicode', pasted: '+49\u2060151\u206012345678', reads: '+4915112345678', words: ['word joiner (U+2060)'] },
  { category: 'unicode', pasted: '+1\u00A0415\u00A0555\u00A00123', reads: '+14155550123', plivo: 'same' },
  { category: 'unicode', pasted: '+1\u2011415\u2011555\u20110123', reads: '+14155550123', plivo: 'rejects' },
  { category: 'unicode', pasted: '+1415555O123', reads: 'invalid', words: ['unexpected "O"'] },
  { category: 'unicode', pasted: '+1415\u0007555', reads: 'invalid', words: ['control character (U+0007)'] },

  // Spreadsheet artefacts: digits lost to scientific notation, a trailing .0, text guards.
  { category: 'spreadsheet', pasted: '4.47911E+11', reads: 'invalid', words: ['spreadsheet', 'scientific notation', 'last digits are lost', 're-export', 'as text'] },
  { category: 'spreadsheet', pasted: '1.41556E+10', region: 'US', reads: 'invalid', words: ['scientific notation', 're-export'] },
  { category: 'spreadsheet', pasted: '4.47911e11', reads: 'invalid', words: ['scientific notation'] },
  { category: 'spreadsheet', pasted: '+4.47911E+11', reads: 'invalid', words: ['scientific notation'] },
  { category: 'spreadsheet', pasted: '14155550123.0', reads: '+14155550123', words: ['trailing ".0"'], plivo: 'rejects' },
  { category: 'spreadsheet', pasted: '447911123456.00', reads: '+447911123456', words: ['trailing ".00"'] },
  { category: 'spreadsheet', pasted: '4155550123.0', region: 'US', reads: '+14155550123', words: ['trailing ".0"', 'Plivo reads "4155550123.0" as +41555501230'], plivo: '+41555501230' },
  { category: 'spreadsheet', pasted: '="+14155550123"', reads: '+14155550123', words: ['formula guard'], plivo: 'rejects' },
  { category: 'spreadsheet', pasted: '="447911123456"', reads: '+447911123456', words: ['formula guard'] },
  { category: 'spreadsheet', pasted: '="+1 415 555 0123"', reads: '+14155550123', words: ['formula guard'] },
  { category: 'spreadsheet', pasted: "'+447911123456", reads: '+447911123456', words: ['leading apostrophe'], plivo: 'rejects' },
  { category: 'spreadsheet', pasted: "'07911 123456", region: 'GB', reads: '+447911123456', words: ['leading apostrophe'] },

  // Prefixes: trunk (0), exit codes, obsolete forms.
  { category: 'prefix', pasted: '+44 (0)20 7946 0958', reads: '+442079460958', words: ['trunk prefix (0)'], fixedLine: true },
  { category: 'prefix', pasted: '+44 (0) 7911 123456', reads: '+447911123456', words: ['trunk prefix (0)'] },
  { category: 'prefix', pasted: '+49 (0)151 1234 5678', reads: '+4915112345678', words: ['trunk prefix (0)'] },
  { category: 'prefix', pasted: '+33 (0)6 12 34 56 78', reads: '+33612345678', words: ['trunk prefix (0)'] },
  { category: 'prefix', pasted: '+49 0151 1234 5678', reads: '+4915112345678', words: ['trunk prefix 0 after +49'], plivo: 'same' },
  { category: 'prefix', pasted: '+7 8 916 123 4567', reads: '+79161234567', words: ['trunk prefix 8 after +7'] },
  // Spain has no trunk prefix, yet people write one: a 0 the number cannot hold is dropped.
  { category: 'prefix', pasted: '+34 0612 345 678', reads: '+34612345678', words: ['trunk prefix 0 after +34'], plivo: 'rejects' },
  { category: 'prefix', pasted: '+39 06 6982 1234', reads: '+390669821234', plivo: 'same' },
  { category: 'prefix', pasted: '0044 7911 123456', region: 'US', reads: '+447911123456', words: ['00', 'international dialling prefix'], plivo: 'rejects' },
  { category: 'prefix', pasted: '00 49 151 1234 5678', region: 'US', reads: '+4915112345678', words: ['00 read as an international dialling prefix'] },
  { category: 'prefix', pasted: '0044 7911 123456', reads: '+447911123456', words: ['international dialling prefix'] },
  { category: 'prefix', pasted: '011 44 7911 123456', region: 'US', reads: '+447911123456', words: ['011', 'US international dialling prefix'], plivo: 'rejects' },
  { category: 'prefix', pasted: '0011 44 7911 123456', region: 'US', reads: '+447911123456', words: ['0011'] },
  { category: 'prefix', pasted: '011 44 7911 123456', region: 'AU', reads: '+447911123456', words: ['011'] },
  { category: 'prefix', pasted: '0011 1 415 555 0123', region: 'AU', reads: '+14155550123', words: ['0011'] },
  { category: 'prefix', pasted: '+0044 7911 123456', reads: '+447911123456', words: ['"+" before', 'international dialling prefix'] },
  { category: 'prefix', pasted: '+52 1 55 1234 5678', reads: '+525512345678', words: ['obsolete mobile "1" after +52', 'Mexico'], plivo: 'rejects' },
  { category: 'prefix', pasted: '+521 33 1234 5678', reads: '+523312345678', words: ['obsolete mobile "1"'] },
  { category: 'prefix', pasted: '5215512345678', reads: '+525512345678', words: ['obsolete mobile "1"'] },
  { category: 'prefix', pasted: '5215512345678', region: 'US', reads: '+525512345678', words: ['obsolete mobile "1"'], plivo: 'rejects' },
  { category: 'prefix', pasted: '0044 7911', region: 'US', reads: 'invalid', words: ['too short as a US number'] },

  // URIs and suffixes: tel:/sms: links, extensions.
  { category: 'uri and suffix', pasted: 'tel:+14155550123', reads: '+14155550123', words: ['tel: URI'], plivo: 'rejects' },
  { category: 'uri and suffix', pasted: 'TEL:+44-20-7946-0958', reads: '+442079460958', words: ['tel: URI'], fixedLine: true },
  { category: 'uri and suffix', pasted: 'tel://+14155550123', reads: '+14155550123', words: ['tel: URI'] },
  { category: 'uri and suffix', pasted: 'sms:+14155550123?body=Hello%20there', reads: '+14155550123', words: ['sms: URI'] },
  { category: 'uri and suffix', pasted: 'smsto:+447911123456', reads: '+447911123456', words: ['smsto: URI'] },
  { category: 'uri and suffix', pasted: 'tel:07911123456', region: 'GB', reads: '+447911123456', words: ['tel: URI'] },
  { category: 'uri and suffix', pasted: 'tel:+1-415-555-0152;ext=12', reads: '+14155550152', words: ['tel: URI', 'extension 12', 'SMS cannot reach an extension'] },
  { category: 'uri and suffix', pasted: '+1-415-555-0152 ext. 12', reads: '+14155550152', words: ['extension 12 left out', 'SMS cannot reach an extension'], plivo: 'rejects' },
  { category: 'uri and suffix', pasted: '+1 415 555 0152 x12', reads: '+14155550152', words: ['extension 12'] },
  { category: 'uri and suffix', pasted: '+1 (415) 555-0152 x 345', reads: '+14155550152', words: ['extension 345'] },
  { category: 'uri and suffix', pasted: '+1 415 555 0152 extension 7', reads: '+14155550152', words: ['extension 7'] },
  { category: 'uri and suffix', pasted: '+14155550152 Ext: 99', reads: '+14155550152', words: ['extension 99'] },
  { category: 'uri and suffix', pasted: '+442079460958#4021', reads: '+442079460958', words: ['fixed line', 'extension 4021'], fixedLine: true },
  { category: 'uri and suffix', pasted: '(415) 555-0152 ext 8', region: 'US', reads: '+14155550152', words: ['extension 8'] },

  // What Plivo would do with the raw token, beside what is sent.
  { category: 'plivo', pasted: '2015550123', region: 'US', reads: '+12015550123', words: ['ambiguous', '+2015550123 (EG)'], plivo: '+2015550123' },
  { category: 'plivo', pasted: '4155550123', region: 'US', reads: '+14155550123', plivo: 'rejects' },
  { category: 'plivo', pasted: '07911 123456', region: 'GB', reads: '+447911123456', plivo: 'rejects' },
  { category: 'plivo', pasted: '+14155550123', reads: '+14155550123', plivo: 'same' },
  { category: 'plivo', pasted: '+1 (415) 555-0123', reads: '+14155550123', plivo: 'same' },
  { category: 'plivo', pasted: '447911123456', reads: '+447911123456', plivo: 'same' },
  { category: 'plivo', pasted: '447911123456', region: 'US', reads: '+447911123456', plivo: 'same' },

  // A line without digits is one entry, not one per word.
  { category: 'no digits', pasted: 'not a number', reads: 'invalid', words: ['not a phone number'] },
  { category: 'no digits', pasted: 'n/a', reads: 'invalid', words: ['not a phone number'] },
  { category: 'no digits', pasted: 'ask Maria for the new one', reads: 'invalid', words: ['not a phone number'] },
];

function only(pasted: string, region?: string): AnalysedDestination {
  const { entries } = analyseDestinations(pasted, region === undefined ? {} : { defaultRegion: region });
  assert.equal(entries.length, 1, `one entry in ${JSON.stringify(pasted)}: ${JSON.stringify(entries.map((e) => e.input))}`);
  return entries[0];
}

function said(entry: AnalysedDestination): string {
  return [entry.reason, ...entry.notes ?? [], entry.warning].filter((text) => text !== undefined).join(' | ');
}

describe('destinations: a corpus of real-world dirty lists', () => {
  it('has at least 60 cases covering every category', () => {
    assert.ok(CASES.length >= 60, `${CASES.length} cases`);
    for (const category of ['unicode', 'spreadsheet', 'prefix', 'uri and suffix', 'plivo', 'no digits'] as Category[]) {
      assert.ok(CASES.filter((c) => c.category === category).length >= 3, category);
    }
  });

  for (const c of CASES) {
    const label = `${c.category}: ${JSON.stringify(c.pasted)}${c.region === undefined ? '' : ` in ${c.region}`} → ${c.reads}`;
    it(label, () => {
      const entry = only(c.pasted, c.region);
      if (c.reads === 'invalid') {
        assert.equal(entry.status, 'invalid', `read as ${entry.e164}`);
      } else {
        assert.equal(entry.status, 'valid', entry.reason);
        assert.equal(entry.e164, c.reads);
      }
      const words = said(entry);
      for (const word of c.words ?? []) assert.ok(words.includes(word), `"${word}" in: ${words}`);
      assert.ok(!INVISIBLE.test(words), `a reason or note quotes an invisible character: ${JSON.stringify(words)}`);
      if (c.fixedLine !== undefined) assert.equal(entry.type === 'FIXED_LINE', c.fixedLine);
      if (c.plivo === 'same') assert.equal(entry.plivo, undefined, JSON.stringify(entry.plivo));
      if (c.plivo === 'rejects') assert.equal(entry.plivo?.accepts, false, JSON.stringify(entry.plivo));
      if (c.plivo?.startsWith('+')) {
        assert.deepEqual([entry.plivo?.accepts, entry.ambiguous, entry.plivoReading], [true, true, c.plivo]);
      }
    });
  }

  it('an obsolete Mexican mobile and its current form are one number: the second is a duplicate', () => {
    const analysis = analyseDestinations('+52 55 1234 5678\n+52 1 55 1234 5678\n5215512345678');
    assert.deepEqual(analysis.unique, ['+525512345678']);
    assert.deepEqual(analysis.entries.map((e) => e.status), ['valid', 'duplicate', 'duplicate']);
  });

  it('an extension gives one entry, not three', () => {
    const analysis = analyseDestinations('+1-415-555-0152 ext. 12\n+1 415 555 0153 x 7');
    assert.deepEqual(analysis.entries.map((e) => [e.e164, e.extension]), [['+14155550152', '12'], ['+14155550153', '7']]);
  });

  it('words around numbers are one entry per run of words', () => {
    const analysis = analyseDestinations('call me maybe\n+14155550123\nnot a number');
    assert.deepEqual(analysis.entries.map((e) => [e.input, e.status]), [
      ['call me maybe', 'invalid'], ['+14155550123', 'valid'], ['not a number', 'invalid'],
    ]);
  });

  it('a file\'s own byte order mark at the start is no note; a stray one inside the list is', () => {
    const analysis = analyseDestinations('\uFEFF+14155550123\n\uFEFF+447911123456');
    assert.deepEqual(analysis.unique, ['+14155550123', '+447911123456']);
    assert.equal(analysis.entries[0].notes, undefined);
    assert.match(said(analysis.entries[1]), /byte order mark \(U\+FEFF\)/);
  });

  it('spreadsheet guards inside a CSV column are read through', () => {
    const analysis = analyseDestinations('name,phone\nAnn,="+14155550123"\nBob,\'+447911123456\n');
    assert.equal(analysis.format, 'csv');
    assert.deepEqual(analysis.unique, ['+14155550123', '+447911123456']);
    assert.equal(analysis.counts.invalid, 0);
  });

  describe('tables without a header row', () => {
    const table = (text: string, region?: string) => analyseDestinations(text, region === undefined ? {} : { defaultRegion: region });

    it('finds the phone column of a header-less CSV; names and dates are not destinations', () => {
      const analysis = table('John Smith,+14155550123,2024-01-01\nJane Roe,+447911123456,2024-01-02\nAl Li,+1 415 555 0124,2024-02-11\n');
      assert.deepEqual([analysis.format, analysis.column, analysis.headerless], ['csv', 'column 2', true]);
      assert.deepEqual(analysis.unique, ['+14155550123', '+447911123456', '+14155550124']);
      assert.equal(analysis.counts.total, 3);
      assert.deepEqual([analysis.entries[0].position.line, analysis.entries[0].position.column], [0, 11]);
    });

    it('reads a header-less TSV', () => {
      const analysis = table('Ann\t+14155550123\tParis\nBob\t+447911123456\tLyon\n');
      assert.deepEqual([analysis.format, analysis.column, analysis.counts.total], ['tsv', 'column 2', 2]);
    });

    it('reads a header-less ;-separated CSV, decimal commas in another column', () => {
      const analysis = table('Müller;+49 151 12345678;12,50\nDupont;+33 6 12 34 56 78;3,00\n');
      assert.deepEqual([analysis.format, analysis.counts.total], ['csv', 2]);
      assert.deepEqual(analysis.unique, ['+4915112345678', '+33612345678']);
    });

    it('reads a ;-separated CSV with a header', () => {
      const analysis = table('Name;Telefon\nAnn;+4915112345678\nBob;030 1234567\n', 'DE');
      assert.deepEqual([analysis.format, analysis.column], ['csv', 'Telefon']);
      assert.deepEqual(analysis.unique, ['+4915112345678', '+49301234567']);
    });

    it('finds the column when dates come first and national numbers follow', () => {
      const analysis = table('2024-01-01,(415) 555-0123\n2024-01-02,(415) 555-0124\n', 'US');
      assert.deepEqual([analysis.column, analysis.counts.valid], ['column 2', 2]);
    });

    it('reports a bad phone cell as invalid but never a name', () => {
      const analysis = table('Ann,+1415555\nBob,+447911123456\n');
      assert.deepEqual(analysis.entries.map((e) => [e.input, e.status]), [['+1415555', 'invalid'], ['+447911123456', 'valid']]);
    });

    it('keeps rows of numbers only a comma-separated list', () => {
      const analysis = table('+14155550100,+447911123456\n+33612345678,+4915123456789\n');
      assert.deepEqual([analysis.format, analysis.counts.valid], ['list', 4]);
    });

    it('keeps one line of numbers and words a list (one row is no table)', () => {
      const analysis = table('+14155550100, abc, +1415');
      assert.deepEqual([analysis.format, analysis.counts.invalid], ['list', 2]);
    });
  });
});
