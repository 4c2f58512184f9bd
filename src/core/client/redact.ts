/** Longest body excerpt an error may quote. */
export const SNIPPET_MAX_CHARS = 200;
const REDACTED = '[redacted]';

// Shapes that look like credentials even when they are not this client's own token: auth header
// values, `token=…`-style pairs, and long letter+digit runs (Plivo tokens are 40 such characters;
// UUIDs stay readable because their dashes break the run, 32-hex-digit ids because they are kept).
const AUTH_SCHEME = /\b(Basic|Bearer|Digest)\s+([A-Za-z0-9+/=._~-]+)/gi;
const SECRET_PAIR = /((?:auth_?token|authorization|password|passwd|secret|api_?key|access_?token|token)["']?\s*[:=]\s*["']?)[^"'\s,&;}]+/gi;
const LONG_RUN = /[A-Za-z0-9]{32,}/g;
// 32 hex digits are an id (a UUID without dashes, a request id, a digest), not a Plivo token.
const HEX_ID = /^(?:[0-9a-f]{32}|[0-9A-F]{32})$/;

const HTML_NAMED: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const JSON_HTML_SAFE: Record<string, string> = { '<': '\\u003c', '>': '\\u003e', '&': '\\u0026', "'": '\\u0027' };
const escapeWith = (text: string, pattern: RegExp, by: (ch: string) => string) => text.replace(pattern, by);
const json = (text: string) => JSON.stringify(text).slice(1, -1);
const htmlNamed = (text: string) => escapeWith(text, /[&<>"']/g, (ch) => HTML_NAMED[ch]);

/**
 * The ways a server or proxy may echo a secret: as it is, URL-encoded, JSON-escaped (also with
 * `\/` and `\u003c`-style escapes), HTML-escaped (named, decimal and hex entities), and JSON inside HTML.
 */
export function secretForms(secret: string): string[] {
  const asJson = json(secret);
  const forms = [
    secret,
    encodeURIComponent(secret),
    asJson,
    asJson.replace(/\//g, '\\/'),
    // Go's encoding/json escapes < > &; some encoders escape ' too.
    escapeWith(asJson, /[<>&]/g, (ch) => JSON_HTML_SAFE[ch]),
    escapeWith(asJson, /[<>&']/g, (ch) => JSON_HTML_SAFE[ch]),
    htmlNamed(secret),
    escapeWith(secret, /[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`),
    escapeWith(secret, /[&<>"']/g, (ch) => `&#x${ch.charCodeAt(0).toString(16)};`),
    htmlNamed(asJson),
  ];
  // Longest first, so a longer escaped form is not left half-replaced by a shorter one.
  return [...new Set(forms)].filter((form) => form.length > 0).sort((a, b) => b.length - a.length);
}

/** Removes the given secrets in every form of `secretForms`, and nothing else. */
export function removeSecrets(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const form of [...new Set(secrets.flatMap(secretForms))].sort((a, b) => b.length - a.length)) {
    if (out.includes(form)) out = out.split(form).join(REDACTED);
  }
  return out;
}

/** Removes the given secrets (in any escaped form) and anything credential-shaped from text the user may see. */
export function redact(text: string, secrets: readonly string[]): string {
  return removeSecrets(text, secrets)
    // An ordinary word after "Basic" ("Basic plan") has no digit or base64 symbol: keep it.
    .replace(AUTH_SCHEME, (match, scheme: string, value: string) => (/[0-9+/=]/.test(value) ? `${scheme} ${REDACTED}` : match))
    .replace(SECRET_PAIR, (_match, key: string) => `${key}${REDACTED}`)
    .replace(LONG_RUN, (run) => (/[0-9]/.test(run) && /[A-Za-z]/.test(run) && !HEX_ID.test(run) ? REDACTED : run));
}

/** A short, single-line, redacted excerpt of a response body for an error message. */
export function snippet(body: string, secrets: readonly string[]): string {
  // Redact before cutting, so a secret split by the cut cannot survive as a fragment.
  const flat = redact(body, secrets).replace(/\s+/g, ' ').trim();
  return flat.length <= SNIPPET_MAX_CHARS ? flat : `${flat.slice(0, SNIPPET_MAX_CHARS - 1)}…`;
}
