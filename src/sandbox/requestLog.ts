import type { RequestLogEntry, RequestLogSnapshot } from './types';

export type { RequestLogEntry, RequestLogSnapshot } from './types';

/** The parts of a recorded entry that are filled in once the response is known. */
export type LoggedRequest = Pick<RequestLogEntry, 'status' | 'fault'>;

// A 1,000-number bulk body is ~15 KB; with 200 entries the log stays within ~3 MB.
const BODY_CHARS = 16 * 1024;

/** An entry as kept: the time stays a number until someone reads the log. */
type StoredEntry = Omit<RequestLogEntry, 'time'> & { time: number };

/** Bounded log of API requests (control requests excluded) with per-route counts. */
export class RequestLog {
  private entries: StoredEntry[] = [];
  private next = 0;
  private counts = new Map<string, number>();
  private total = 0;
  private refused = new Map<string, number>();

  constructor(private readonly size: number) {}

  /** Records a request; the returned entry is updated in place when the response is known. */
  record(method: string, path: string, route: string, body: string): LoggedRequest {
    const entry: StoredEntry = {
      time: Date.now(),
      method,
      path,
      route,
      status: 0,
      body: body.length > BODY_CHARS ? `${body.slice(0, BODY_CHARS)}…[${body.length - BODY_CHARS} more characters]` : body,
    };
    this.total++;
    this.counts.set(route, (this.counts.get(route) ?? 0) + 1);
    if (this.size === 0) return entry;
    if (this.entries.length < this.size) this.entries.push(entry);
    else {
      this.entries[this.next] = entry;
      this.next = (this.next + 1) % this.size;
    }
    return entry;
  }

  /** Counts a request refused before auth (wrong Host, no or wrong credentials): nothing else is kept of it. */
  refuse(route: string): void {
    this.refused.set(route, (this.refused.get(route) ?? 0) + 1);
  }

  snapshot(): RequestLogSnapshot {
    const ordered = [...this.entries.slice(this.next), ...this.entries.slice(0, this.next)];
    return {
      total: this.total,
      counts: Object.fromEntries(this.counts),
      refused: Object.fromEntries(this.refused),
      entries: ordered.map((e) => ({ ...e, time: new Date(e.time).toISOString() })),
    };
  }

  clear(): void {
    this.entries = [];
    this.next = 0;
    this.counts.clear();
    this.refused.clear();
    this.total = 0;
  }
}
