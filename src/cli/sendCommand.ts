import { parseArgs } from 'node:util';
import { PlivoClient, DEFAULT_BASE_URL } from '../core/client';
import { networkFromEnvironment } from '../core/network';
import { analyseDestinations } from '../core/destinations/analyse';
import { knownRegion } from '../core/destinations/phoneMetadata';
import { MAX_DESTINATIONS, validateMessageRequest, type CallbackMethod } from '../core/request';
import { createJournal, sendFingerprint, type SendJournal, type SendRequestTemplate } from '../core/sends/journal';
import { JournalFile, JournalReadError } from '../core/sends/journalFile';
import { runSend } from '../core/sends/sendEngine';
import { acquireLock } from '../core/sends/journalLock';
import { findLanguage, SNIPPET_LANGUAGES, type SnippetLanguage } from '../core/codegen/languages';
import { DEFAULT_MESSAGES_PER_SECOND } from '../core/estimate/estimate';
import { runDryRun } from './dryRun';
import { defaultJournalPath } from './journalPath';
import { InputError, readListInput } from './readListInput';
import { SendReporter } from './sendReport';
import { EXIT, SEND_USAGE } from './usage';

interface SendArgs {
  source: string;
  request: SendRequestTemplate;
  region?: string;
  baseUrl: string;
  authId?: string;
  journal?: string;
  pace: number;
  listRate: number;
  timeoutSeconds: number;
  yes: boolean;
  json: boolean;
  dryRun: boolean;
  messagesPerSecond: number;
  language?: SnippetLanguage;
}

class UsageError extends Error {}

/** `bulk-messaging send FILE|- --text … (--src … | --powerpack …)`. Resolves with the exit code. */
export async function runSendCommand(argv: string[], env: NodeJS.ProcessEnv = process.env): Promise<number> {
  let args: SendArgs | 'help';
  try {
    args = parseSendArgs(argv);
  } catch (error) {
    return fail(EXIT.usage, `${(error as Error).message}\nRun "bulk-messaging send --help" for usage.`);
  }
  if (args === 'help') {
    process.stdout.write(SEND_USAGE);
    return EXIT.ok;
  }
  const authId = args.authId ?? env.PLIVO_AUTH_ID;
  const authToken = env.PLIVO_AUTH_TOKEN;
  // A dry run posts nothing: it needs credentials only to read prices.
  if (!authId && !args.dryRun) return fail(EXIT.usage, 'no auth id: pass --auth-id or set PLIVO_AUTH_ID.');
  if (!authToken && !args.dryRun) return fail(EXIT.usage, 'no auth token: set PLIVO_AUTH_TOKEN (the token is never taken from a flag).');

  let text: string;
  try {
    text = await readListInput(args.source);
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    return fail(EXIT.usage, error.message);
  }
  const analysis = analyseDestinations(text, { defaultRegion: args.region });
  const invalid = analysis.entries.filter((entry) => entry.status === 'invalid');
  const numbers = analysis.unique;
  const reporter = new SendReporter(process.stderr, args.json);
  reporter.skipped(invalid.map((entry) => ({ line: entry.position.line + 1, input: entry.input, reason: entry.reason })));
  if (numbers.length === 0) return fail(EXIT.invalidNumbers, `no valid phone number in ${args.source === '-' ? 'stdin' : args.source}; nothing was sent.`);
  const problems = validateMessageRequest({ ...args.request, dst: numbers.slice(0, MAX_DESTINATIONS).join('<') });
  if (problems.length > 0) return fail(EXIT.invalidNumbers, `${problems.map((p) => p.message).join('\n')}\nNothing was sent.`);
  if (args.dryRun) {
    await runDryRun(analysis, { ...args, authId, authToken });
    return EXIT.ok;
  }
  // Both were refused above for every run that posts; this only narrows their types.
  if (!authId || !authToken) return EXIT.usage;

  if (!args.yes && !isLoopback(args.baseUrl)) {
    reporter.wouldSend(numbers.length, args.baseUrl);
    return EXIT.incomplete;
  }

  const journalPath = args.journal ?? defaultJournalPath(sendFingerprint(args.request, numbers), env);
  let journal: SendJournal;
  let file: JournalFile;
  const lock = await acquireLock(`${journalPath}.lock`, (pid) => `another bulk-messaging process (pid ${pid}) is running this send (${journalPath}); wait for it to finish.`);
  if (typeof lock === 'string') return fail(EXIT.usage, lock);
  try {
    try {
      journal = await JournalFile.read(journalPath);
      if (journal.fingerprint !== sendFingerprint(args.request, numbers)) {
        return fail(EXIT.usage, `the journal ${journalPath} belongs to another send (a different list, sender or text); give another --journal.`);
      }
      reporter.resuming(journalPath, journal);
    } catch (error) {
      if (error instanceof JournalReadError) return fail(EXIT.usage, `the journal ${journalPath} cannot be read: ${error.message}. It was left as it is.`);
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
      journal = createJournal(args.request, numbers);
    }
    // Written compactly before anything is posted, so even the first batch is on record.
    file = await JournalFile.write(journalPath, journal);
    const client = new PlivoClient({
      authId,
      authToken,
      baseUrl: args.baseUrl,
      timeouts: { headersMs: args.timeoutSeconds * 1000, bodyMs: args.timeoutSeconds * 1000 },
      network: networkFromEnvironment(env),
    });
    // Which proxy is used (never its credentials), so a corporate network's effect is visible.
    if (client.route.description && !args.json) process.stderr.write(`bulk-messaging send: requests go ${client.route.description}\n`);
    const stopOnSignal = new AbortController();
    const onInterrupt = () => stopOnSignal.abort();
    process.once('SIGINT', onInterrupt);
    try {
      const result = await runSend(journal, {
        client,
        save: (j, changed, started) => file.save(j, changed, started),
        batchesPerSecond: args.pace,
        reconcile: { listRequestsPerMinute: args.listRate, settleMs: (Math.min(args.timeoutSeconds, 30) + 2) * 1000 },
        signal: stopOnSignal.signal,
        onEvent: (event) => reporter.event(event),
      });
      reporter.finished(result, journal, journalPath, rerunCommand(argv, args, journalPath));
      if (result.stop === 'complete') return EXIT.ok;
      return result.stop === 'auth' ? EXIT.auth : EXIT.incomplete;
    } finally {
      process.removeListener('SIGINT', onInterrupt);
      await client.close();
      await file.close();
    }
  } finally {
    await lock.release();
  }
}

