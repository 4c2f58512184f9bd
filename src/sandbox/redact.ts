const SECRET_NAME = /token|password|secret/i;
const SECRET_JSON_FIELD = /("[^"]*(?:token|password|secret)[^"]*"\s*:\s*)"(?:[^"\\]|\\.)*"/gi;
const SECRET_FORM_FIELD = /((?:^|&)[^=&]*(?:token|password|secret)[^=&]*=)[^&]*/gi;

/** Removes the given tokens and any token/password/secret-named field from a text. */
export function redactSecrets(text: string, tokens: readonly string[]): string {
  let out = text;
  // Checked first: this runs on every request body, and almost none hold a secret.
  for (const token of tokens) if (token.length > 0 && out.includes(token)) out = out.split(token).join('[redacted]');
  if (!SECRET_NAME.test(out)) return out;
  return out.replace(SECRET_JSON_FIELD, '$1"[redacted]"').replace(SECRET_FORM_FIELD, '$1[redacted]');
}
