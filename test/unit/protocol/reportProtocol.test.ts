import * as assert from 'node:assert/strict';
import { MAX_UUID_CHARS, validateReportMessage } from '../../../src/protocol/reportProtocol';

describe('validateReportMessage', () => {
  it('accepts ready and a reveal of a UUID, rebuilt from their known fields only', () => {
    assert.deepEqual(validateReportMessage({ type: 'ready', extra: 1 }), { ok: true, message: { type: 'ready' } });
    assert.deepEqual(validateReportMessage({ type: 'reveal', uuid: 'abc', command: 'x' }), { ok: true, message: { type: 'reveal', uuid: 'abc' } });
  });

  it('refuses anything else, saying what is wrong', () => {
    assert.match(String((validateReportMessage(null) as { reason: string }).reason), /object/);
    assert.match(String((validateReportMessage({ type: 'run' }) as { reason: string }).reason), /type must be one of/);
    assert.equal(validateReportMessage({ type: 'reveal', uuid: 42 }).ok, false);
    assert.equal(validateReportMessage({ type: 'reveal', uuid: '' }).ok, false);
    assert.equal(validateReportMessage({ type: 'reveal', uuid: 'x'.repeat(MAX_UUID_CHARS + 1) }).ok, false);
  });
});
