// Plivo's callback signatures (V2 and V3), as the official SDKs compute them: the sandbox signs with
// them and the callback inspector verifies and re-signs with them.
import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';

/** Callback parameters: one value per key, or several for repeated keys. */
export type SignedParams = Record<string, string | readonly string[]>;

function hmacBase64(authToken: string, message: string): string {
  return createHmac('sha256', authToken).update(message, 'utf8').digest('base64');
}

function urlBase(url: URL): string {
  return `${url.protocol}//${url.host}${url.pathname}`;
}

/** Every key → list of values, from the URL's own query and the extra params. */
function mergedParams(url: URL, extra: SignedParams): Map<string, string[]> {
  const map = new Map<string, string[]>();
  const add = (key: string, value: string) => {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
  };
  for (const [key, value] of url.searchParams) add(key, value);
  for (const [key, value] of Object.entries(extra)) {
    for (const v of typeof value === 'string' ? [value] : value) add(key, v);
  }
  return map;
}

function sortedPairs(params: Map<string, string[]>, join: (k: string, v: string) => string): string[] {
  const out: string[] = [];
  // Plain code-unit order, values sorted too — as the official SDKs do.
  for (const key of [...params.keys()].sort()) {
    for (const value of [...(params.get(key) ?? [])].sort()) out.push(join(key, value));
  }
  return out;
}

/** A random nonce of 20 digits, like Plivo's. */
export function generateNonce(): string {
  let nonce = '';
  for (let i = 0; i < 20; i++) nonce += String(randomInt(10));
  return nonce;
}

/** `X-Plivo-Signature-V2`: HMAC-SHA256(token, URL without query + nonce), base64. */
export function signatureV2(authToken: string, url: string, nonce: string): string {
  return hmacBase64(authToken, urlBase(new URL(url)) + nonce);
}

/** The V3 string-to-sign (before `.` + nonce) for a callback of this method, URL and params. */
export function v3StringToSign(method: 'GET' | 'POST', url: string, params: SignedParams = {}): string {
  const parsed = new URL(url);
  const base = urlBase(parsed);
  if (method === 'GET') {
    const query = sortedPairs(mergedParams(parsed, params), (k, v) => `${k}=${v}`).join('&');
    return query.length > 0 ? `${base}?${query}` : base;
  }
  const query = sortedPairs(mergedParams(parsed, {}), (k, v) => `${k}=${v}`).join('&');
  const body = sortedPairs(mergedParams(new URL(base), params), (k, v) => k + v).join('');
  const hasBody = Object.keys(params).length > 0;
  let signed = base;
  if (query.length > 0 || hasBody) signed += `?${query}`;
  if (query.length > 0 && hasBody) signed += '.';
  return signed + body;
}

/** `X-Plivo-Signature-V3`: HMAC-SHA256(token, string-to-sign + "." + nonce), base64. */
export function signatureV3(
  authToken: string,
  method: 'GET' | 'POST',
  url: string,
  params: SignedParams,
  nonce: string,
): string {
  return hmacBase64(authToken, `${v3StringToSign(method, url, params)}.${nonce}`);
}

function matchesAny(header: string, expected: string): boolean {
  const want = Buffer.from(expected);
  // Several comma-separated signatures appear during token rotation: any match is enough.
  return header.split(',').some((candidate) => {
    const got = Buffer.from(candidate.trim());
    return got.length === want.length && timingSafeEqual(got, want);
  });
}

/** Checks an `X-Plivo-Signature-V2` header value. */
export function verifySignatureV2(authToken: string, url: string, nonce: string, header: string): boolean {
  return matchesAny(header, signatureV2(authToken, url, nonce));
}

/** Checks an `X-Plivo-Signature-V3` header value (several comma-separated signatures allowed). */
export function verifySignatureV3(
  authToken: string,
  method: 'GET' | 'POST',
  url: string,
  params: SignedParams,
  nonce: string,
  header: string,
): boolean {
  return matchesAny(header, signatureV3(authToken, method, url, params, nonce));
}

/** The four signature headers for one callback request. */
export function signatureHeaders(
  authToken: string,
  method: 'GET' | 'POST',
  url: string,
  params: SignedParams,
): Record<string, string> {
  const nonceV2 = generateNonce();
  const nonceV3 = generateNonce();
  return {
    'x-plivo-signature-v2': signatureV2(authToken, url, nonceV2),
    'x-plivo-signature-v2-nonce': nonceV2,
    'x-plivo-signature-v3': signatureV3(authToken, method, url, params, nonceV3),
    'x-plivo-signature-v3-nonce': nonceV3,
  };
}
