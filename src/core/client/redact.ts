/** Longest body excerpt an error may quote. */
export const SNIPPET_MAX_CHARS = 200;
const REDACTED = '[redacted]';

// Shapes that look like credentials even when they are not this client's own token: auth header
// values, `token=…`-style pairs, and long letter+digit runs (Plivo tokens are 40 such characters;
// UUIDs stay readable because their dashes break the run).
const AUTH_SCHEME = /\b(Basic|Bearer|Digest)\s+([A-Za-z0-9+/=._~-]+)/gi;
const SECRET_PAIR = /((?:auth_?token|authorization|password|passwd|secret|api_?key|access_?token|token)["']?\s*[:=]\s*["']?)[^"'\s,&;}]+/gi;
const LONG_RUN = /[A-Za-z0-9]{32,}/g;

/** Removes the given secrets and anything credential-shaped from text the user may see. */
export function redact(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length > 0) out = out.split(secret).join(REDACTED);
  }
  return out
    // An ordinary word after "Basic" ("Basic plan") has no digit or base64 symbol: keep it.
    .replace(AUTH_SCHEME, (match, scheme: string, value: string) => (/[0-9+/=]/.test(value) ? `${scheme} ${REDACTED}` : match))
    .replace(SECRET_PAIR, (_match, key: string) => `${key}${REDACTED}`)
    .replace(LONG_RUN, (run) => (/[0-9]/.test(run) && /[A-Za-z]/.test(run) ? REDACTED : run));
}

/** A short, single-line, redacted excerpt of a response body for an error message. */
export function snippet(body: string, secrets: readonly string[]): string {
  // Redact before cutting, so a secret split by the cut cannot survive as a fragment.
  const flat = redact(body, secrets).replace(/\s+/g, ' ').trim();
  return flat.length <= SNIPPET_MAX_CHARS ? flat : `${flat.slice(0, SNIPPET_MAX_CHARS - 1)}…`;
}
