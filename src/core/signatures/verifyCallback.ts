// Checks the V2 and V3 signatures of one received callback, with a reason a user can act on when
// one fails. Pure: the caller passes the token and the request as it was signed.
import { type SignedParams, verifySignatureV2, verifySignatureV3 } from './plivoSignatures';

/** One signature's verdict; `reason` says why it failed. */
export interface SignatureCheck {
  ok: boolean;
  reason?: string;
}

export interface CallbackVerification {
  v2: SignatureCheck;
  v3: SignatureCheck;
}

/** A callback request as the sender signed it. */
export interface SignedRequest {
  method: 'GET' | 'POST';
  /** The URL the sender called (for GET with its query, which holds the fields). */
  url: string;
  /** POST: the form fields of the body. GET: none (they are in the URL). */
  bodyParams: SignedParams;
  /** Header names in lower case. */
  headers: Readonly<Record<string, string | undefined>>;
}

const V2_MISMATCH = 'does not match: signed with another auth token, or the URL changed on the way';
const V3_MISMATCH = 'does not match: signed with another auth token, or the URL or a field changed on the way';

function check(header: string | undefined, nonce: string | undefined, name: string, matches: (header: string, nonce: string) => boolean, mismatch: string): SignatureCheck {
  if (!header) return { ok: false, reason: `no X-Plivo-Signature-${name} header` };
  if (!nonce) return { ok: false, reason: `no X-Plivo-Signature-${name}-Nonce header` };
  return matches(header, nonce) ? { ok: true } : { ok: false, reason: mismatch };
}

/** Verifies both signatures of a callback with the account's auth token. */
export function verifyCallback(authToken: string, request: SignedRequest): CallbackVerification {
  const { headers } = request;
  let url: URL | undefined;
  try {
    url = new URL(request.url);
  } catch {
    const bad = { ok: false, reason: `the URL it was sent to cannot be read (${request.url.slice(0, 80)})` };
    return { v2: bad, v3: bad };
  }
  // GET: the fields are the URL's query, so V3 signs the URL alone (its query sorted).
  const params = request.method === 'GET' ? {} : request.bodyParams;
  return {
    v2: check(headers['x-plivo-signature-v2'], headers['x-plivo-signature-v2-nonce'], 'V2', (header, nonce) => verifySignatureV2(authToken, url.href, nonce, header), V2_MISMATCH),
    v3: check(headers['x-plivo-signature-v3'], headers['x-plivo-signature-v3-nonce'], 'V3', (header, nonce) => verifySignatureV3(authToken, request.method, url.href, params, nonce, header), V3_MISMATCH),
  };
}

/** Both verdicts failed for the same reason (no token to check with, for instance). */
export function unverified(reason: string): CallbackVerification {
  return { v2: { ok: false, reason }, v3: { ok: false, reason } };
}
