// Messages between the delivery report panel and its host. Imported by both sides; imports
// neither `vscode` nor the DOM (only a type of the pure core).
import type { DeliveryReport } from '../core/report/deliveryReport';

/** Host → webview: the whole picture again (a send of 1,000 numbers is a few kB of counts). */
export interface ReportUpdate {
  type: 'report';
  /** The send as the Sends view names it ("10:42 · Spring sale"). */
  title: string;
  report: DeliveryReport;
  /** ISO time the host built it: the "as of" line. */
  builtAt: string;
}

/** The send was deleted from the history: the panel says so and keeps nothing live. */
export interface ReportGone {
  type: 'gone';
}

export type HostToReport = ReportUpdate | ReportGone;

/** Webview → host: the script is listening; or a failure's row was chosen, to be shown in the Sends view. */
export type ReportToHost = { type: 'ready' } | { type: 'reveal'; uuid: string };

/** UUIDs are 36 characters; anything near this is not one. */
export const MAX_UUID_CHARS = 100;

export type ParsedReportMessage = { ok: true; message: ReportToHost } | { ok: false; reason: string };

/** The host's check of what the report webview posts: rebuilt from its known fields, never trusted as typed. */
export function validateReportMessage(raw: unknown): ParsedReportMessage {
  if (typeof raw !== 'object' || raw === null) return { ok: false, reason: 'message must be an object' };
  const { type, uuid } = raw as { type?: unknown; uuid?: unknown };
  if (type === 'ready') return { ok: true, message: { type: 'ready' } };
  if (type === 'reveal') {
    if (typeof uuid !== 'string' || uuid.length === 0 || uuid.length > MAX_UUID_CHARS) return { ok: false, reason: `reveal.uuid must be a string of 1 to ${MAX_UUID_CHARS} characters` };
    return { ok: true, message: { type: 'reveal', uuid } };
  }
  return { ok: false, reason: 'type must be one of ready, reveal' };
}
