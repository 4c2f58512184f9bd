// Fixture builders for send records: realistic shapes, only the fields a test cares about set.
import type { BatchRecord, DeliveryState, DestinationRecord, SendRecord } from '../../../src/sends/sendRecord';

let counter = 0;

/** A UUID-shaped id that is unique within the test run. */
export function fakeUuid(): string {
  counter += 1;
  return `00000000-0000-4000-8000-${String(counter).padStart(12, '0')}`;
}

/** A destination with a UUID in the given state. */
export function destination(number: string, state: DeliveryState = 'queued', extra: Partial<DestinationRecord> = {}): DestinationRecord {
  return { number, uuid: fakeUuid(), result: 'accepted', state, ...extra };
}

/** A 202 batch for the given destinations. */
export function batch(index: number, destinations: DestinationRecord[], extra: Partial<BatchRecord> = {}): BatchRecord {
  const body = { api_id: `api-${index}`, message: 'message(s) queued', message_uuid: destinations.flatMap((d) => (d.uuid ? [d.uuid] : [])) };
  return { index, state: 'accepted', attempts: 1, status: 202, apiId: body.api_id, message: body.message, elapsedMs: 120, destinations, invalidNumbers: [], responseJson: JSON.stringify(body), ...extra };
}

/** `count` destinations +1415555xxxx in one state. */
export function destinations(count: number, state: DeliveryState = 'queued'): DestinationRecord[] {
  return Array.from({ length: count }, (_, i) => destination(`+1415555${String(i).padStart(4, '0')}`, state));
}

/** A send record: one batch of two queued destinations unless told otherwise. */
export function send(extra: Partial<SendRecord> = {}): SendRecord {
  counter += 1;
  return {
    schemaVersion: 1,
    id: `send-${counter}`,
    fingerprint: `fingerprint-${counter}`,
    request: { src: '14155550100', text: 'Hello from the workbench', type: 'sms' },
    batchSize: 1000,
    createdAt: new Date(Date.UTC(2025, 0, 1, 12, 0, counter % 60)).toISOString(),
    profileId: 'local-sandbox',
    profileName: 'Local sandbox',
    isSandbox: true,
    draft: { sender: { kind: 'src', value: '14155550100' }, text: 'Hello from the workbench', destinations: '+14155550001\n+14155550002', callbackUrl: '', callbackMethod: 'POST', type: 'sms' },
    skippedInvalid: [],
    batches: [batch(0, [destination('+14155550001'), destination('+14155550002')])],
    ...extra,
  };
}

/** `count` sends, newest first, one minute apart. */
export function sendsNewestFirst(count: number, make: (i: number) => Partial<SendRecord> = () => ({})): SendRecord[] {
  const start = Date.UTC(2025, 5, 1);
  return Array.from({ length: count }, (_, i) => send({ createdAt: new Date(start - i * 60_000).toISOString(), ...make(i) }));
}
