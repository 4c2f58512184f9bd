// The one contract between the composer webview and the extension host.
// Imported by both sides; imports neither `vscode` nor the DOM (only a type of the pure core).
import type { CallbackMethod } from '../core/request';

export type SenderKind = 'src' | 'powerpack_uuid';
export type ComposerMessageType = 'sms' | 'mms';
export type { CallbackMethod };

/** What the user has typed into the composer; persisted so it survives closing and reloads. */
export interface ComposerDraft {
  profileId?: string;
  sender: { kind: SenderKind; value: string };
  text: string;
  destinations: string;
  callbackUrl: string;
  callbackMethod: CallbackMethod;
  type: ComposerMessageType;
}

export const emptyDraft: ComposerDraft = {
  sender: { kind: 'src', value: '' },
  text: '',
  destinations: '',
  callbackUrl: '',
  callbackMethod: 'POST',
  type: 'sms',
};

/** A profile as the webview may see it: never the auth token. */
export interface ProfileSummary {
  id: string;
  name: string;
  isSandbox: boolean;
  /** 'live' sends real, paid messages; the webview says so beside the picker. */
  kind: 'live' | 'sandbox' | 'custom';
  defaultRegion?: string;
  /** The profile's default sender, used when the composer's sender is empty. */
  sender?: { kind: SenderKind; value: string };
}

export type PreviewFilter = 'all' | 'valid' | 'invalid' | 'duplicate' | 'warning';

/** One row of the destination preview. Line and column are 1-based, as editors show them. */
export interface PreviewRow {
  index: number;
  line: number;
  column: number;
  /** Where the entry sits in the destinations text (0-based UTF-16 offset and length), to select it. */
  offset: number;
  length: number;
  /** The entry as typed, shortened when very long. */
  input: string;
  status: 'valid' | 'invalid' | 'duplicate';
  e164?: string;
  reason?: string;
  country?: string;
  /** Number type in words, e.g. "mobile", "fixed line". */
  type?: string;
  fixedLine?: boolean;
  ambiguous?: boolean;
  /** For duplicates: the 1-based line of the first occurrence. */
  firstLine?: number;
  warning?: string;
  /** How the token was read (what was cleaned out) and how Plivo would read it raw, when that differs. */
  readingNotes?: string[];
  /** For a CSV/TSV list with a name column: the name on this entry's row. */
  name?: string;
}

export interface AnalysisSummary {
  /**
   * Grows with every summary the host posts. The newest one received is the analysis of the newest
   * destinations text the host has; pages are asked for and answered by this id.
   */
  id: number;
  /** The draft revision the analysis was made for. */
  revision: number;
  total: number;
  valid: number;
  invalid: number;
  duplicate: number;
  ambiguous: number;
  fixedLine: number;
  /** Entries with a warning or an ambiguous reading (the "warnings" filter). */
  warnings: number;
  /** Unique valid numbers: what will be sent. */
  uniqueCount: number;
  batches: number;
  format: 'list' | 'csv' | 'tsv';
  column?: string;
  /** For CSV/TSV: every header, so the composer can say which column a {placeholder} may mean. */
  columns?: string[];
  /** The region national numbers were read in, and where that came from. */
  region?: string;
  regionSource?: 'profile' | 'setting';
  /** Set when the text was not read as it looked, e.g. a broken CSV read as a plain list. */
  note?: string;
  /** Set when the input was too large or unreadable to analyse. */
  problem?: string;
}

/** Fields the composer shows errors beside; 'general' is for anything else. */
export type ComposerField = 'profile' | 'sender' | 'text' | 'type' | 'callbackUrl' | 'callbackMethod' | 'destinations' | 'general';

export interface FieldProblem {
  field: ComposerField;
  message: string;
}

/** A failed send as shown to the user; never carries credentials. */
export interface SendFailure {
  title: string;
  detail: string;
  nextStep: string;
  status?: number;
  apiId?: string;
}

export interface BatchOutcome {
  index: number;
  status: number;
  apiId: string;
  message: string;
  messageUuids: string[];
  invalidNumbers: string[];
  elapsedMs: number;
}

/** Why a send run ended; only `complete` means nothing is left to send or check. */
export type SendStop = 'complete' | 'checked' | 'cancelled' | 'in-doubt' | 'rejected' | 'auth' | 'unreachable' | 'rate-limited' | 'check-failed';

/** Where the whole send stands, per unique destination. */
export interface SendStanding {
  total: number;
  accepted: number;
  refused: number;
  inDoubt: number;
  notSent: number;
}

