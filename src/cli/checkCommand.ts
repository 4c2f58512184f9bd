import { once } from 'node:events';
import { parseArgs } from 'node:util';
import { analyseDestinations } from '../core/destinations/analyse';
import { knownRegion } from '../core/destinations/phoneMetadata';
import type { DestinationAnalysis } from '../core/destinations/types';
import { jsonReport, tableReport } from './checkReport';
import { githubAnnotations } from './githubAnnotations';
import { InputError, readListInput } from './readListInput';
import { sarifReport } from './sarifReport';
import { CHECK_USAGE, EXIT } from './usage';

const FORMATS = ['table', 'json', 'sarif', 'github'] as const;
type CheckFormat = (typeof FORMATS)[number];
type CheckArgs = { help: true } | { source: string; region?: string; format: CheckFormat };

/** `bulk-messaging check FILE|- [--region US] [--format table|json|sarif|github]`. Resolves with the exit code. */
export async function runCheckCommand(argv: string[]): Promise<number> {
  let args: CheckArgs;
  try {
    args = parseCheckArgs(argv);
  } catch (error) {
    process.stderr.write(`bulk-messaging check: ${(error as Error).message}\nRun "bulk-messaging check --help" for usage.\n`);
    return EXIT.usage;
  }
  if ('help' in args) {
    process.stdout.write(CHECK_USAGE);
    return EXIT.ok;
  }

  let text: string;
  try {
    text = await readListInput(args.source);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    process.stderr.write(`bulk-messaging check: ${error.message}\n`);
    return EXIT.usage;
  }
  const analysis = analyseDestinations(text, { defaultRegion: args.region });
  if (analysis.entries.length === 0) {
    process.stderr.write(`bulk-messaging check: no phone numbers found in ${args.source === '-' ? 'stdin' : args.source}.\n`);
    return EXIT.usage;
  }
  const code = analysis.counts.invalid > 0 ? EXIT.invalidNumbers : EXIT.ok;
  // Known before the report is written, so a reader that closes the pipe early still sees it.
  process.exitCode = code;
  // Chunk by chunk, waiting for `drain`, so a slow pipe never buffers the whole report.
  for (const chunk of report(analysis, args.source, args.format)) {
    if (!process.stdout.write(chunk)) await once(process.stdout, 'drain');
  }
  return code;
}

function report(analysis: DestinationAnalysis, source: string, format: CheckFormat): Iterable<string> {
  switch (format) {
    case 'table':
      return tableReport(analysis);
    case 'json':
      return jsonReport(analysis);
    case 'sarif':
      return sarifReport(analysis, source);
    case 'github':
      return githubAnnotations(analysis, source);
  }
}

/** Throws an Error whose message explains the usage problem. */
function parseCheckArgs(argv: string[]): CheckArgs {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      region: { type: 'string', short: 'r' },
      json: { type: 'boolean', default: false },
      format: { type: 'string', short: 'f' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    allowPositionals: true,
    strict: true,
  });
  if (values.help) return { help: true };
  if (positionals.length === 0) throw new Error('missing FILE (use - to read stdin).');
  if (positionals.length > 1) throw new Error(`expected one FILE, got ${positionals.length}: ${positionals.join(' ')}.`);
  let region: string | undefined;
  if (values.region !== undefined) {
    region = knownRegion(values.region);
    if (region === undefined) throw new Error(`unknown region "${values.region}"; use a two-letter country code such as US or GB.`);
  }
  return { source: positionals[0], region, format: parseFormat(values.format, values.json) };
}

/** `--json` is kept as the short form of `--format json`. */
function parseFormat(format: string | undefined, json: boolean): CheckFormat {
  if (format === undefined) return json ? 'json' : 'table';
  const known = FORMATS.find((name) => name === format.toLowerCase());
  if (known === undefined) throw new Error(`unknown format "${format}"; use one of ${FORMATS.join(', ')}.`);
  if (json && known !== 'json') throw new Error(`--json and --format ${known} ask for two formats; give one.`);
  return known;
}
