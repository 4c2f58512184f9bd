import { Fifo } from './fifo';
import type { StoredMessage } from './messageStore';
import type { DeliveryTimings, MessageState } from './types';

const MIN_TICK_MS = 5;
// Work per timer tick is capped so a large backlog never stalls the API for long.
const MAX_STEPS_PER_TICK = 5000;

/**
 * Moves messages queued → sent → delivered/undelivered (or queued → failed), dequeuing at a fixed
 * messages-per-second rate with one timer for everything. Each queue is in creation order, so
 * messages the store evicted always sit at the front and are dropped there.
 */
export class DeliverySimulator {
  private readonly queued = new Fifo<StoredMessage>();
  /** Sent messages waiting for their receipt, one queue per receipt delay (each then stays in time order). */
  private readonly awaiting = new Map<number, Fifo<StoredMessage>>();
  private timer: NodeJS.Timeout | undefined;
  private wakeAt = Infinity;
  private tokens = 1;
  private lastRefill = Date.now();

  constructor(
    private readonly messagesPerSecond: number,
    private readonly timings: DeliveryTimings,
    /** Called after every state change. */
    private readonly onChange: (message: StoredMessage) => void,
  ) {}

  /** Takes a freshly created (queued) message. */
  enqueue(message: StoredMessage): void {
    this.queued.push(message);
    this.wake(message.queuedAt + this.timings.sentAfterMs);
  }

  /** Messages waiting to be dequeued or for a receipt. */
  get pending(): number {
    let count = this.queued.length;
    for (const fifo of this.awaiting.values()) count += fifo.length;
    return count;
  }

  /** Lets go of messages the store has evicted. */
  dropEvicted(): void {
    // Runs once per eviction (a thousand times per full bulk send): no allocation here.
    while (this.queued.peek()?.evicted) this.queued.shift();
    for (const fifo of this.awaiting.values()) while (fifo.peek()?.evicted) fifo.shift();
  }

  /** Stops the timer and forgets everything in flight. */
  clear(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.wakeAt = Infinity;
    this.queued.clear();
    this.awaiting.clear();
  }

  private wake(at: number): void {
    if (at >= this.wakeAt) return;
    if (this.timer) clearTimeout(this.timer);
    this.wakeAt = at;
    this.timer = setTimeout(() => this.tick(), Math.max(0, at - Date.now()));
    // The sandbox's own server keeps the process alive; this timer alone must not.
    this.timer.unref();
  }

  private tick(): void {
    this.timer = undefined;
    this.wakeAt = Infinity;
    const now = Date.now();
    this.refill(now);
    this.dequeue(now);
    for (const [delay, fifo] of this.awaiting) this.receipts(fifo, delay, now);
    this.scheduleNext(now);
  }

  private refill(now: number): void {
    const cap = Math.max(1, (this.messagesPerSecond * 100) / 1000);
    this.tokens = Math.min(cap, this.tokens + ((now - this.lastRefill) * this.messagesPerSecond) / 1000);
    this.lastRefill = now;
  }

  private dequeue(now: number): void {
    for (let steps = 0; steps < MAX_STEPS_PER_TICK && this.tokens >= 1; steps++) {
      const message = this.queued.peek();
      if (!message || message.queuedAt + this.timings.sentAfterMs > now) return;
      this.queued.shift();
      // Evicted, or already moved by hand from the inbox.
      if (message.evicted || message.state !== 'queued') continue;
      this.tokens -= 1;
      const outcome = message.outcome;
      if (now >= message.expiresAt) this.change(message, 'failed', '420', now);
      else if (outcome.kind === 'fail') this.change(message, 'failed', outcome.errorCode, now);
      else {
        message.sentAt = now;
        this.change(message, 'sent', null, now);
        if (outcome.kind === 'slow') this.awaitReceipt(message, outcome.afterMs ?? this.timings.slowDeliveredAfterMs);
        else if (outcome.kind !== 'staySent') this.awaitReceipt(message, this.timings.deliveredAfterMs);
      }
    }
  }

  private awaitReceipt(message: StoredMessage, delay: number): void {
    let fifo = this.awaiting.get(delay);
    if (!fifo) this.awaiting.set(delay, (fifo = new Fifo<StoredMessage>()));
    fifo.push(message);
  }

  private receipts(fifo: Fifo<StoredMessage>, delay: number, now: number): void {
    for (let steps = 0; steps < MAX_STEPS_PER_TICK; steps++) {
      const message = fifo.peek();
      if (!message || (message.sentAt as number) + delay > now) return;
      fifo.shift();
      if (message.evicted || message.state !== 'sent') continue;
      if (message.outcome.kind === 'undeliver') this.change(message, 'undelivered', message.outcome.errorCode, now);
      else this.change(message, 'delivered', '000', now);
    }
  }

  private change(message: StoredMessage, state: MessageState, errorCode: string | null, now: number): void {
    message.state = state;
    message.errorCode = errorCode;
    message.updatedAt = now;
    this.onChange(message);
  }

  private scheduleNext(now: number): void {
    let at = Infinity;
    const head = this.queued.peek();
    if (head) {
      const ready = head.queuedAt + this.timings.sentAfterMs;
      const tokenReady = now + ((1 - Math.min(1, this.tokens)) * 1000) / this.messagesPerSecond;
      at = Math.max(ready, tokenReady, now + MIN_TICK_MS);
    }
    for (const [delay, fifo] of this.awaiting) {
      const receipt = fifo.peek();
      if (receipt) at = Math.min(at, (receipt.sentAt as number) + delay);
    }
    if (at !== Infinity) this.wake(Math.max(at, now + 1));
  }
}
