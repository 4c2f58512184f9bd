// What a base URL may be: http(s), no credentials, no query or fragment. One home for the rule, used
// where a profile's URL is typed (so a secret is refused before it is stored or shown) and by the client.

// Query names that carry a secret in the wild: ?key=, ?token=, ?apikey=, ?access_token=, ?sig= …
const SECRET_QUERY_NAME = /^(?:.*[_-])?(?:key|apikey|token|secret|password|passwd|pwd|auth|sig|signature|credential|credentials)$/i;

/** Why `text` cannot be a base URL (a sentence for the input box), or undefined when it can. */
export function baseUrlProblem(text: string): string | undefined {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return 'This is not a valid URL: enter a full one, e.g. https://api.plivo.com';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'Use an http:// or https:// URL';
  if (url.username || url.password) return 'The URL must not contain credentials: remove the user name and password (the auth ID and token have their own steps; the token is kept in SecretStorage)';
  const secretNames = [...url.searchParams.keys()].filter((name) => SECRET_QUERY_NAME.test(name));
  if (secretNames.length > 0) return `The URL must not carry a secret: remove ?${secretNames[0]}=… (the auth token has its own step)`;
  if (url.search || url.hash) return 'Remove the query (?…) and fragment (#…): give only the API root';
  return undefined;
}

/** Checks a base URL and drops its trailing slash; messages never echo it (it could hold secrets). */
export function normaliseBaseUrl(raw: string): string {
  const problem = baseUrlProblem(raw);
  if (problem) throw new TypeError(`baseUrl: ${problem}.`);
  const url = new URL(raw.trim());
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}
