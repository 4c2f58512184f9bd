// Plivo does not promise that `message_uuid` follows `dst` order, so a pairing made by position is
// confirmed by each status read: GET Message's `to_number` says whose UUID it is.
import type { SendRecord } from '../sendRecord';

const digits = (number: string): string => number.replace(/\D/g, '');

/**
 * When the message read for `uuid` went to another destination of the send than the one it is
 * paired with, moves the UUID to its own destination (swapping with that one's UUID) and flags
 * both. Returns true when the pairing changed.
 */
export function confirmPairing(record: SendRecord, uuid: string, toNumber: string | undefined): boolean {
  if (!toNumber) return false;
  const to = digits(toNumber);
  const holder = record.batches.flatMap((b) => b.destinations).find((d) => d.uuid === uuid);
  if (!holder || digits(holder.number) === to) return false;
  const owner = record.batches.flatMap((b) => b.destinations).find((d) => d.resentIn === undefined && digits(d.number) === to);
  if (!owner) return false;
  const ownersUuid = owner.uuid;
  owner.uuid = uuid;
  owner.remapped = true;
  holder.uuid = ownersUuid;
  holder.remapped = true;
  return true;
}
