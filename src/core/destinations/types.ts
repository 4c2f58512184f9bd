/** Where a token stands in the source text. All values are 0-based and count UTF-16 code units. */
export interface SourcePosition {
  /** Offset of the token's first character from the start of the text. */
  offset: number;
  line: number;
  column: number;
  length: number;
}

export type DestinationStatus = 'valid' | 'invalid' | 'duplicate';

/** Number types from libphonenumber-js's `getType()`, or undefined when the metadata cannot tell. */
export type NumberType =
  | 'MOBILE'
  | 'FIXED_LINE'
  | 'FIXED_LINE_OR_MOBILE'
  | 'TOLL_FREE'
  | 'PREMIUM_RATE'
  | 'SHARED_COST'
  | 'VOIP'
  | 'PERSONAL_NUMBER'
  | 'PAGER'
  | 'UAN'
  | 'VOICEMAIL';

/**
 * How Plivo itself would read the raw token if it were sent as typed (it strips `/ - . + ( )` and
 * spaces, needs the country code, at most 14 digits), where that differs from this analysis: it would
 * reject it, or send to another number than the one read here.
 */
export type PlivoView =
  | { accepts: false; reason: string }
  | { accepts: true; e164: string; country?: string };

/** One token of the input, classified. */
export interface AnalysedDestination {
  /** Position in the list of tokens (0-based, input order). */
  index: number;
  /** The raw token text exactly as it appears in the source. */
  input: string;
  position: SourcePosition;
  status: DestinationStatus;
  /** E.164 with `+`, for valid and duplicate entries. */
  e164?: string;
  /** Human reason for invalid entries; for ambiguous ones, both readings. */
  reason?: string;
  /** ISO 3166-1 alpha-2 country of the normalised number. */
  country?: string;
  type?: NumberType;
  /** Plivo would send the raw token to another valid number than `e164` (e.g. national digits it reads as international). */
  ambiguous?: boolean;
  /** For ambiguous entries: the E.164 Plivo would send the raw token to. */
  plivoReading?: string;
  /** For valid and duplicate entries: how Plivo would read the raw token, when not as `e164`. */
  plivo?: PlivoView;
  /** What was changed to read the token (invisible characters, a spreadsheet guard, an exit code …), in words. */
  notes?: string[];
  /** Digits of an extension written after the number and left out: SMS cannot reach an extension. */
  extension?: string;
  /** True when the token was read as a national number of the default region. */
  readAsNational?: boolean;
  /** Index of the first occurrence, for duplicates. */
  duplicateOf?: number;
  /** Warning for a number that probably cannot receive SMS as meant (fixed line, an extension left out). */
  warning?: string;
}

export interface DestinationCounts {
  total: number;
  valid: number;
  invalid: number;
  duplicate: number;
  ambiguous: number;
  fixedLine: number;
}

export interface DestinationAnalysis {
  entries: AnalysedDestination[];
  counts: DestinationCounts;
  /** Unique valid numbers in E.164, in first-occurrence order: what will be sent. */
  unique: string[];
  /** How the text was read. */
  format: 'list' | 'csv' | 'tsv';
  /**
   * For CSV/TSV: the header of the column that holds the numbers (or `column N`). For a list under a
   * one-word header line such as `phone`: that header (the line is skipped, not analysed).
   */
  column?: string;
  /** For CSV/TSV without a header row: the first row is data, and `column` is `column N`. */
  headerless?: true;
  /** Set when the text was not read as it looked, e.g. a broken CSV read as a plain list instead. */
  note?: string;
}

export interface AnalyseOptions {
  /** ISO 3166-1 alpha-2 region for national numbers (e.g. 'US'); absent → only international readings. */
  defaultRegion?: string;
}
