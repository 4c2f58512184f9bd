import { resolveAccounts } from './credentials';
import { parseChaosConfig } from './chaosRules';
import { validAllowedHost } from './hostCheck';
import type { ChaosConfig, ResolvedSandboxOptions, SandboxOptions } from './types';

/** Defaults: realistic enough to feel like Plivo, quick enough to watch a send complete. */
export const SANDBOX_DEFAULTS = {
  messagesPerSecond: 10,
  timings: { sentAfterMs: 250, deliveredAfterMs: 2000, slowDeliveredAfterMs: 30_000 },
  // Plivo documents about 300 API requests per 5 s per account.
  rateLimitPer5s: 300,
  maxBodyBytes: 1024 * 1024,
  maxMessages: 100_000,
  callbackRetry: { retries: 3, baseDelayMs: 1000, maxDelayMs: 30_000, timeoutMs: 5000 },
  requestLogSize: 200,
} as const;

function positive(name: string, value: number): number {
  if (!Number.isFinite(value) || value <= 0) throw new Error(`Sandbox option ${name} must be a positive number.`);
  return value;
}

function nonNegative(name: string, value: number): number {
  if (!Number.isFinite(value) || value < 0) throw new Error(`Sandbox option ${name} must be zero or more.`);
  return value;
}

function allowedHosts(names: readonly string[] = []): string[] {
  for (const name of names) if (!validAllowedHost(name)) throw new Error(`Sandbox option allowHosts: "${name}" is not a host name (no scheme or port).`);
  return [...names];
}

function chaosRules(given: unknown): ChaosConfig | undefined {
  if (given === undefined) return undefined;
  const parsed = parseChaosConfig(given);
  if (typeof parsed === 'string') throw new Error(`Sandbox option chaos: ${parsed}`);
  return parsed;
}

/** An http(s) URL for a webhook, or an error naming the option. */
export function webhookUrl(name: string, url: string): string {
  try {
    const parsed = new URL(url.trim());
    if ((parsed.protocol === 'http:' || parsed.protocol === 'https:') && parsed.hostname !== '') return parsed.toString();
  } catch {
    // falls through to the error
  }
  throw new Error(`Sandbox option ${name} must be an http(s) URL.`);
}

function seedOption(seed: number): number {
  if (!Number.isInteger(seed) || seed < 0 || seed > 2 ** 32 - 1) throw new Error('Sandbox option seed must be a whole number from 0 to 4294967295.');
  return seed;
}

/** Fills defaults and rejects nonsense values early, with the option's name. */
export function resolveOptions(options: SandboxOptions = {}): ResolvedSandboxOptions {
  const d = SANDBOX_DEFAULTS;
  const timings = { ...d.timings, ...options.timings };
  const retry = { ...d.callbackRetry, ...options.callbackRetry };
  const port = options.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error('Sandbox option port must be 0–65535.');
  return {
    port,
    accounts: resolveAccounts(options.accounts),
    messagesPerSecond: positive('messagesPerSecond', options.messagesPerSecond ?? d.messagesPerSecond),
    timings: {
      sentAfterMs: nonNegative('timings.sentAfterMs', timings.sentAfterMs),
      deliveredAfterMs: nonNegative('timings.deliveredAfterMs', timings.deliveredAfterMs),
      slowDeliveredAfterMs: nonNegative('timings.slowDeliveredAfterMs', timings.slowDeliveredAfterMs),
    },
    rateLimitPer5s: Math.floor(positive('rateLimitPer5s', options.rateLimitPer5s ?? d.rateLimitPer5s)),
    maxBodyBytes: Math.floor(positive('maxBodyBytes', options.maxBodyBytes ?? d.maxBodyBytes)),
    maxMessages: Math.floor(positive('maxMessages', options.maxMessages ?? d.maxMessages)),
    callbackRetry: {
      retries: Math.floor(nonNegative('callbackRetry.retries', retry.retries)),
      baseDelayMs: nonNegative('callbackRetry.baseDelayMs', retry.baseDelayMs),
      maxDelayMs: nonNegative('callbackRetry.maxDelayMs', retry.maxDelayMs),
      timeoutMs: positive('callbackRetry.timeoutMs', retry.timeoutMs),
    },
    allowHosts: allowedHosts(options.allowHosts),
    chaos: chaosRules(options.chaos),
    inboundUrl: options.inboundUrl === undefined ? undefined : webhookUrl('inboundUrl', options.inboundUrl),
    seed: options.seed === undefined ? undefined : seedOption(options.seed),
    requestLogSize: Math.floor(nonNegative('requestLogSize', options.requestLogSize ?? d.requestLogSize)),
    log: options.log,
  };
}
