import { parseBasicAuth, tokenMatches } from './credentials';
import { newApiId } from './reply';
import type { SandboxAccount } from './types';

// Per sandbox, header values already checked, so keep-alive clients skip the base64 decode and token
// comparison. Keyed by the exact header (which holds the token): nothing kept the accounts do not hold.
const VERIFIED_LIMIT = 64;
const verifiedBySandbox = new WeakMap<ReadonlyMap<string, SandboxAccount>, Map<string, SandboxAccount>>();

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
  let verified = verifiedBySandbox.get(accounts);
  if (!verified) verifiedBySandbox.set(accounts, (verified = new Map()));
  const known = header === undefined ? undefined : verified.get(header);
  if (known && accounts.get(known.authId) === known && (pathAuthId === undefined || pathAuthId === known.authId)) {
    return { ok: true, account: known };
  }
  const credentials = parseBasicAuth(header);
  if (!credentials) return { ok: false, body: { error: 'authentication credentials were not provided' } };
  const account = accounts.get(credentials.id);
  const valid = account !== undefined && tokenMatches(credentials.token, account.authToken);
  if (!valid || (pathAuthId !== undefined && pathAuthId !== account.authId)) {
    return { ok: false, body: { api_id: newApiId(), error: 'incorrect authentication credentials' } };
  }
  if (verified.size >= VERIFIED_LIMIT) verified.clear();
  verified.set(header as string, account);
  return { ok: true, account };
}
