import * as assert from 'node:assert/strict';
import { countLineBreaks, minimalEdit, type TextEdit } from '../../../src/webview/composer/minimalEdit';

const apply = (text: string, edit: TextEdit): string => text.slice(0, edit.start) + edit.insert + text.slice(edit.end);

describe('minimal edit for the destinations box', () => {
  it('a removed line becomes a pure deletion of just that line', () => {
    const before = '+14155550100\nnonsense\n+14155550101\n';
    const after = '+14155550100\n+14155550101\n';
    const edit = minimalEdit(before, after);
    assert.equal(edit.insert, '');
    assert.equal(before.slice(edit.start, edit.end).replace(/\n/g, ''), 'nonsense');
    assert.equal(apply(before, edit), after);
  });

  it('scattered removals become one replacement spanning first to last change', () => {
    const before = 'a\nX\nb\nc\nY\nd';
    const after = 'a\nb\nc\nd';
    const edit = minimalEdit(before, after);
    assert.equal(apply(before, edit), after);
    assert.ok(edit.end - edit.start < before.length);
  });

  it('handles identical, emptied and filled texts', () => {
    assert.deepEqual(minimalEdit('same', 'same'), { start: 4, end: 4, insert: '' });
    assert.deepEqual(minimalEdit('abc', ''), { start: 0, end: 3, insert: '' });
    assert.deepEqual(minimalEdit('', 'abc'), { start: 0, end: 0, insert: 'abc' });
  });

  it('does not let the prefix and suffix overlap on repeated text', () => {
    for (const [before, after] of [['aaaa', 'aa'], ['aa', 'aaaa'], ['abab', 'ab'], ['x\nx\nx', 'x\nx']]) {
      assert.equal(apply(before, minimalEdit(before, after)), after);
    }
  });

  it('never cuts an emoji in half', () => {
    const before = 'hi 😀 there';
    const after = 'hi 😃 there';
    const edit = minimalEdit(before, after);
    assert.equal(before.slice(edit.start, edit.end), '😀');
    assert.equal(edit.insert, '😃');
  });

  it('counts LF, CRLF and CR line breaks once each', () => {
    assert.equal(countLineBreaks('a\nb\r\nc\rd'), 3);
    assert.equal(countLineBreaks('no breaks'), 0);
  });
});
