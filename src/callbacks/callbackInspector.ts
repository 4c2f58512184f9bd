// The callback inspector's state: every received callback, matched to its send, verified with the
// token of that send's profile, fed into the sends history, and forwarded when a target is set.
// Free of `vscode`: the history and the token come in as small interfaces, so it is tested as is.
import { unverified, verifyCallback } from '../core/signatures/verifyCallback';
import type { DestinationUpdate } from '../sends/historySchema';
import type { SendRecord } from '../sends/sendRecord';
import { toDeliveryState } from '../sends/status/messageLookup';
import { confirmPairing } from '../sends/status/uuidPairing';
import type { ReceivedRequest } from './callbackReceiver';
import type { CallbackForwarder } from './forwardCallback';
import { type InspectedCallback, inspect } from './inspectedCallback';
import { deliveryUpdate } from './deliveryUpdate';

/** The part of SendHistory the inspector needs. */
export interface InspectedHistory {
  list(): readonly SendRecord[];
  get(id: string): SendRecord | undefined;
  applyDestinationUpdates(sendId: string, updates: ReadonlyMap<string, DestinationUpdate>): Promise<number>;
}

/** The token that checks (and re-signs) a callback of this send; never kept by the inspector. */
export interface TokenSource {
  /** `record` undefined: a callback for no send in the history (the active profile answers). */
  tokenFor(record: SendRecord | undefined): Promise<{ token?: string; label: string }>;
}

export interface InspectorOptions {
  history: InspectedHistory;
  tokens: TokenSource;
  forwarder: Pick<CallbackForwarder, 'forward'>;
  /** The public (tunnel) URL the user pasted, if any: the URL callbacks were signed for. */
  publicUrl?: () => string | undefined;
  /** Callbacks kept in memory, oldest dropped first (default 2,000). */
  maxCallbacks?: number;
  onError?: (message: string) => void;
}

export class CallbackInspector {
  private readonly callbacks: InspectedCallback[] = [];
  private readonly listeners = new Set<(callback: InspectedCallback | undefined) => void>();
  /** MessageUUID → send id, rebuilt when a UUID is not found in the send it points to. */
  private index = new Map<string, string>();
  private nextId = 1;
  private forwardTarget: string | undefined;
  /** Updates not yet written, per send: a burst of callbacks is one history write. */
  private readonly pending = new Map<string, Map<string, DestinationUpdate>>();
  private flushing: Promise<void> | undefined;
  /** Callbacks still being verified or applied: tests and the bench wait on them. */
  private work: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: InspectorOptions) {}

  /** Newest first. */
  list(): readonly InspectedCallback[] {
    return [...this.callbacks].reverse();
  }

  get(id: number): InspectedCallback | undefined {
    return this.callbacks.find((c) => c.id === id);
  }

  onDidChange(listener: (callback: InspectedCallback | undefined) => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  /** Where new callbacks are forwarded to, if anywhere. */
  get target(): string | undefined {
    return this.forwardTarget;
  }

  setForwardTarget(url: string | undefined): void {
    this.forwardTarget = url;
    this.changed(undefined);
  }

  clear(): void {
    this.callbacks.length = 0;
    this.changed(undefined);
  }

  /** Resolves once every callback received so far is verified, applied and forwarded. */
  settled(): Promise<void> {
    return this.work.then(() => this.flushing).then(() => undefined);
  }

  /** The receiver's handler. */
  receive(request: ReceivedRequest): void {
    const task = this.take(request).catch((error: unknown) => this.options.onError?.(`Callback inspector: ${error instanceof Error ? error.message : String(error)}`));
    this.work = Promise.all([this.work, task]).then(() => undefined);
  }

  private async take(request: ReceivedRequest): Promise<void> {
    const read = inspect(this.nextId++, request, this.options.publicUrl?.());
    const record = read.messageUuid ? this.sendOf(read.messageUuid) : undefined;
    // A token that cannot be read (the sandbox would not start) still shows the callback, unverified.
    const { token, label } = await this.options.tokens.tokenFor(record).catch((error: unknown) => ({ token: undefined, label: `the token could not be read: ${error instanceof Error ? error.message : String(error)}` }));
    const verification = token ? verifyCallback(token, read.request) : unverified(`no auth token to check it with (${label})`);
    const destination = record?.batches.flatMap((b) => b.destinations).find((d) => d.uuid === read.messageUuid);
    const callback: InspectedCallback = { ...read, sendId: record?.id, destination: destination?.number, checkedWith: label, verification, forwards: [] };
    this.callbacks.push(callback);
    const max = this.options.maxCallbacks ?? 2000;
    if (this.callbacks.length > max) this.callbacks.splice(0, this.callbacks.length - max);
    this.changed(callback);
    // Only a callback signed by the account moves the send on: a forged one is shown, not believed.
    if (record && verification.v3.ok) this.queueUpdate(record, callback);
    const target = this.forwardTarget;
    if (target && token) await this.forwardWith(callback, target, token);
  }

  /** Sends one callback to `target` again, re-signed; undefined when no token could be had. */
  async replay(callback: InspectedCallback, target: string): Promise<boolean> {
    const record = callback.sendId ? this.options.history.get(callback.sendId) : undefined;
    const { token } = await this.options.tokens.tokenFor(record);
    if (!token) return false;
    await this.forwardWith(callback, target, token);
    return true;
  }

  /** The callbacks of one send, oldest first (the order they arrived in, for a replay). */
  ofSend(sendId: string): InspectedCallback[] {
    return this.callbacks.filter((c) => c.sendId === sendId);
  }

  private async forwardWith(callback: InspectedCallback, target: string, token: string): Promise<void> {
    callback.forwards.push(await this.options.forwarder.forward(callback, target, token));
    this.changed(callback);
  }

  private sendOf(uuid: string): SendRecord | undefined {
    const holds = (record: SendRecord | undefined) => record?.batches.some((b) => b.destinations.some((d) => d.uuid === uuid)) ? record : undefined;
    const known = this.index.get(uuid);
    const found = known ? holds(this.options.history.get(known)) : undefined;
    if (found) return found;
    this.index = new Map();
    for (const record of this.options.history.list()) {
      for (const batch of record.batches) for (const d of batch.destinations) if (d.uuid) this.index.set(d.uuid, record.id);
    }
    const id = this.index.get(uuid);
    return id ? this.options.history.get(id) : undefined;
  }

  private queueUpdate(record: SendRecord, callback: InspectedCallback): void {
    const destination = record.batches.flatMap((b) => b.destinations).find((d) => d.uuid === callback.messageUuid);
    const update = destination ? deliveryUpdate(destination, callback, toDeliveryState) : undefined;
    if (!update) return;
    // The callback's To says whose UUID it is, as a status read's to_number does.
    confirmPairing(record, callback.messageUuid, callback.to);
    const updates = this.pending.get(record.id) ?? new Map<string, DestinationUpdate>();
    updates.set(callback.messageUuid, update);
    this.pending.set(record.id, updates);
    this.flushing ??= new Promise<void>((resolve) => setImmediate(resolve)).then(() => this.flush());
  }

  private async flush(): Promise<void> {
    const batches = [...this.pending.entries()];
    this.pending.clear();
    this.flushing = undefined;
    for (const [sendId, updates] of batches) await this.options.history.applyDestinationUpdates(sendId, updates);
  }

  private changed(callback: InspectedCallback | undefined): void {
    for (const listener of this.listeners) listener(callback);
  }
}
