import * as assert from 'node:assert/strict';
import { analyseSegments } from '../../../src/core/segments';

const a = (n: number): string => 'a'.repeat(n);
const cyrillic = (n: number): string => 'я'.repeat(n);

describe('analyseSegments', () => {
  describe('GSM-7 part boundaries', () => {
    it('empty text is zero parts with a whole part left', () => {
      const info = analyseSegments('');
      assert.equal(info.encoding, 'GSM-7');
      assert.equal(info.parts, 0);
      assert.equal(info.units, 0);
      assert.equal(info.remainingInPart, 160);
      assert.equal(info.overLimit, false);
    });

    it('160 plain characters fit one part, 161 need two parts of 153', () => {
      const at160 = analyseSegments(a(160));
      assert.deepEqual([at160.parts, at160.perPart, at160.remainingInPart], [1, 160, 0]);
      const at161 = analyseSegments(a(161));
      assert.deepEqual([at161.parts, at161.perPart, at161.remainingInPart], [2, 153, 145]);
    });

    it('306 characters fit two parts, 307 need three', () => {
      assert.deepEqual([analyseSegments(a(306)).parts, analyseSegments(a(306)).remainingInPart], [2, 0]);
      assert.deepEqual([analyseSegments(a(307)).parts, analyseSegments(a(307)).remainingInPart], [3, 152]);
    });

    it('newlines and carriage returns are one septet each', () => {
      const info = analyseSegments('line one\r\nline two\n');
      assert.equal(info.encoding, 'GSM-7');
      assert.equal(info.units, 19);
    });
  });

  describe('GSM-7 extension table', () => {
    it('every extension character costs two septets but keeps GSM-7', () => {
      for (const ch of ['^', '{', '}', '\\', '[', '~', ']', '|', '€', '\f']) {
        const info = analyseSegments(ch);
        assert.equal(info.encoding, 'GSM-7', `for ${JSON.stringify(ch)}`);
        assert.equal(info.units, 2, `for ${JSON.stringify(ch)}`);
        assert.equal(info.characters, 1);
      }
    });

    it('an extension char tips 159 septets over the single-part limit', () => {
      assert.equal(analyseSegments(a(158) + '€').parts, 1);
      assert.equal(analyseSegments(a(159) + '€').parts, 2);
      assert.equal(analyseSegments('{'.repeat(80)).parts, 1);
      assert.equal(analyseSegments('{'.repeat(81)).parts, 2);
    });

    it('an extension char is never split across parts', () => {
      // 306 septets would fill two parts exactly, but the € cannot straddle the first boundary.
      const info = analyseSegments(a(152) + '€' + a(152));
      assert.equal(info.units, 306);
      assert.equal(info.parts, 3);
      assert.equal(info.remainingInPart, 152);
    });
  });

  describe('accented letters', () => {
    it('letters in the GSM-7 table stay GSM-7', () => {
      const info = analyseSegments('é ñ ü Ä Ö Ñ Ü à è ù ì ò Ç É Å å Ø ø Æ æ ß ä ö ¿ ¡ £ ¥ § ΔΦΓΛΩΠΨΣΘΞ');
      assert.equal(info.encoding, 'GSM-7');
      assert.deepEqual(info.nonGsmCharacters, []);
    });

    it('letters outside the table force UCS-2 and are listed once, in order', () => {
      const info = analyseSegments('Olá, você está? á ç');
      assert.equal(info.encoding, 'UCS-2');
      assert.deepEqual(info.nonGsmCharacters, ['á', 'ê', 'ç']);
    });

    it('a lowercase ç, a tab or a curly quote forces UCS-2', () => {
      assert.deepEqual(analyseSegments('façade').nonGsmCharacters, ['ç']);
      assert.deepEqual(analyseSegments('a\tb').nonGsmCharacters, ['\t']);
      assert.deepEqual(analyseSegments('it’s “fine”').nonGsmCharacters, ['’', '“', '”']);
    });
  });

  describe('UCS-2', () => {
    it('70 units fit one part, 71 need two parts of 67', () => {
      assert.deepEqual([analyseSegments(cyrillic(70)).parts, analyseSegments(cyrillic(70)).perPart], [1, 70]);
      const info = analyseSegments(cyrillic(71));
      assert.deepEqual([info.parts, info.perPart, info.remainingInPart], [2, 67, 63]);
      assert.equal(analyseSegments(cyrillic(134)).parts, 2);
      assert.equal(analyseSegments(cyrillic(135)).parts, 3);
    });

    it('€ in otherwise UCS-2 text costs one unit, not two', () => {
      assert.equal(analyseSegments('я€').units, 2);
    });

    it('an emoji is one character but two UTF-16 units', () => {
      const info = analyseSegments('Hi 😀');
      assert.equal(info.encoding, 'UCS-2');
      assert.deepEqual(info.nonGsmCharacters, ['😀']);
      assert.equal(info.characters, 4);
      assert.equal(info.units, 5);
    });

    it('35 emoji fill one part, 36 need two', () => {
      assert.equal(analyseSegments('😀'.repeat(35)).parts, 1);
      assert.equal(analyseSegments('😀'.repeat(36)).parts, 2);
    });

    it('a surrogate pair is never split across parts', () => {
      // 134 units would fill two parts exactly, but the emoji cannot straddle the first boundary.
      const info = analyseSegments(cyrillic(66) + '😀' + cyrillic(66));
      assert.equal(info.units, 134);
      assert.equal(info.parts, 3);
      assert.equal(info.remainingInPart, 66);
    });
  });

  describe('limits', () => {
    it('GSM-7 allows 1,600 characters', () => {
      const at = analyseSegments(a(1600));
      assert.deepEqual([at.overLimit, at.limit, at.parts], [false, 1600, 11]);
      assert.equal(analyseSegments(a(1601)).overLimit, true);
    });

    it('the GSM-7 limit counts characters, so extension chars do not halve it', () => {
      const info = analyseSegments('€'.repeat(1600));
      assert.deepEqual([info.units, info.lengthForLimit, info.overLimit], [3200, 1600, false]);
    });

    it('UCS-2 allows 737 units (11 parts)', () => {
      const at = analyseSegments(cyrillic(737));
      assert.deepEqual([at.overLimit, at.limit, at.parts], [false, 737, 11]);
      assert.equal(analyseSegments(cyrillic(738)).overLimit, true);
    });

    it('emoji spend two units of the UCS-2 limit', () => {
      assert.equal(analyseSegments('😀'.repeat(368)).overLimit, false);
      assert.equal(analyseSegments('😀'.repeat(369)).overLimit, true);
    });
  });
});
