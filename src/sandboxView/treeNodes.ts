// The Sandbox view's rows as plain data: label, description, tooltip lines, icon and context value.
// No vscode import, so the wording is unit-tested.
import { describeErrorCode } from '../core/errorCodes';
import type { InboxMessage } from '../sandbox/inboxTypes';
import type { PhoneEntry } from './inboxModel';

export interface MessageNode {
  kind: 'message';
  uuid: string;
  entry: PhoneEntry;
}

export interface DetailNode {
  kind: 'detail';
  id: string;
  label: string;
  description?: string;
  icon?: string;
}

export interface MoreNode {
  kind: 'more';
  entry?: PhoneEntry;
  label: string;
}

export type SandboxNode = PhoneEntry | MessageNode | DetailNode | MoreNode;

const time = (iso: string): string => iso.slice(11, 19);

/** `+14155551111` for digits, an alphanumeric sender id as it is. */
export function shownNumber(stored: string): string {
  return /^\d+$/.test(stored) ? `+${stored}` : stored;
}

export function stateText(m: InboxMessage): string {
  if (m.errorCode && m.errorCode !== '000') return `${m.state} · error ${describeErrorCode(m.errorCode)}`;
  return m.state;
}

export function phoneDescription(entry: PhoneEntry): string {
  const count = entry.phone.messages === 1 ? '1 message' : `${entry.phone.messages.toLocaleString('en-US')} messages`;
  return `${count} · ${entry.phone.lastText.replace(/\s+/g, ' ').slice(0, 60)}`;
}

export function messageLabel(m: InboxMessage): string {
  const text = m.text.replace(/\s+/g, ' ').trim() || (m.type === 'mms' ? '(MMS without text)' : '(empty)');
  const arrow = m.direction === 'inbound' ? '← ' : '';
  return arrow + (text.length > 80 ? `${text.slice(0, 79)}…` : text);
}

export function messageDescription(m: InboxMessage): string {
  const parts = `${m.parts} ${m.parts === 1 ? 'part' : 'parts'}${m.encoding ? ` ${m.encoding}` : ''}`;
  const who = m.direction === 'inbound' ? `to ${shownNumber(m.to)}` : `from ${shownNumber(m.from)}`;
  return `${stateText(m)} · ${parts} · ${who} · ${time(m.time)}`;
}

/** Codicon of a state. */
export function stateIcon(state: InboxMessage['state']): { id: string; color?: string } {
  switch (state) {
    case 'delivered':
      return { id: 'pass', color: 'testing.iconPassed' };
    case 'failed':
    case 'undelivered':
      return { id: 'error', color: 'testing.iconFailed' };
    case 'received':
      return { id: 'reply' };
    case 'sent':
      return { id: 'arrow-right' };
    default:
      return { id: 'clock' };
  }
}

/** `sandboxMessage:queued` etc. — the actions menus read it. */
export function messageContext(m: InboxMessage): string {
  return `sandboxMessage:${m.direction === 'inbound' ? 'inbound' : m.state}`;
}

/** The rows under a message: its text, parts, sender, each state with its time, each callback attempt. */
export function messageDetails(m: InboxMessage): DetailNode[] {
  const rows: DetailNode[] = [
    { kind: 'detail', id: `${m.uuid}:text`, label: m.text || '(no text)', description: 'text', icon: 'comment' },
    { kind: 'detail', id: `${m.uuid}:parts`, label: `${m.parts} ${m.parts === 1 ? 'part' : 'parts'}${m.encoding ? `, ${m.encoding}` : ''}`, description: m.type.toUpperCase(), icon: 'symbol-ruler' },
    { kind: 'detail', id: `${m.uuid}:from`, label: `${shownNumber(m.from)} → ${shownNumber(m.to)}`, description: m.uuid, icon: 'person' },
  ];
  m.timeline.forEach((change, i) => {
    const code = change.errorCode && change.errorCode !== '000' ? ` · error ${describeErrorCode(change.errorCode)}` : '';
    rows.push({ kind: 'detail', id: `${m.uuid}:t${i}`, label: `${change.state}${code}`, description: `${time(change.at)}${change.by ? ` · ${change.by}` : ''}`, icon: stateIcon(change.state).id });
  });
  if (m.callbacks.length === 0 && m.callbackUrl) rows.push({ kind: 'detail', id: `${m.uuid}:cb`, label: 'no callback attempt yet', description: m.callbackUrl, icon: 'globe' });
  m.callbacks.forEach((c, i) => {
    const outcome = c.error ? `failed: ${c.error}` : `HTTP ${c.responseStatus}`;
    rows.push({ kind: 'detail', id: `${m.uuid}:c${i}`, label: `callback ${c.status} #${c.attempt}: ${outcome}`, description: `${time(c.at)}${m.callbackUrl ? ` · ${m.callbackUrl}` : ''}`, icon: c.error ? 'warning' : 'globe' });
  });
  return rows;
}
