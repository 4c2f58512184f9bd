// How a status callback changes the stored destination, as a status read would — except that a
// callback arriving late (sent after delivered) never moves a message back.
import type { DestinationUpdate } from '../sends/historySchema';
import type { DeliveryState, DestinationRecord } from '../sends/sendRecord';
import type { InspectedCallback } from './inspectedCallback';

const RANK: Record<DeliveryState, number> = { unknown: 0, queued: 1, sent: 2, delivered: 3, undelivered: 3, failed: 3, rejected: 3, read: 4 };

/** The update for `destination`, or undefined when the callback is older news than what is stored. */
export function deliveryUpdate(destination: DestinationRecord, callback: Pick<InspectedCallback, 'status' | 'errorCode' | 'units' | 'receivedAt'>, toState: (status: string) => DeliveryState): DestinationUpdate | undefined {
  const state = toState(callback.status);
  if (state === 'unknown' || RANK[state] < RANK[destination.state ?? 'unknown']) return undefined;
  const units = Number.parseInt(callback.units, 10);
  const code = callback.errorCode.trim();
  return {
    state,
    errorCode: code === '' ? undefined : code,
    units: Number.isFinite(units) ? units : destination.units,
    updatedAt: callback.receivedAt,
    lookupError: undefined,
    lookupStatus: undefined,
  };
}
