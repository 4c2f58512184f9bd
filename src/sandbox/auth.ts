import { parseBasicAuth, tokenMatches } from './credentials';
import { newApiId } from './reply';
import type { SandboxAccount } from './types';

/** The account a request authenticated as, or the 401 body to answer with. */
export type AuthResult = { ok: true; account: SandboxAccount } | { ok: false; body: Record<string, string> };

/**
 * Checks HTTP Basic credentials. Missing credentials get Plivo's documented body (no `api_id`);
 * wrong ones — including a path for an account other than the credentials' — get a 401 too, since
 * Plivo checks the credentials against the account in the path (exact wording unconfirmed).
 * `pathAuthId` is absent for control routes, where any sandbox account may act.
 */
export function authenticate(
  header: string | undefined,
  accounts: ReadonlyMap<string, SandboxAccount>,
  pathAuthId?: string,
): AuthResult {
  const credentials = parseBasicAuth(header);
  if (!credentials) return { ok: false, body: { error: 'authentication credentials were not provided' } };
  const account = accounts.get(credentials.id);
  const valid = account !== undefined && tokenMatches(credentials.token, account.authToken);
  if (!valid || (pathAuthId !== undefined && pathAuthId !== account.authId)) {
    return { ok: false, body: { api_id: newApiId(), error: 'incorrect authentication credentials' } };
  }
  return { ok: true, account };
}
