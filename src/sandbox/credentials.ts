import { randomInt, timingSafeEqual } from 'node:crypto';
import type { SandboxAccount } from './types';

const UPPER_DIGITS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const MIXED = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

function randomString(alphabet: string, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[randomInt(alphabet.length)];
  return out;
}

/** A Plivo-like auth id: `MA` + 18 upper-case letters/digits (20 characters). */
export function generateAuthId(): string {
  return 'MA' + randomString(UPPER_DIGITS, 18);
}

/** A Plivo-like auth token: 40 random letters/digits. */
export function generateAuthToken(): string {
  return randomString(MIXED, 40);
}

/** Fills in missing ids/tokens; generates one account when none is given. */
export function resolveAccounts(given: Array<Partial<SandboxAccount>> | undefined): SandboxAccount[] {
  const list = given && given.length > 0 ? given : [{}];
  const accounts = list.map((a) => ({
    authId: a.authId ?? generateAuthId(),
    authToken: a.authToken ?? generateAuthToken(),
  }));
  const ids = new Set(accounts.map((a) => a.authId));
  if (ids.size !== accounts.length) throw new Error('Sandbox accounts must have distinct auth ids.');
  for (const a of accounts) {
    if (!/^[A-Za-z0-9]+$/.test(a.authId)) throw new Error('A sandbox auth id may hold only letters and digits.');
    if (a.authToken.length === 0) throw new Error('A sandbox auth token cannot be empty.');
  }
  return accounts;
}

/** The id and token of a `Basic` Authorization header, or undefined when absent/malformed. */
export function parseBasicAuth(header: string | undefined): { id: string; token: string } | undefined {
  if (!header) return undefined;
  const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header);
  if (!match) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  return { id: decoded.slice(0, colon), token: decoded.slice(colon + 1) };
}

/** Constant-time comparison of a presented token with the account's. */
export function tokenMatches(presented: string, expected: string): boolean {
  const a = Buffer.from(presented, 'utf8');
  const b = Buffer.from(expected, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}
