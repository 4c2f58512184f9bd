// Sends as rows for a spreadsheet or a script: one row per destination, with its UUID, country,
// state, error code and meaning, units, rate, amount and times. Built from an allow-list of
// fields, so nothing else a send stores (response bodies, drafts) can reach an export, and no
// credential is ever part of a send.
import { parseKey } from '../destinations/phoneMetadata';
import { errorCodeMeaning } from '../errorCodes';
import type { BatchState, DestinationResult } from '../sends/journal';

/** A destination as the CLI journal or the extension's history stores it. */
export interface ExportableDestination {
  number: string;
  uuid?: string;
  result?: DestinationResult;
  /** Delivery state, when a status refresh or callback has read one. */
  state?: string;
  errorCode?: string;
  units?: number;
  totalRate?: string;
  totalAmount?: string;
  updatedAt?: string;
}

export interface ExportableSend {
  id: string;
  createdAt: string;
  profileName?: string;
  request: { src?: string; powerpack_uuid?: string; text: string; type?: string; url?: string; method?: string };
  batches: ReadonlyArray<{ index: number; state: BatchState; startedAt?: string; finishedAt?: string; destinations: readonly ExportableDestination[] }>;
}

export const EXPORT_COLUMNS = [
  'send_id', 'send_created_at', 'batch', 'uuid', 'destination', 'country', 'state', 'error_code', 'error_meaning',
  'units', 'rate', 'amount', 'posted_at', 'answered_at', 'updated_at',
] as const;

export type ExportRow = Record<(typeof EXPORT_COLUMNS)[number], string | number | null>;

/** What a stored state reads as when no status was read yet: the journal's own knowledge. */
function stateOf(destination: ExportableDestination, batchState: BatchState): string {
  if (destination.state && destination.state !== 'unknown') return destination.state;
  if (destination.result === 'accepted') return 'queued';
  if (destination.result === 'refused') return 'failed';
  if (destination.result === 'not-sent') return 'not sent';
  return batchState === 'in-doubt' || batchState === 'in-flight' ? 'in doubt' : batchState === 'pending' ? 'not sent' : 'unknown';
}

function meaningOf(code: string | undefined, result: DestinationResult | undefined): string | null {
  if (code === 'invalid' || (code === undefined && result === 'refused')) return 'refused by the API as an invalid number';
  return code ? errorCodeMeaning(code) ?? null : null;
}

function countryOf(number: string): string | null {
  const parsed = parseKey(number.startsWith('+') ? number : `+${number}`);
  return typeof parsed === 'string' ? null : parsed.country ?? null;
}

/** One row per destination of every send, in send and batch order. */
export function exportRows(sends: readonly ExportableSend[]): ExportRow[] {
  const rows: ExportRow[] = [];
  for (const send of sends) {
    for (const batch of send.batches) {
      for (const d of batch.destinations) {
        const errorCode = d.errorCode ?? (d.result === 'refused' ? 'invalid' : undefined);
        rows.push({
          send_id: send.id,
          send_created_at: send.createdAt,
          batch: batch.index + 1,
          uuid: d.uuid ?? null,
          destination: d.number,
          country: countryOf(d.number),
          state: stateOf(d, batch.state),
          error_code: errorCode ?? null,
          error_meaning: meaningOf(errorCode, d.result),
          units: d.units ?? null,
          rate: d.totalRate ?? null,
          amount: d.totalAmount ?? null,
          posted_at: batch.startedAt ?? null,
          answered_at: batch.finishedAt ?? null,
          updated_at: d.updatedAt ?? null,
        });
      }
    }
  }
  return rows;
}
