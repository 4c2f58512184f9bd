import type { FaultKind, FaultSpec } from './types';

export type { FaultKind, FaultSpec } from './types';

/** The failures the sandbox can be told to produce. */
export const FAULT_KINDS = [
  'latency',
  'rate-limit',
  'server-error',
  'unavailable-html',
  'truncated-json',
  'connection-reset',
  'no-response',
] as const satisfies readonly FaultKind[];

/** A queued fault with its remaining uses and the matching requests it still lets through. */
export interface PendingFault extends FaultSpec {
  remaining: number;
  toSkip: number;
}

const MAX_PENDING = 100;
const MAX_LATENCY_MS = 120_000;

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function optionalNumber(body: Record<string, unknown>, key: string, min: number, max: number): number | undefined | string {
  const value = body[key];
  if (value === undefined) return undefined;
  const n = typeof value === 'string' ? Number(value) : value;
  if (typeof n !== 'number' || !Number.isInteger(n) || n < min || n > max) return `${key} must be an integer from ${min} to ${max}`;
  return n;
}

/** Reads a fault spec from a control-API body; returns an error text when it is not one. */
export function parseFaultSpec(body: unknown): FaultSpec | string {
  if (!isRecord(body)) return 'expected a JSON object';
  const kind = body.kind;
  if (typeof kind !== 'string' || !(FAULT_KINDS as readonly string[]).includes(kind)) {
    return `kind must be one of: ${FAULT_KINDS.join(', ')}`;
  }
  const count = optionalNumber(body, 'count', 1, 10_000);
  const latencyMs = optionalNumber(body, 'latencyMs', 0, MAX_LATENCY_MS);
  const retryAfterSeconds = optionalNumber(body, 'retryAfterSeconds', 0, 3600);
  const skip = optionalNumber(body, 'skip', 0, 100_000);
  for (const v of [count, latencyMs, retryAfterSeconds, skip]) if (typeof v === 'string') return v;
  for (const key of ['method', 'path']) {
    if (body[key] !== undefined && typeof body[key] !== 'string') return `${key} must be a string`;
  }
  return {
    kind: kind as FaultKind,
    count: count as number | undefined,
    method: body.method as string | undefined,
    path: body.path as string | undefined,
    latencyMs: latencyMs as number | undefined,
    retryAfterSeconds: retryAfterSeconds as number | undefined,
    skip: skip as number | undefined,
  };
}

/** Faults waiting for requests, first queued first used. */
export class FaultQueue {
  private pending: PendingFault[] = [];

  add(spec: FaultSpec): void {
    if (this.pending.length >= MAX_PENDING) throw new Error(`At most ${MAX_PENDING} faults can wait at once.`);
    this.pending.push({ ...spec, remaining: spec.count ?? 1, toSkip: spec.skip ?? 0 });
  }

  /** The fault for this request, if one matches (uses it up). */
  take(method: string, path: string): FaultSpec | undefined {
    const matches = (f: PendingFault) => (!f.method || f.method.toUpperCase() === method) && (!f.path || path.includes(f.path));
    // A fault still letting requests through counts this one and stays queued; another may take it.
    let index = -1;
    this.pending.forEach((f, i) => {
      if (!matches(f)) return;
      if (f.toSkip > 0) f.toSkip--;
      else if (index < 0) index = i;
    });
    if (index < 0) return undefined;
    const fault = this.pending[index];
    fault.remaining--;
    if (fault.remaining <= 0) this.pending.splice(index, 1);
    return fault;
  }

  list(): PendingFault[] {
    return this.pending.map((f) => ({ ...f }));
  }

  clear(): void {
    this.pending = [];
  }
}