export interface SendOutcome {
  /** Empty when nothing was stored (the send failed before its first request). */
  sendId: string;
  stop: SendStop;
  /** What stopped it, as a heading: "Request rejected (400)", "The server did not answer in time". */
  title: string;
  progress: SendStanding;
  /** "1,000 accepted, 1,000 in doubt, 500 not sent of 2,500". */
  summary: string;
  /** Advice from the whole send, never from one batch. */
  nextStep: string;
  /** What stopped it, in the server's or the network's words. */
  detail?: string;
  /** Requests Plivo answered (or that were checked), with what came back. */
  batches: BatchOutcome[];
  /** Set only when the send failed before any request was made. */
  failure?: SendFailure;
}

/** Entries of the list the composer did not send (the preview found them invalid or repeated). */
export interface SkippedBeforeSending {
  invalid: number;
  duplicates: number;
}

/** Why the destinations text is being replaced by the host. */
export type ReplaceReason = 'removeInvalid' | 'removeDuplicates' | 'file' | 'selection';

/** Messages the webview posts to the host. */
export type WebviewToHost =
  | { type: 'ready' }
  /** Any field changed (debounced); the host saves the draft and re-analyses destinations if needed. */
  | { type: 'draftChanged'; revision: number; draft: ComposerDraft }
  /** Rows of the preview for the summary the webview shows; answered only while it is the latest. */
  | { type: 'requestPage'; summaryId: number; filter: PreviewFilter; offset: number; limit: number }
  /** Rewrite the destinations without these entries; `revision` must be the host's latest. */
  | { type: 'removeEntries'; revision: number; status: 'invalid' | 'duplicate' }
  | { type: 'loadFromFile' }
  | { type: 'loadFromSelection' }
  | { type: 'send'; revision: number; draft: ComposerDraft }
  /** Go on with a stored send: `check` reads the account for its batches in doubt, `rest` also sends what was not sent. */
  | { type: 'continueSend'; sendId: string; mode: 'check' | 'rest' }
  | { type: 'openSends' }
  /** Fill the status-callback URL with the local inspector's (a tunnel URL for a live profile). */
  | { type: 'useLocalInspector'; profileId?: string }
  /** "Copy as…": the draft as code (a language quick pick in the host). */
  | { type: 'copyAs'; revision: number; draft: ComposerDraft }
  /**
   * Cost, time and warnings of sending the draft, answered with `estimate`. `start` (the Estimate
   * button) may start the Local sandbox to read its prices; the automatic estimate never does.
   */
  | { type: 'estimate'; revision: number; draft: ComposerDraft; start?: boolean }
  /** "Add Plivo profile…" beside the picker: the host runs Add Profile (or Import from Environment). */
  | { type: 'addProfile'; how: 'add' | 'import' };

/** Messages the host posts to the webview. */
export type HostToWebview =
  | { type: 'init'; draft: ComposerDraft; profiles: ProfileSummary[]; activeProfileId?: string }
  /**
   * Fields to lay over the open form (a reopened send, a list from an editor); the webview applies
   * them to what it shows, so nothing typed is lost, and posts the result as a draft change.
   */
  | { type: 'prefill'; fields: Partial<ComposerDraft>; intent?: 'send' }
  | { type: 'profiles'; profiles: ProfileSummary[]; activeProfileId?: string }
  | { type: 'analysis'; summary: AnalysisSummary }
  | { type: 'page'; summaryId: number; filter: PreviewFilter; offset: number; total: number; rows: PreviewRow[] }
  /** New destinations text; the webview applies it as an undoable edit and posts the change. */
  | { type: 'replaceDestinations'; destinations: string; reason: ReplaceReason; note: string }
  /** A short message for the live region, e.g. "No editor is open". */
  | { type: 'notice'; level: 'info' | 'error'; message: string }
  /** The send did not start: fix these first. */
  | { type: 'fieldErrors'; errors: FieldProblem[] }
  /** Nothing was sent: the user declined the confirmation or the token prompt, or a send was already running. */
  | { type: 'sendCancelled' }
  /** Batch `batch` (1-based) of `batches` is being posted. */
  | { type: 'sending'; batch: number; batches: number }
  /**
   * `at` (ISO) is set when this panel just ran the send (Send, Check Now, Send the Rest), which the
   * webview numbers "Send #2 · 19:24"; absent for a stored send shown again (a draft restored).
   */
  | { type: 'sendResult'; outcome: SendOutcome; at?: string; skipped?: SkippedBeforeSending }
  /** The estimate of the draft, as lines of text. */
  | { type: 'estimate'; lines: string[] };

/** How many preview rows the webview asks for at once. */
export const PREVIEW_PAGE_SIZE = 100;
