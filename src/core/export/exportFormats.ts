// The two export formats: CSV (csv-stringify, the csv-parse family the list reader uses) and JSON.
import { stringify } from 'csv-stringify/sync';
import { EXPORT_COLUMNS, exportRows, type ExportableSend } from './exportRows';

export type ExportFormat = 'csv' | 'json';

/** A header row, then one row per destination; empty values stay empty cells. */
export function exportCsv(sends: readonly ExportableSend[]): string {
  return stringify(exportRows(sends), { header: true, columns: [...EXPORT_COLUMNS] });
}

/** Each send with its request (sender, text, callback) and its rows. */
export function exportJson(sends: readonly ExportableSend[], exportedAt = new Date()): string {
  return `${JSON.stringify(
    {
      exportedAt: exportedAt.toISOString(),
      sends: sends.map((send) => ({
        id: send.id,
        createdAt: send.createdAt,
        profile: send.profileName ?? null,
        request: {
          src: send.request.src ?? null,
          powerpack_uuid: send.request.powerpack_uuid ?? null,
          text: send.request.text,
          type: send.request.type ?? 'sms',
          url: send.request.url ?? null,
          method: send.request.url ? send.request.method ?? 'POST' : null,
        },
        destinations: exportRows([send]),
      })),
    },
    null,
    2,
  )}\n`;
}

/** The export of `sends` in `format`. */
export function exportSends(sends: readonly ExportableSend[], format: ExportFormat): string {
  return format === 'csv' ? exportCsv(sends) : exportJson(sends);
}
