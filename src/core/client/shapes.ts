// Runtime checks of successful bodies. Each returns the typed body, or a problem that completes
// the sentence "the body …" in a malformed-response error.
import type { AccountDetails, MessageList, MessageRecord, SendMessageBody } from './types';

export type ShapeCheck<T> = { ok: true; value: T } | { ok: false; problem: string };

type Json = Record<string, unknown>;

const fail = (problem: string): { ok: false; problem: string } => ({ ok: false, problem });

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}

/** `POST /Message/`: a `message_uuid` string list is what the caller needs; the rest may be absent. */
export function checkSendBody(json: unknown): ShapeCheck<SendMessageBody> {
  if (!isObject(json)) return fail('is not a JSON object');
  if (!isStringArray(json.message_uuid)) return fail('has no message_uuid list');
  if (json.invalid_number !== undefined && !isStringArray(json.invalid_number)) return fail('has an invalid_number that is not a list of strings');
  const body: SendMessageBody = {
    api_id: typeof json.api_id === 'string' ? json.api_id : '',
    message: typeof json.message === 'string' ? json.message : '',
    message_uuid: json.message_uuid,
  };
  if (json.invalid_number !== undefined) body.invalid_number = json.invalid_number;
  return { ok: true, value: body };
}

/** `GET /Message/{uuid}/`. */
export function checkMessageRecord(json: unknown): ShapeCheck<MessageRecord> {
  return recordProblem(json) ?? { ok: true, value: json as MessageRecord };
}

/** `GET /Message/`: meta numbers, next/previous links and an objects list of records. */
export function checkMessageList(json: unknown): ShapeCheck<MessageList> {
  if (!isObject(json)) return fail('is not a JSON object');
  const { meta, objects } = json;
  if (!isObject(meta)) return fail('has no meta object');
  for (const field of ['limit', 'offset', 'total_count'] as const) {
    if (typeof meta[field] !== 'number') return fail(`has no number meta.${field}`);
  }
  for (const field of ['next', 'previous'] as const) {
    if (meta[field] !== null && typeof meta[field] !== 'string') return fail(`has a meta.${field} that is neither a link nor null`);
  }
  if (!Array.isArray(objects)) return fail('has no objects list');
  for (const [index, object] of objects.entries()) {
    const problem = recordProblem(object);
    if (problem) return fail(`has objects[${index}] that ${problem.problem}`);
  }
  return { ok: true, value: { ...json, api_id: typeof json.api_id === 'string' ? json.api_id : '' } as MessageList };
}

/** `GET /v1/Account/{id}/`. */
export function checkAccount(json: unknown): ShapeCheck<AccountDetails> {
  return isObject(json) ? { ok: true, value: json as AccountDetails } : fail('is not a JSON object');
}

function recordProblem(json: unknown): { ok: false; problem: string } | undefined {
  if (!isObject(json)) return fail('is not a JSON object');
  if (typeof json.message_uuid !== 'string') return fail('has no message_uuid');
  if (typeof json.message_state !== 'string') return fail('has no message_state');
  return undefined;
}
