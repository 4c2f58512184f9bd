import { readDestinations } from './destinations';
import { outcomeFor, type DeliveryOutcome } from './magicNumbers';
import type { StoredMessage } from './messageStore';
import { newApiId } from './reply';
import { reply, replyError, type ApiRequest } from './routes';
import { readSendRequest, type SendRequest } from './sendParams';

// Powerpack sends need a sender number; the sandbox's pool is this one fictional number.
const POWERPACK_NUMBER = '12015550000';

function newMessage(api: ApiRequest, request: SendRequest, to: string, country: string | undefined, now: number): StoredMessage {
  const from = request.src ?? POWERPACK_NUMBER;
  // A phone that replied STOP to this sender no longer gets its messages (Plivo's error 200).
  const blocked = api.state.optedOut.size > 0 && api.state.optedOut.has(`${from}|${to}`);
  let outcome: DeliveryOutcome = blocked ? { kind: 'fail', errorCode: '200' } : outcomeFor(to);
  // The magic numbers keep their outcomes; chaos delivery rules decide for every other number.
  const chaos = outcome.kind === 'deliver' && api.state.chaos.active ? api.state.chaos.forMessage(to) : undefined;
  if (chaos) outcome = chaos.outcome;
  return {
    uuid: '', // given by the store
    authId: api.account.authId,
    from,
    to,
    direction: 'outbound',
    type: request.type,
    text: request.text,
    encoding: request.encoding,
    units: request.units,
    country,
    powerpackId: request.powerpackUuid ?? null,
    state: 'queued',
    errorCode: null,
    queuedAt: now,
    sentAt: undefined,
    updatedAt: now,
    expiresAt: now + request.expirySeconds * 1000,
    callbackUrl: request.url,
    callbackMethod: request.method,
    outcome,
    ...(chaos ? { chaosRule: `chaos: ${chaos.rule}` } : {}),
    callbackCount: 0,
    timeline: [{ state: 'queued', at: now, errorCode: null }],
    callbackAttempts: [],
    evicted: false,
  };
}

/** `POST /v1/Account/{auth_id}/Message/`: validates like Plivo, queues one message per unique valid number. */
export function handleSend(api: ApiRequest): void {
  const request = readSendRequest(api.params);
  if (typeof request === 'string') return replyError(api, 400, request);
  const destinations = readDestinations(request.dst);
  if (!destinations.ok) return replyError(api, 400, destinations.error);
  const now = Date.now();
  const uuids: string[] = [];
  for (const destination of destinations.valid) {
    const message = newMessage(api, request, destination.digits, destination.country, now);
    api.state.admit(message);
    uuids.push(message.uuid);
  }
  const body: Record<string, unknown> = { api_id: newApiId(), message: 'message(s) queued', message_uuid: uuids };
  // Documented: `invalid_number` is absent when every destination was valid.
  if (destinations.invalid.length > 0) body.invalid_number = destinations.invalid;
  reply(api, 202, body);
}
