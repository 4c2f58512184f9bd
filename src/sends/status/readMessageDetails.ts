// The JSON shown by "Open Message Details": the API's own GET Message body, pretty-printed.
import { PlivoClient, removeSecrets } from '../../core/client';
import type { DestinationRecord } from '../sendRecord';
import type { AccountConnection } from './statusRefreshService';

/** Replaces the auth token (and its Basic form) wherever it appears; the API never echoes it, a proxy might. */
export function withoutCredentials(text: string, connection: AccountConnection): string {
  const basic = Buffer.from(`${connection.authId}:${connection.authToken}`).toString('base64');
  // Core's redaction: also the JSON- and HTML-escaped forms (the body is shown as JSON).
  return removeSecrets(text, [connection.authToken, basic]);
}

/** Reads one message; `json` is ready to show, `error` says why the API could not be read. */
export async function readMessageDetails(connection: AccountConnection, uuid: string, signal?: AbortSignal): Promise<{ json: string } | { error: string }> {
  let client: PlivoClient | undefined;
  try {
    client = new PlivoClient({ baseUrl: connection.baseUrl, authId: connection.authId, authToken: connection.authToken });
    const { body } = await client.getMessage(uuid, { signal });
    return { json: withoutCredentials(JSON.stringify(body, null, 2), connection) };
  } catch (error) {
    return { error: withoutCredentials(error instanceof Error ? error.message : String(error), connection) };
  } finally {
    await client?.close();
  }
}

/** What the history knows about a message, shown when the API cannot be read (offline, sandbox restarted). */
export function storedDetailsJson(destination: DestinationRecord, problem: string): string {
  return JSON.stringify(
    {
      note: `The API could not be read (${problem}). This is what the sends history holds.`,
      message_uuid: destination.uuid ?? null,
      to_number: destination.number.replace(/^\+/, ''),
      message_state: destination.state === 'unknown' ? null : destination.state,
      error_code: destination.errorCode ?? null,
      units: destination.units ?? null,
      last_read: destination.updatedAt ?? null,
    },
    null,
    2,
  );
}
