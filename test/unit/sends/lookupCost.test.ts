// A status read keeps the message's rate and amount, which Export Send… writes out.
import * as assert from 'node:assert/strict';
import { exportRows } from '../../../src/core/export/exportRows';
import { updateFromLookup } from '../../../src/sends/status/messageLookup';

describe('status read: rate and amount for the export', () => {
  it('keeps total_rate and total_amount as the API gives them, and the export shows them', () => {
    const update = updateFromLookup(
      { kind: 'found', message: { message_uuid: 'u1', message_state: 'delivered', error_code: '000', units: 2, total_rate: '0.00500', total_amount: '0.01000' } },
      new Date('2026-12-03T10:00:00Z'),
    );
    assert.equal(update?.totalRate, '0.00500');
    assert.equal(update?.totalAmount, '0.01000');
    const [row] = exportRows([{ id: 's', createdAt: '2026-12-03T09:59:00Z', request: { text: 'x' }, batches: [{ index: 0, state: 'accepted', destinations: [{ number: '+14155550101', uuid: 'u1', result: 'accepted', ...update }] }] }]);
    assert.deepEqual([row.state, row.units, row.rate, row.amount, row.updated_at], ['delivered', 2, '0.00500', '0.01000', '2026-12-03T10:00:00.000Z']);
  });
});
