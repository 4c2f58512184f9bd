import { FAILURE_ERROR_CODES } from '../core/errorCodes';
import type { StoredMessage } from './messageStore';
import type { SandboxState } from './state';

/** What a user can do to a queued or sent message from the inbox. */
export type SteerAction = 'deliver' | 'fail' | 'undeliver';
export const STEER_ACTIONS: readonly SteerAction[] = ['deliver', 'fail', 'undeliver'];

/**
 * Moves a queued or sent message to its final state now, as the carrier would: deliver (via `sent`
 * when still queued), fail with an error code, or mark undelivered with one. The delivery
 * simulation then skips it. Returns an error text when the message cannot be moved.
 */
export function steerMessage(state: SandboxState, message: StoredMessage, action: SteerAction, errorCode: string | undefined, by = 'user'): string | undefined {
  if (message.direction !== 'outbound') return 'only outbound messages have a delivery state';
  if (message.state !== 'queued' && message.state !== 'sent') return `the message is already ${message.state}`;
  const code = action === 'deliver' ? '000' : (errorCode ?? (action === 'fail' ? '30' : '80')).trim();
  if (action !== 'deliver' && !FAILURE_ERROR_CODES.includes(code)) return `errorCode must be one of Plivo's codes: ${FAILURE_ERROR_CODES.join(', ')}`;
  const now = Date.now();
  if (action !== 'fail' && message.state === 'queued') move(state, message, 'sent', null, now, by);
  move(state, message, action === 'deliver' ? 'delivered' : action === 'fail' ? 'failed' : 'undelivered', code, now, by);
  return undefined;
}

function move(state: SandboxState, message: StoredMessage, to: StoredMessage['state'], errorCode: string | null, now: number, by: string): void {
  message.state = to;
  message.errorCode = errorCode;
  message.updatedAt = now;
  if (to === 'sent') message.sentAt = now;
  state.changed(message, by);
}
