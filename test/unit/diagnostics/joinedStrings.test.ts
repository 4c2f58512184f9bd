import * as assert from 'node:assert/strict';
import { findJoinedStrings } from '../../../src/diagnostics/joinedStrings';
import { joinedStringSources } from '../../../src/diagnostics/sources';

/** The text of each string found. */
function found(text: string, plainValues = false): string[] {
  return findJoinedStrings(text, plainValues).map(({ offset, length }) => text.slice(offset, offset + length));
}

describe('finding `<`-joined number strings in code, JSON and YAML', () => {
  it('finds the content of quoted strings, without the quotes', () => {
    const json = '{\n  "src": "+12015550100",\n  "dst": "+12015550101<+12015550102<bad"\n}\n';
    assert.deepEqual(found(json), ['+12015550101<+12015550102<bad']);
    assert.deepEqual(found("send({ dst: '14155550100<14155550101' }); const t = `+44 7700 900123<+44 7700 900456`;"), [
      '14155550100<14155550101', '+44 7700 900123<+44 7700 900456',
    ]);
  });

  it('finds unquoted YAML and .env values only when asked', () => {
    const yaml = 'sms:\n  dst: +12015550101<+12015550102  # two phones\n  list:\n    - 12015550103<12015550104\n';
    assert.deepEqual(found(yaml, true), ['+12015550101<+12015550102', '12015550103<12015550104']);
    assert.deepEqual(found(yaml, false), []);
    assert.deepEqual(found('DST=+12015550101<+12015550102\n', true), ['+12015550101<+12015550102']);
  });

  it('ignores markup, comparisons, single numbers and strings that are mostly words', () => {
    const code = [
      'const html = "<b>12015550100</b>";',
      'if (count < 10000000 && "a" < "b") {}',
      'const one = "+12015550100";',
      'const words = "call 12015550100 < or > mail me < later";',
      'const generic: Map<string, number> = new Map<string, number>();',
    ].join('\n');
    assert.deepEqual(found(code), []);
  });

  it('gives each string its document line and column, CRLF files included', () => {
    const text = '{\r\n  "a": 1,\r\n  "dst": "+12015550101<+12015550102"\r\n}';
    const [source] = joinedStringSources(text, false);
    assert.deepEqual(source.origin, { offset: text.indexOf('+1201'), line: 2, column: 10 });
    assert.equal(source.text, '+12015550101<+12015550102');
  });
});
