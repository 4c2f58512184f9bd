import { apiErrorMessage } from '../core/errorCodes';
import type { StoredMessage } from './messageStore';
import { apiTime, callbackTime } from './plivoTime';

/** Price per SMS part: the sandbox charges a fixed, realistic rate. */
export const RATE_PER_UNIT = 0.0025;

function money(value: number): string {
  return value.toFixed(5);
}

/** The path of a message resource. */
export function messageResourceUri(m: StoredMessage): string {
  return `/v1/Account/${m.authId}/Message/${m.uuid}/`;
}

/** The state Plivo reports: an inbound message is `received`. */
export function plivoState(m: StoredMessage): string {
  return m.direction === 'inbound' ? 'received' : m.state;
}

/** The message object of `GET …/Message/{uuid}/` and of the list's `objects` (without `api_id`). */
export function messageResource(m: StoredMessage): Record<string, unknown> {
  return {
    error_code: m.errorCode,
    from_number: m.from,
    to_number: m.to,
    message_direction: m.direction,
    message_state: plivoState(m),
    message_time: apiTime(m.queuedAt),
    message_type: m.type,
    message_uuid: m.uuid,
    resource_uri: messageResourceUri(m),
    total_amount: money(RATE_PER_UNIT * m.units),
    total_rate: money(RATE_PER_UNIT),
    units: m.units,
    powerpack_id: m.powerpackId,
    destination_country_iso2: m.country ?? '',
    is_domestic: false,
    message_sent_time: m.sentAt === undefined ? null : apiTime(m.sentAt),
    message_updated_time: apiTime(m.updatedAt),
    error_message: apiErrorMessage(m.errorCode),
  };
}

// The sandbox's carrier: MCC 001 / MNC 01 is the ITU test network, so no real network is implied.
const TEST_MCC = '001';
const TEST_MNC = '01';

/**
 * Status-callback fields for the message's current state. Every documented field is always present
 * (empty when it does not apply yet), which is the easiest shape for receivers to parse.
 * One callback covers the whole message: `PartInfo` is "1 of 1" and `ParentMessageUUID` is the
 * message's own UUID (how Plivo numbers per-part callbacks is unconfirmed).
 */
export function callbackParams(m: StoredMessage, sequence: number): Record<string, string> {
  const final = m.state === 'delivered' || m.state === 'undelivered' || m.state === 'failed';
  return {
    MessageUUID: m.uuid,
    To: m.to,
    From: m.from,
    Type: m.type,
    Status: m.state,
    Units: String(m.units),
    TotalRate: money(RATE_PER_UNIT),
    TotalAmount: money(RATE_PER_UNIT * m.units),
    MCC: TEST_MCC,
    MNC: TEST_MNC,
    ErrorCode: m.errorCode ?? '',
    ParentMessageUUID: m.uuid,
    PartInfo: '1 of 1',
    Sequence: String(sequence),
    MessageTime: callbackTime(m.queuedAt),
    QueuedTime: callbackTime(m.queuedAt),
    SentTime: m.sentAt === undefined ? '' : callbackTime(m.sentAt),
    DeliveryReportTime: final ? callbackTime(m.updatedAt) : '',
    PowerpackUUID: m.powerpackId ?? '',
  };
}
