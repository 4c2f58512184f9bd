import { Agent, request } from 'undici';
import { Fifo } from './fifo';
import { signatureHeaders } from './signatures';
import { redactUrl } from './redact';
import type { CallbackAttempt, CallbackRetryPolicy } from './types';

export type { CallbackAttempt } from './types';

/** One status callback to deliver. */
export interface CallbackJob {
  authId: string;
  url: string;
  method: 'GET' | 'POST';
  params: Record<string, string>;
  /** Attempts made so far. */
  attempts: number;
}

const CONCURRENCY = 8;
const MAX_PENDING = 10_000;
const ATTEMPT_LOG_SIZE = 1000;

/** Sends signed status callbacks in the background with bounded retries; never blocks the API. */
export class CallbackDispatcher {
  private readonly queue = new Fifo<CallbackJob>();
  private readonly retryTimers = new Set<NodeJS.Timeout>();
  private readonly agent = new Agent({ connections: CONCURRENCY, keepAliveTimeout: 4000 });
  private readonly log: CallbackAttempt[] = [];
  private active = 0;
  private closed = false;
  /** Callbacks dropped because too many were waiting. */
  dropped = 0;

  constructor(
    private readonly policy: CallbackRetryPolicy,
    private readonly tokenFor: (authId: string) => string | undefined,
    /** Told of every attempt, so the message's inbox entry can show it. */
    private readonly onAttempt: (attempt: CallbackAttempt) => void = () => undefined,
  ) {}

  enqueue(job: CallbackJob): void {
    if (this.closed) return;
    if (this.queue.length >= MAX_PENDING) {
      this.queue.shift();
      this.dropped++;
    }
    this.queue.push(job);
    this.pump();
  }

  attempts(): CallbackAttempt[] {
    return this.log.map((a) => ({ ...a }));
  }

  /** Forgets waiting callbacks, scheduled retries and the attempt log. */
  clear(): void {
    this.queue.clear();
    for (const timer of this.retryTimers) clearTimeout(timer);
    this.retryTimers.clear();
    this.log.length = 0;
    this.dropped = 0;
  }

  /** Stops sending; in-flight attempts get a moment to finish, then are cut. */
  async close(): Promise<void> {
    this.closed = true;
    this.clear();
    const graceful = this.agent.close();
    const timeout = new Promise<'timeout'>((resolve) => setTimeout(resolve, 1000, 'timeout').unref());
    if ((await Promise.race([graceful.then(() => 'closed' as const), timeout])) === 'timeout') {
      await this.agent.destroy().catch(() => undefined);
    }
  }

  private pump(): void {
    while (!this.closed && this.active < CONCURRENCY && this.queue.length > 0) {
      const job = this.queue.shift() as CallbackJob;
      this.active++;
      void this.attempt(job).finally(() => {
        this.active--;
        this.pump();
      });
    }
  }

  private async attempt(job: CallbackJob): Promise<void> {
    const token = this.tokenFor(job.authId);
    if (token === undefined) return;
    job.attempts++;
    let responseStatus = 0;
    let error: string | undefined;
    try {
      responseStatus = await this.send(job, token);
      if (responseStatus < 200 || responseStatus >= 300) error = `HTTP ${responseStatus}`;
    } catch (err) {
      error = err instanceof Error ? err.message : String(err);
    }
    if (this.closed) return;
    const willRetry = error !== undefined && job.attempts <= this.policy.retries;
    this.record(job, responseStatus, error, willRetry);
    if (willRetry) this.scheduleRetry(job);
  }

  private async send(job: CallbackJob, token: string): Promise<number> {
    const headers = signatureHeaders(token, job.method, job.url, job.params);
    let target = job.url;
    let body: string | undefined;
    if (job.method === 'POST') {
      body = new URLSearchParams(job.params).toString();
      headers['content-type'] = 'application/x-www-form-urlencoded';
    } else {
      const url = new URL(job.url);
      for (const [key, value] of Object.entries(job.params)) url.searchParams.append(key, value);
      target = url.toString();
    }
    headers['user-agent'] = 'PlivoSandbox';
    const response = await request(target, {
      method: job.method,
      headers,
      body,
      dispatcher: this.agent,
      signal: AbortSignal.timeout(this.policy.timeoutMs),
    });
    await response.body.dump();
    return response.statusCode;
  }

  private scheduleRetry(job: CallbackJob): void {
    const delay = Math.min(this.policy.baseDelayMs * 2 ** (job.attempts - 1), this.policy.maxDelayMs);
    const timer = setTimeout(() => {
      this.retryTimers.delete(timer);
      this.enqueue(job);
    }, delay);
    timer.unref();
    this.retryTimers.add(timer);
  }

  private record(job: CallbackJob, responseStatus: number, error: string | undefined, willRetry: boolean): void {
    if (this.log.length >= ATTEMPT_LOG_SIZE) this.log.shift();
    const entry: CallbackAttempt = {
      time: new Date().toISOString(),
      messageUuid: job.params.MessageUUID ?? '',
      // An inbound-message webhook has no Status.
      messageStatus: job.params.Status ?? 'inbound',
      url: redactUrl(job.url),
      method: job.method,
      attempt: job.attempts,
      responseStatus,
      error,
      willRetry,
    };
    this.log.push(entry);
    this.onAttempt(entry);
  }
}
