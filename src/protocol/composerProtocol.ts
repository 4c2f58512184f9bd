// The one contract between the composer webview and the extension host.
// Imported by both sides; imports neither `vscode` nor the DOM.

/** What the user has typed into the composer; persisted so it survives closing and reloads. */
export interface ComposerDraft {
  profileId?: string;
  sender: { kind: 'src' | 'powerpack_uuid'; value: string };
  text: string;
  destinations: string;
  callbackUrl: string;
  callbackMethod: 'POST' | 'GET';
  type: 'sms' | 'mms';
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
  defaultRegion?: string;
}

export type PreviewFilter = 'all' | 'valid' | 'invalid' | 'duplicate' | 'warning';

/** One row of the destination preview. */
export interface PreviewRow {
  index: number;
  line: number;
  column: number;
  input: string;
  status: 'valid' | 'invalid' | 'duplicate';
  e164?: string;
  reason?: string;
  country?: string;
  type?: string;
  ambiguous?: boolean;
  warning?: string;
}

export interface AnalysisSummary {
  /** Echoes the draft revision the analysis was made for, so stale results are dropped. */
  revision: number;
  total: number;
  valid: number;
  invalid: number;
  duplicate: number;
  ambiguous: number;
  fixedLine: number;
  uniqueCount: number;
  batches: number;
  format: 'list' | 'csv' | 'tsv';
  column?: string;
  /** Set when the input was too large or unreadable to analyse. */
  problem?: string;
}

export interface FieldProblem {
  field: string;
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

export interface SendOutcome {
  sendId: string;
  batches: BatchOutcome[];
  /** Batches not sent because the user cancelled or an earlier batch failed. */
  unsentBatches: number;
  failure?: SendFailure;
}

/** Messages the webview posts to the host. */
export type WebviewToHost =
  | { type: 'ready' }
  | { type: 'draftChanged'; revision: number; draft: ComposerDraft }
  | { type: 'requestPage'; filter: PreviewFilter; offset: number; limit: number }
  | { type: 'removeEntries'; status: 'invalid' | 'duplicate' }
  | { type: 'loadFromFile' }
  | { type: 'loadFromSelection' }
  | { type: 'send'; draft: ComposerDraft }
  | { type: 'openSends' };

/** Messages the host posts to the webview. */
export type HostToWebview =
  | { type: 'init'; draft: ComposerDraft; profiles: ProfileSummary[]; activeProfileId?: string }
  | { type: 'profiles'; profiles: ProfileSummary[]; activeProfileId?: string }
  | { type: 'analysis'; summary: AnalysisSummary }
  | { type: 'page'; filter: PreviewFilter; offset: number; total: number; rows: PreviewRow[] }
  | { type: 'replaceDestinations'; destinations: string }
  | { type: 'fieldErrors'; errors: FieldProblem[] }
  | { type: 'sending'; batch: number; batches: number }
  | { type: 'sendResult'; outcome: SendOutcome };
