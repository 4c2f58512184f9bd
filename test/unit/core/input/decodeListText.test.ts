import * as assert from 'node:assert/strict';
import { decodeListText } from '../../../../src/core/input/decodeListText';

const bytes = (...parts: Array<number[] | Buffer>): Uint8Array => Buffer.concat(parts.map((part) => Buffer.from(part)));

describe('core: decodeListText', () => {
  it('UTF-8, with or without a BOM', () => {
    assert.deepEqual(decodeListText(Buffer.from('+14155550100\n')), { ok: true, text: '+14155550100\n', encoding: 'utf-8' });
    assert.deepEqual(decodeListText(bytes([0xef, 0xbb, 0xbf], Buffer.from('+1 415'))), { ok: true, text: '+1 415', encoding: 'utf-8' });
  });

  it('UTF-16 LE and BE by their BOM; a second BOM stays the text\'s own character', () => {
    assert.deepEqual(decodeListText(bytes([0xff, 0xfe], Buffer.from('+44\uFEFF', 'utf16le'))), { ok: true, text: '+44\uFEFF', encoding: 'utf-16le' });
    assert.deepEqual(decodeListText(bytes([0xfe, 0xff], Buffer.from('+٤٤', 'utf16le').swap16())), { ok: true, text: '+٤٤', encoding: 'utf-16be' });
  });

  it('names the problem: binary, undecodable, empty', () => {
    assert.deepEqual(decodeListText(bytes([0x2b, 0x31, 0x00])), { ok: false, problem: 'binary', encoding: 'utf-8' });
    assert.deepEqual(decodeListText(bytes([0xff, 0xfe], Buffer.from('+1\u0000', 'utf16le'))), { ok: false, problem: 'binary', encoding: 'utf-16le' });
    assert.deepEqual(decodeListText(bytes([0x63, 0x61, 0x66, 0xe9])), { ok: false, problem: 'encoding', encoding: 'utf-8' });
    assert.deepEqual(decodeListText(bytes([0xfe, 0xff, 0x00, 0x2b, 0x00])), { ok: false, problem: 'encoding', encoding: 'utf-16be' });
    assert.deepEqual(decodeListText(bytes([0xff, 0xfe, 0x00, 0xd8])), { ok: false, problem: 'encoding', encoding: 'utf-16le' });
    assert.deepEqual(decodeListText(bytes([])), { ok: false, problem: 'empty', encoding: 'utf-8' });
    assert.deepEqual(decodeListText(Buffer.from(' \n\t')), { ok: false, problem: 'empty', encoding: 'utf-8' });
  });
});
