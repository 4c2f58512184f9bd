// Names that mark a value as a secret, in JSON fields, form fields and URL query parameters.
const SECRET_WORDS = 'token|password|passwd|pwd|secret|key|signature|sig|authorization|credential|session';
const SECRET_NAME = new RegExp(SECRET_WORDS, 'i');
const SECRET_JSON_FIELD = new RegExp(`("[^"]*(?:${SECRET_WORDS})[^"]*"\\s*:\\s*)"(?:[^"\\\\]|\\\\.)*"`, 'gi');
const SECRET_FORM_FIELD = new RegExp(`((?:^|&)[^=&]*(?:${SECRET_WORDS})[^=&]*=)[^&]*`, 'gi');
const SECRET_QUERY_PARAM = new RegExp(`([?&;][^=&#?]*(?:${SECRET_WORDS})[^=&#]*=)[^&#]*`, 'gi');
const USERINFO = /^([a-z][a-z0-9+.-]*:\/\/)[^/?#@]*@/i;
// URLs as they appear in JSON bodies and paths, and percent-encoded in form bodies.
const URL_IN_TEXT = /https?:\/\/[^\s"'<>\\]+/gi;
const ENCODED_URL = /https?%3A%2F%2F[^&\s"'<>]+/gi;
const REDACTED = '[redacted]';

/** A URL with its userinfo (`user:pw@`) and secret-looking query parameters (`?apikey=…`) redacted. */
export function redactUrl(url: string): string {
  return url.replace(USERINFO, `$1${REDACTED}@`).replace(SECRET_QUERY_PARAM, `$1${REDACTED}`);
}

function redactEncodedUrl(encoded: string): string {
  let decoded: string;
  try {
    decoded = decodeURIComponent(encoded);
  } catch {
    return encoded;
  }
  const redacted = redactUrl(decoded);
  return redacted === decoded ? encoded : encodeURIComponent(redacted).split(encodeURIComponent(REDACTED)).join(REDACTED);
}

/**
 * Removes the given tokens, secret-named fields and the secrets of URLs (callback URLs with
 * credentials or API keys in them) from a text logged or shown.
 */
export function redactSecrets(text: string, tokens: readonly string[]): string {
  let out = text;
  // Checked first: this runs on every request body, and almost none hold a secret.
  for (const token of tokens) if (token.length > 0 && out.includes(token)) out = out.split(token).join(REDACTED);
  if (out.includes('://')) out = out.replace(URL_IN_TEXT, redactUrl);
  if (/%3A%2F%2F/i.test(out)) out = out.replace(ENCODED_URL, redactEncodedUrl);
  if (!SECRET_NAME.test(out)) return out;
  return out.replace(SECRET_JSON_FIELD, `$1"${REDACTED}"`).replace(SECRET_FORM_FIELD, `$1${REDACTED}`);
}
