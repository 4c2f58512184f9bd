// What the Sandbox view shows, as plain data: the loaded pages of phones and of each expanded
// phone's messages, kept current by the sandbox's events. No vscode import.
import type { InboxEvent, InboxMessage, InboxPhone } from '../sandbox/inboxTypes';
import type { SandboxApi } from './sandboxApi';

export const PHONES_PAGE = 200;
export const MESSAGES_PAGE = 50;

/** One phone row; the same object for as long as the phone is listed (tree refreshes by identity). */
export interface PhoneEntry {
  kind: 'phone';
  phone: InboxPhone;
  /** Loaded newest first; undefined until the phone is expanded. */
  messages: InboxMessage[] | undefined;
  totalMessages: number;
}

/** What changed: `undefined` = the phone list itself. */
export type ModelChange = PhoneEntry | undefined;

export class InboxModel {
  phones: PhoneEntry[] = [];
  totalPhones = 0;
  search = '';
  private readonly byPhone = new Map<string, PhoneEntry>();

  constructor(
    private readonly api: () => SandboxApi | undefined,
    private readonly changed: (change: ModelChange) => void,
  ) {}

  /** Loads the first page of phones again (after a search, a reconnection, a clear). */
  async reload(): Promise<void> {
    const api = this.api();
    this.phones = [];
    this.byPhone.clear();
    this.totalPhones = 0;
    if (api) {
      const page = await api.phones(this.search, 0, PHONES_PAGE);
      this.totalPhones = page.total;
      for (const phone of page.phones) this.addPhone(phone, 'end');
    }
    this.changed(undefined);
  }

  async morePhones(): Promise<void> {
    const api = this.api();
    if (!api) return;
    const page = await api.phones(this.search, this.phones.length, PHONES_PAGE);
    this.totalPhones = page.total;
    for (const phone of page.phones) if (!this.byPhone.has(phone.phone)) this.addPhone(phone, 'end');
    this.changed(undefined);
  }

  /** Loads (or extends) a phone's messages, newest first. */
  async loadMessages(entry: PhoneEntry, more = false): Promise<InboxMessage[]> {
    const api = this.api();
    if (!api) return [];
    const offset = more ? (entry.messages?.length ?? 0) : 0;
    const page = await api.messages(entry.phone.phone, offset, MESSAGES_PAGE);
    entry.totalMessages = page.total;
    const known = new Set((more ? entry.messages ?? [] : []).map((m) => m.uuid));
    entry.messages = [...(more ? entry.messages ?? [] : []), ...page.messages.filter((m) => !known.has(m.uuid))];
    if (more) this.changed(entry);
    return entry.messages;
  }

  /** Applies one event of the stream. */
  apply(event: InboxEvent): void {
    if (event.type === 'reset') {
      void this.reload();
      return;
    }
    if (event.type !== 'message') return;
    const message = event.message;
    let entry = this.byPhone.get(message.phone);
    const newPhone = !entry;
    if (!entry) {
      // A phone that a search hides stays hidden until the search changes.
      if (this.search !== '') return;
      const phone: InboxPhone = { phone: message.phone, messages: 0, lastAt: message.time, lastText: message.text, lastState: message.state };
      entry = this.addPhone(phone, 'start');
      this.totalPhones++;
      entry.messages = [];
      entry.totalMessages = 0;
    }
    const list = entry.messages;
    const index = list?.findIndex((m) => m.uuid === message.uuid) ?? -1;
    const isNew = list ? index < 0 : message.timeline.length <= 1;
    if (list && index >= 0) list[index] = message;
    else if (list) list.unshift(message);
    if (isNew) {
      entry.phone.messages++;
      entry.totalMessages++;
    }
    if (message.time >= entry.phone.lastAt) {
      entry.phone.lastAt = message.time;
      entry.phone.lastText = message.text;
      entry.phone.lastState = message.state;
    }
    // A phone with a new message moves to the top, as in a messaging app.
    if (newPhone) this.changed(undefined);
    else if (isNew && this.phones[0] !== entry) {
      this.phones.splice(this.phones.indexOf(entry), 1);
      this.phones.unshift(entry);
      this.changed(undefined);
    } else this.changed(this.phones.length <= PHONES_PAGE ? entry : undefined);
  }

  /** The message with this UUID, if loaded. */
  findMessage(uuid: string): InboxMessage | undefined {
    for (const entry of this.phones) {
      const found = entry.messages?.find((m) => m.uuid === uuid);
      if (found) return found;
    }
    return undefined;
  }

  private addPhone(phone: InboxPhone, where: 'start' | 'end'): PhoneEntry {
    const entry: PhoneEntry = { kind: 'phone', phone, messages: undefined, totalMessages: phone.messages };
    this.byPhone.set(phone.phone, entry);
    if (where === 'start') this.phones.unshift(entry);
    else this.phones.push(entry);
    return entry;
  }
}
