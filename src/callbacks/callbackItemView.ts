// What the Callbacks view shows for one callback, as plain data (callbacksTree.ts makes TreeItems).
import type { SignatureCheck } from '../core/signatures/verifyCallback';
import { describeErrorCode, isErrorCode } from '../core/errorCodes';
import type { InspectedCallback } from './inspectedCallback';

export interface DetailRow {
  key: string;
  label: string;
  description: string;
  tooltip?: string;
  /** The row reveals the destination in the Sends view when clicked. */
  reveals?: true;
}

export interface CallbackView {
  label: string;
  description: string;
  tooltip: string;
  icon: { id: string; color?: string };
}

/** "✓" or "✗ why". */
export function verdict(check: SignatureCheck): string {
  return check.ok ? '✓' : `✗ ${check.reason ?? ''}`.trim();
}

function time(iso: string): string {
  const date = new Date(iso);
  return `${date.toLocaleTimeString('en-GB', { hour12: false })}.${String(date.getMilliseconds()).padStart(3, '0')}`;
}

function icon(callback: InspectedCallback): CallbackView['icon'] {
  if (!callback.verification.v2.ok || !callback.verification.v3.ok) return { id: 'shield', color: 'errorForeground' };
  switch (callback.status) {
    case 'delivered':
    case 'read':
      return { id: 'pass', color: 'testing.iconPassed' };
    case 'failed':
    case 'undelivered':
    case 'rejected':
      return { id: 'error', color: 'errorForeground' };
    default:
      return { id: 'clock' };
  }
}

export function describeCallback(callback: InspectedCallback): CallbackView {
  const { v2, v3 } = callback.verification;
  const who = callback.destination ?? (callback.to ? `+${callback.to.replace(/^\+/, '')}` : callback.messageUuid || 'no MessageUUID');
  const signatures = `V2 ${v2.ok ? '✓' : '✗'} V3 ${v3.ok ? '✓' : '✗'}`;
  return {
    label: `${callback.status || '(no Status)'} · ${who}`,
    description: `${time(callback.receivedAt)} · ${signatures}`,
    tooltip: [`${callback.request.method} ${callback.request.url}`, `received ${callback.receivedAt}`, `V2 ${verdict(v2)}`, `V3 ${verdict(v3)}`].join('\n\n'),
    icon: icon(callback),
  };
}

/** The rows under a callback: its fields, the signatures' verdicts, its forwards. */
export function detailRows(callback: InspectedCallback): DetailRow[] {
  const rows: DetailRow[] = [];
  const target = callback.destination ? `→ ${callback.destination}` : callback.sendId ? '' : '(no send in the history)';
  rows.push({ key: 'uuid', label: 'MessageUUID', description: `${callback.messageUuid || '—'} ${target}`.trim(), reveals: callback.sendId ? true : undefined, tooltip: callback.sendId ? 'Click to reveal it in the Sends view' : undefined });
  const sequence = callback.params.Sequence ? ` (callback ${callback.params.Sequence})` : '';
  rows.push({ key: 'status', label: 'Status', description: `${callback.status || '—'}${sequence}` });
  if (isErrorCode(callback.errorCode)) rows.push({ key: 'error', label: 'ErrorCode', description: describeErrorCode(callback.errorCode) });
  rows.push({ key: 'units', label: 'Units', description: `${callback.units || '—'} · Amount ${callback.totalAmount || '—'} (rate ${callback.totalRate || '—'})` });
  const checked = callback.checkedWith ? `checked with the token of ${callback.checkedWith}` : undefined;
  rows.push({ key: 'v2', label: 'V2 signature', description: verdict(callback.verification.v2), tooltip: checked });
  rows.push({ key: 'v3', label: 'V3 signature', description: verdict(callback.verification.v3), tooltip: checked });
  callback.forwards.forEach((forward, i) => {
    rows.push({ key: `fwd${i}`, label: i === 0 ? 'Forwarded' : 'Replayed', description: `${forward.url} → ${forward.status === 0 ? '' : `${forward.status} `}${forward.error ? `✗ ${forward.error}` : '✓'}`.replace('  ', ' '), tooltip: forward.at });
  });
  return rows;
}
