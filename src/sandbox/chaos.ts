import { randomInt } from 'node:crypto';
import type { ChaosConfig, ChaosDeliveryEffect, ChaosRequestEffect, ChaosRoute, ChaosRule, ChaosSnapshot } from './types';
import { DELIVERY_EFFECTS } from './chaosRules';
import { storedNumber } from './inboxQuery';
import type { DeliveryOutcome } from './magicNumbers';

/** A deterministic number in [0, 1) for a text (FNV-1a, then murmur3's finaliser to spread the bits). */
function unitHash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return (h >>> 0) / 2 ** 32;
}

interface CompiledRule {
  rule: ChaosRule;
  label: string;
  delivery: boolean;
  matchesNumber: ((digits: string) => boolean) | undefined;
}

/** What the request effects decided for one request. */
export interface RequestChaos {
  latencyMs: number;
  /** The effect that ends the request (answered, cut or left hanging), if any. */
  stop?: Exclude<ChaosRequestEffect, { kind: 'latency' | 'truncated-body' }>;
  truncate: boolean;
  rules: string[];
}

/** A chaos-chosen outcome for one message. */
export interface MessageChaos {
  outcome: DeliveryOutcome;
  rule: string;
}

/**
 * Applies the loaded chaos rules. Every draw is a hash of (seed, rule, what it is about, how many
 * times that rule has met it): the same requests give the same outcomes, and for messages the draw
 * depends on the number and its own history, not on how concurrent sends interleave.
 */
export class ChaosEngine {
  private seed = randomInt(2 ** 31);
  private rules: CompiledRule[] = [];
  private fired: number[] = [];
  private readonly seen = new Map<string, number>();

  constructor(private readonly defaultSeed?: number) {
    if (defaultSeed !== undefined) this.seed = defaultSeed;
  }

  get active(): boolean {
    return this.rules.length > 0;
  }

  /** Replaces the rules; counters start again. */
  load(config: ChaosConfig): void {
    this.seed = config.seed ?? this.defaultSeed ?? randomInt(2 ** 31);
    this.rules = config.rules.map((rule, i) => ({
      rule,
      label: rule.name ?? `rule ${i + 1}`,
      delivery: (DELIVERY_EFFECTS as readonly string[]).includes(rule.effect.kind),
      matchesNumber: numberMatcher(rule),
    }));
    this.restart();
  }

  /** Counters start again: after a reset the same requests meet the same draws. */
  restart(): void {
    this.seen.clear();
    this.fired = this.rules.map(() => 0);
  }

  snapshot(): ChaosSnapshot {
    return { seed: this.seed, rules: this.rules.map((r) => r.rule), fired: [...this.fired] };
  }

  /** The request effects for one API request; `destinations` is read only when a rule needs it. */
  forRequest(route: Exclude<ChaosRoute, 'any'>, method: string, destinations: () => string[]): RequestChaos {
    const result: RequestChaos = { latencyMs: 0, truncate: false, rules: [] };
    this.rules.forEach((compiled, index) => {
      const { rule } = compiled;
      if (compiled.delivery || result.stop) return;
      if (rule.route !== undefined && rule.route !== 'any' && rule.route !== route) return;
      if (rule.method !== undefined && rule.method !== method) return;
      const matchesNumber = compiled.matchesNumber;
      if (matchesNumber && !destinations().some((d) => matchesNumber(d))) return;
      const key = `r${index}|${route}`;
      if (!this.roll(key, rule.probability)) return;
      this.fired[index]++;
      result.rules.push(compiled.label);
      const effect = rule.effect as ChaosRequestEffect;
      if (effect.kind === 'latency') result.latencyMs += effect.ms + Math.floor(this.draw(`${key}|jitter`, this.count(key)) * (effect.jitterMs ?? 0));
      else if (effect.kind === 'truncated-body') result.truncate = true;
      else result.stop = effect;
    });
    return result;
  }

  /** The outcome chosen for a message to these digits, when a delivery rule takes it. */
  forMessage(digits: string): MessageChaos | undefined {
    for (let index = 0; index < this.rules.length; index++) {
      const compiled = this.rules[index];
      if (!compiled.delivery || (compiled.matchesNumber && !compiled.matchesNumber(digits))) continue;
      if (!this.roll(`m${index}|${digits}`, compiled.rule.probability)) continue;
      this.fired[index]++;
      return { outcome: deliveryOutcome(compiled.rule.effect as ChaosDeliveryEffect), rule: compiled.label };
    }
    return undefined;
  }

  private count(key: string): number {
    return this.seen.get(key) ?? 0;
  }

  private draw(key: string, n: number): number {
    return unitHash(`${this.seed}|${key}|${n}`);
  }

  /** Counts this meeting and decides it. */
  private roll(key: string, probability = 1): boolean {
    const n = this.count(key) + 1;
    this.seen.set(key, n);
    return probability >= 1 || this.draw(key, n) < probability;
  }
}

function numberMatcher(rule: ChaosRule): ((digits: string) => boolean) | undefined {
  const prefix = rule.to === undefined ? undefined : storedNumber(rule.to);
  const pattern = rule.toPattern === undefined ? undefined : new RegExp(rule.toPattern);
  if (prefix === undefined && pattern === undefined) return undefined;
  return (digits) => (prefix === undefined || digits.startsWith(prefix)) && (pattern === undefined || pattern.test(digits));
}

function deliveryOutcome(effect: ChaosDeliveryEffect): DeliveryOutcome {
  switch (effect.kind) {
    case 'outcome':
      return effect.state === 'failed' ? { kind: 'fail', errorCode: effect.errorCode } : { kind: 'undeliver', errorCode: effect.errorCode };
    case 'blackhole':
      return { kind: 'staySent' };
    case 'slow-receipt':
      return { kind: 'slow', afterMs: effect.ms };
  }
}
