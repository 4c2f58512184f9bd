import type { DeliveryOutcome } from './magicNumbers';
import type { MessageState } from './types';

/** A message as the sandbox keeps it (the text itself is not kept: no route returns it). */
export interface StoredMessage {
  uuid: string;
  authId: string;
  /** Sender digits or alphanumeric id, without `+`. */
  from: string;
  /** Destination digits without `+`. */
  to: string;
  type: 'sms' | 'mms';
  units: number;
  country: string | undefined;
  powerpackId: string | null;
  state: MessageState;
  errorCode: string | null;
  queuedAt: number;
  sentAt: number | undefined;
  updatedAt: number;
  expiresAt: number;
  callbackUrl: string | undefined;
  callbackMethod: 'GET' | 'POST';
  outcome: DeliveryOutcome;
  /** Callbacks sent so far for this message (the `Sequence` of the next one is this + 1). */
  callbackCount: number;
  /** Set when the store dropped the message to stay within its size. */
  evicted: boolean;
}

/** Bounded in-memory message store: a ring in creation order plus a uuid index; the oldest is evicted. */
export class MessageStore {
  private ring: StoredMessage[] = [];
  private start = 0;
  private readonly byUuid = new Map<string, StoredMessage>();

  /** `onEvict` runs after each eviction, so queues holding the message can let go of it. */
  constructor(
    private readonly capacity: number,
    private readonly onEvict: () => void = () => undefined,
  ) {}

  get size(): number {
    return this.ring.length;
  }

  add(message: StoredMessage): void {
    if (this.ring.length < this.capacity) {
      this.ring.push(message);
    } else {
      const oldest = this.ring[this.start];
      oldest.evicted = true;
      this.byUuid.delete(oldest.uuid);
      this.ring[this.start] = message;
      this.start = (this.start + 1) % this.capacity;
      this.onEvict();
    }
    this.byUuid.set(message.uuid, message);
  }

  get(uuid: string): StoredMessage | undefined {
    return this.byUuid.get(uuid);
  }

  /** Messages from newest to oldest. */
  *newestFirst(): Generator<StoredMessage> {
    const n = this.ring.length;
    for (let i = n - 1; i >= 0; i--) yield this.ring[(this.start + i) % n];
  }

  clear(): void {
    for (const message of this.ring) message.evicted = true;
    this.ring = [];
    this.start = 0;
    this.byUuid.clear();
    this.onEvict();
  }
}
