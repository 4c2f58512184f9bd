import type { ServerResponse } from 'node:http';
import { inboxMessage } from './inboxView';
import type { InboxEvent } from './inboxTypes';
import type { StoredMessage } from './messageStore';

const HEARTBEAT_MS = 15_000;
// Events are written in batches this often: one socket write per 10 ms instead of one per request
// keeps the API's throughput with a client attached (the event-stream bench row), at 10 ms of delay.
const FLUSH_MS = 10;
// A client this far behind (a paused debugger, a stuck view) is cut; it reconnects and reloads.
const MAX_BUFFERED_BYTES = 16 * 1024 * 1024;

/**
 * The server-sent event stream of `/__sandbox/events`. Changes are coalesced per `FLUSH_MS`:
 * a message that changed several times is sent once with its latest state, and each client gets
 * one write per batch, so a 1,000-number send costs one serialisation per message, not per client.
 * With no client attached nothing is kept at all.
 */
export class EventHub {
  private readonly clients = new Set<ServerResponse>();
  // Keyed by the object, not its UUID: no string hashing per change, and insertion order is kept.
  private readonly changed = new Set<StoredMessage>();
  private readonly other: InboxEvent[] = [];
  private scheduled = false;
  private heartbeat: NodeJS.Timeout | undefined;
  private nextId = 1;

  get clientCount(): number {
    return this.clients.size;
  }

  /** A message was added or changed. */
  messageChanged(message: StoredMessage): void {
    if (this.clients.size === 0) return;
    this.changed.add(message);
    this.schedule();
  }

  /** Any other event (reset, chaos rules replaced). */
  publish(event: InboxEvent): void {
    if (this.clients.size === 0) return;
    // A reset makes earlier message changes moot.
    if (event.type === 'reset') this.changed.clear();
    this.other.push(event);
    this.schedule();
  }

  /** Answers the request with the stream and keeps it open until the client leaves. */
  attach(res: ServerResponse): void {
    res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-store', 'x-accel-buffering': 'no' });
    res.write('retry: 1000\n: connected\n\n');
    this.clients.add(res);
    res.on('close', () => {
      this.clients.delete(res);
      if (this.clients.size === 0) this.stopHeartbeat();
    });
    this.heartbeat ??= setInterval(() => this.write(': keep-alive\n\n'), HEARTBEAT_MS).unref();
  }

  /** Ends every stream (server closing). */
  close(): void {
    for (const res of this.clients) res.end();
    this.clients.clear();
    this.changed.clear();
    this.other.length = 0;
    this.stopHeartbeat();
  }

  private stopHeartbeat(): void {
    if (this.heartbeat) clearInterval(this.heartbeat);
    this.heartbeat = undefined;
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setTimeout(() => this.flush(), FLUSH_MS);
  }

  private flush(): void {
    this.scheduled = false;
    let text = '';
    for (const event of this.other) text += this.frame(event.type, event);
    this.other.length = 0;
    for (const message of this.changed) {
      if (!message.evicted) text += this.frame('message', { type: 'message', message: inboxMessage(message) });
    }
    this.changed.clear();
    if (text !== '') this.write(text);
  }

  private frame(type: string, data: unknown): string {
    return `id: ${this.nextId++}\nevent: ${type}\ndata: ${JSON.stringify(data)}\n\n`;
  }

  private write(text: string): void {
    for (const res of this.clients) {
      if (res.writableLength > MAX_BUFFERED_BYTES) res.destroy();
      else res.write(text);
    }
  }
}
