import { FAILURE_ERROR_CODES } from '../core/errorCodes';
import type { ChaosConfig, ChaosEffect, ChaosRoute, ChaosRule } from './types';

export const CHAOS_ROUTES: readonly ChaosRoute[] = ['send', 'list', 'get', 'account', 'any'];
export const REQUEST_EFFECTS = ['latency', 'rate-limit', 'server-error', 'connection-reset', 'truncated-body', 'no-answer'] as const;
export const DELIVERY_EFFECTS = ['outcome', 'blackhole', 'slow-receipt'] as const;
const MAX_RULES = 100;
const MAX_MS = 120_000;
const MAX_SEED = 2 ** 32 - 1;

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Thrown with the place of the mistake, e.g. `rules[2].effect.errorCode: …`. */
class RuleError extends Error {}

function check(condition: boolean, where: string, message: string): void {
  if (!condition) throw new RuleError(`${where}: ${message}`);
}

function onlyKeys(value: Json, allowed: readonly string[], where: string): void {
  const extra = Object.keys(value).find((key) => !allowed.includes(key));
  check(extra === undefined, where, `unknown field "${extra}" (allowed: ${allowed.join(', ')})`);
}

function ms(value: unknown, where: string, optional: boolean): number | undefined {
  if (value === undefined && optional) return undefined;
  check(typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= MAX_MS, where, `must be a whole number of milliseconds from 0 to ${MAX_MS}`);
  return value as number;
}

function readEffect(value: unknown, where: string): ChaosEffect {
  check(isObject(value), where, 'must be an object with a "kind"');
  const e = value as Json;
  const kinds = [...REQUEST_EFFECTS, ...DELIVERY_EFFECTS] as readonly string[];
  check(typeof e.kind === 'string' && kinds.includes(e.kind), `${where}.kind`, `must be one of: ${kinds.join(', ')}`);
  switch (e.kind) {
    case 'latency':
      onlyKeys(e, ['kind', 'ms', 'jitterMs'], where);
      return { kind: 'latency', ms: ms(e.ms, `${where}.ms`, false) as number, jitterMs: ms(e.jitterMs, `${where}.jitterMs`, true) };
    case 'rate-limit': {
      onlyKeys(e, ['kind', 'retryAfterSeconds'], where);
      const s = e.retryAfterSeconds;
      check(s === undefined || (typeof s === 'number' && Number.isInteger(s) && s >= 0 && s <= 3600), `${where}.retryAfterSeconds`, 'must be a whole number from 0 to 3600');
      return { kind: 'rate-limit', retryAfterSeconds: s as number | undefined };
    }
    case 'server-error':
      onlyKeys(e, ['kind', 'status', 'format'], where);
      check(e.status === undefined || [500, 502, 503, 504].includes(e.status as number), `${where}.status`, 'must be 500, 502, 503 or 504');
      check(e.format === undefined || e.format === 'json' || e.format === 'html', `${where}.format`, 'must be "json" or "html"');
      return { kind: 'server-error', status: e.status as 500 | undefined, format: e.format as 'json' | undefined };
    case 'outcome':
      onlyKeys(e, ['kind', 'state', 'errorCode'], where);
      check(e.state === 'failed' || e.state === 'undelivered', `${where}.state`, 'must be "failed" or "undelivered"');
      check(typeof e.errorCode === 'string' && FAILURE_ERROR_CODES.includes(e.errorCode), `${where}.errorCode`, `must be one of Plivo's codes: ${FAILURE_ERROR_CODES.join(', ')}`);
      return { kind: 'outcome', state: e.state as 'failed', errorCode: e.errorCode as string };
    case 'slow-receipt':
      onlyKeys(e, ['kind', 'ms'], where);
      return { kind: 'slow-receipt', ms: ms(e.ms, `${where}.ms`, false) as number };
    default:
      onlyKeys(e, ['kind'], where);
      return { kind: e.kind } as ChaosEffect;
  }
}

function readRule(value: unknown, where: string): ChaosRule {
  check(isObject(value), where, 'must be an object');
  const r = value as Json;
  onlyKeys(r, ['name', 'route', 'method', 'to', 'toPattern', 'probability', 'effect'], where);
  check(r.name === undefined || typeof r.name === 'string', `${where}.name`, 'must be text');
  check(r.route === undefined || CHAOS_ROUTES.includes(r.route as ChaosRoute), `${where}.route`, `must be one of: ${CHAOS_ROUTES.join(', ')}`);
  check(r.method === undefined || r.method === 'GET' || r.method === 'POST', `${where}.method`, 'must be "GET" or "POST"');
  check(r.to === undefined || (typeof r.to === 'string' && /^[\d\s+()./-]+$/.test(r.to)), `${where}.to`, 'must be a number prefix such as "+1 201 555"');
  if (r.toPattern !== undefined) {
    check(typeof r.toPattern === 'string', `${where}.toPattern`, 'must be a regular expression as text');
    try {
      new RegExp(r.toPattern as string);
    } catch (err) {
      check(false, `${where}.toPattern`, (err as Error).message);
    }
  }
  const p = r.probability;
  check(p === undefined || (typeof p === 'number' && p >= 0 && p <= 1), `${where}.probability`, 'must be a number from 0 to 1');
  const effect = readEffect(r.effect, `${where}.effect`);
  if ((DELIVERY_EFFECTS as readonly string[]).includes(effect.kind)) {
    check(r.route === 'send', `${where}.route`, `a "${effect.kind}" effect acts on sent messages: set "route": "send"`);
  }
  const rule: ChaosRule = { effect };
  for (const key of ['name', 'route', 'method', 'to', 'toPattern', 'probability'] as const) if (r[key] !== undefined) (rule as unknown as Json)[key] = r[key];
  return rule;
}

/** Reads chaos rules (the file's JSON or the API body); an error text says where the mistake is. */
export function parseChaosConfig(value: unknown): ChaosConfig | string {
  try {
    check(isObject(value), 'chaos rules', 'must be a JSON object {"seed"?, "rules": [...]}');
    const c = value as Json;
    onlyKeys(c, ['$schema', 'seed', 'rules'], 'chaos rules');
    check(c.seed === undefined || (typeof c.seed === 'number' && Number.isInteger(c.seed) && c.seed >= 0 && c.seed <= MAX_SEED), 'seed', `must be a whole number from 0 to ${MAX_SEED}`);
    check(Array.isArray(c.rules), 'rules', 'must be a list of rules');
    const list = c.rules as unknown[];
    check(list.length <= MAX_RULES, 'rules', `at most ${MAX_RULES} rules`);
    return { seed: c.seed as number | undefined, rules: list.map((rule, i) => readRule(rule, `rules[${i}]`)) };
  } catch (err) {
    if (err instanceof RuleError) return err.message;
    throw err;
  }
}
