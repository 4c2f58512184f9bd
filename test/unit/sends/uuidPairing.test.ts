import * as assert from 'node:assert/strict';
import { confirmPairing } from '../../../src/sends/status/uuidPairing';
import { describeNode } from '../../../src/sends/treeItemView';
import { childrenOf, rootNodes } from '../../../src/sends/treeNodes';
import { batch, destination, send } from './builders';

describe('UUID pairing confirmed by the status read', () => {
  it('moves a UUID to the destination its to_number names, swaps the other, and says so in the tree', () => {
    const a = destination('+14155550001');
    const b = destination('+14155550002');
    const record = send({ batches: [batch(0, [a, b])] });
    const [uuidA, uuidB] = [a.uuid, b.uuid];
    assert.equal(confirmPairing(record, uuidA!, '14155550002'), true);
    assert.equal(b.uuid, uuidA);
    assert.equal(a.uuid, uuidB);
    const [first] = childrenOf(rootNodes([record])[0]);
    assert.match(describeNode(first).description ?? '', /UUID corrected from the API/);
  });

  it('changes nothing when to_number matches, is missing, or names no destination of the send', () => {
    const a = destination('+14155550001');
    const record = send({ batches: [batch(0, [a])] });
    const uuid = a.uuid!;
    assert.equal(confirmPairing(record, uuid, '+1 415 555 0001'), false);
    assert.equal(confirmPairing(record, uuid, undefined), false);
    assert.equal(confirmPairing(record, uuid, '447700900000'), false);
    assert.equal(a.uuid, uuid);
    assert.equal(a.remapped, undefined);
  });
});
