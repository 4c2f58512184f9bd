import { parseArgs } from 'node:util';
import { exportSends } from '../core/export/exportFormats';
import { JournalFile, JournalReadError } from '../core/sends/journalFile';
import { EXIT, REPORT_USAGE } from './usage';

/** `bulk-messaging report JOURNAL [--csv]`: a send's journal as JSON (default) or CSV on stdout. */
export async function runReportCommand(argv: string[]): Promise<number> {
  let values: { csv?: boolean; help?: boolean };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({ args: argv, options: { csv: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h', default: false } }, allowPositionals: true, strict: true }));
  } catch (error) {
    return fail(EXIT.usage, `${(error as Error).message}\nRun "bulk-messaging report --help" for usage.`);
  }
  if (values.help) {
    process.stdout.write(REPORT_USAGE);
    return EXIT.ok;
  }
  if (positionals.length !== 1) return fail(EXIT.usage, positionals.length === 0 ? 'missing JOURNAL (the .jsonl file a send wrote; "bulk-messaging send" prints its path).' : `expected one JOURNAL, got ${positionals.length}.`);
  const [file] = positionals;
  try {
    const journal = await JournalFile.read(file);
    process.stdout.write(exportSends([journal], values.csv ? 'csv' : 'json'));
    return EXIT.ok;
  } catch (error) {
    if (error instanceof JournalReadError) return fail(EXIT.usage, `${file} is not a send journal: ${error.message}.`);
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return fail(EXIT.usage, `no journal at ${file}.`);
    if (code === 'EISDIR') return fail(EXIT.usage, `${file} is a directory; give the journal's .jsonl file.`);
    throw error;
  }
}

function fail(code: number, message: string): number {
  process.stderr.write(`bulk-messaging report: ${message}\n`);
  return code;
}