function fail(code: number, message: string): number {
  process.stderr.write(`bulk-messaging send: ${message}\n`);
  return code;
}

/** Loopback hosts get no confirmation: nothing there costs money. */
export function isLoopback(origin: string): boolean {
  const host = new URL(origin).hostname.replace(/^\[|\]$/g, '');
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/** The command that continues this send: the same one, with the journal named. */
function rerunCommand(argv: string[], args: SendArgs, journalPath: string): string {
  const quoted = argv.map((arg) => (/^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`));
  return ['bulk-messaging', 'send', ...quoted, ...(args.journal ? [] : ['--journal', journalPath])].join(' ');
}

function parseSendArgs(argv: string[]): SendArgs | 'help' {
  const { values, positionals } = parseArgs({
    args: argv,
    options: {
      text: { type: 'string', short: 't' },
      src: { type: 'string' },
      powerpack: { type: 'string' },
      url: { type: 'string' },
      method: { type: 'string' },
      region: { type: 'string', short: 'r' },
      'base-url': { type: 'string' },
      'auth-id': { type: 'string' },
      journal: { type: 'string' },
      pace: { type: 'string' },
      'list-rate': { type: 'string' },
      timeout: { type: 'string' },
      yes: { type: 'boolean', short: 'y', default: false },
      json: { type: 'boolean', default: false },
      'dry-run': { type: 'boolean', default: false },
      as: { type: 'string' },
      mps: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
    allowPositionals: true,
    strict: true,
  });
  if (values.help) return 'help';
  if (positionals.length !== 1) throw new UsageError(positionals.length === 0 ? 'missing FILE (use - to read stdin).' : `expected one FILE, got ${positionals.length}.`);
  if (values.text === undefined) throw new UsageError('missing --text.');
  if ((values.src === undefined) === (values.powerpack === undefined)) throw new UsageError('give exactly one of --src and --powerpack.');
  const method = (values.method ?? 'POST').toUpperCase();
  if (method !== 'POST' && method !== 'GET') throw new UsageError('--method must be POST or GET.');
  if (values.method !== undefined && values.url === undefined) throw new UsageError('--method needs --url.');
  let region: string | undefined;
  if (values.region !== undefined) {
    region = values.region.toUpperCase();
    if (!knownRegion(region)) throw new UsageError(`unknown region "${values.region}": use an ISO country code such as US or GB.`);
  }
  const baseUrl = values['base-url'] ?? DEFAULT_BASE_URL;
  let origin: URL;
  try {
    origin = new URL(baseUrl);
  } catch {
    throw new UsageError(`--base-url is not a URL: ${baseUrl}`);
  }
  if (origin.username || origin.password) throw new UsageError('--base-url must not hold credentials: use --auth-id and PLIVO_AUTH_TOKEN.');
  const language = values.as === undefined ? undefined : findLanguage(values.as);
  if (values.as !== undefined && !values['dry-run']) throw new UsageError('--as needs --dry-run (it prints code instead of sending).');
  if (values.as !== undefined && !language) throw new UsageError(`unknown language "${values.as}": use ${SNIPPET_LANGUAGES.map((l) => l.id).join(', ')}.`);
  return {
    source: positionals[0],
    request: {
      ...(values.src !== undefined ? { src: values.src } : { powerpack_uuid: values.powerpack }),
      text: values.text,
      ...(values.url !== undefined ? { url: values.url, method: method as CallbackMethod } : {}),
    },
    region,
    baseUrl,
    authId: values['auth-id'],
    journal: values.journal,
    pace: numberOption('--pace', values.pace, 1, 0, 1000),
    listRate: numberOption('--list-rate', values['list-rate'], 20, 1, 100_000),
    timeoutSeconds: numberOption('--timeout', values.timeout, 30, 1, 600),
    yes: values.yes,
    json: values.json,
    dryRun: values['dry-run'],
    messagesPerSecond: numberOption('--mps', values.mps, DEFAULT_MESSAGES_PER_SECOND, 0.01, 100_000),
    language,
  };
}

function numberOption(name: string, raw: string | undefined, fallback: number, min: number, max: number): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || n < min || n > max) throw new UsageError(`${name} must be a number from ${min} to ${max}.`);
  return n;
}
