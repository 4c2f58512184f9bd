import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { startSandbox, type SandboxOptions, type SandboxServer } from '../sandbox';
import { INBOX_FLAGS, INBOX_FLAG_USAGE, inboxOptions } from './sandboxInboxFlags';

const DEFAULT_PORT = 8089;

const USAGE = `Usage: bulk-messaging sandbox [--port 8089] [--auth-id ID] [--auth-token TOKEN] [--mps N] [--tls-cert FILE --tls-key FILE]

Runs a Plivo-compatible Message API on 127.0.0.1 until Ctrl+C.
  --port, -p      TCP port (default ${DEFAULT_PORT}; 0 picks a free one)
  --auth-id       auth id to accept (default: a generated MA… id)
  --auth-token    auth token to accept (default: a generated 40-character token)
  --mps           messages dequeued for delivery per second (default 10)
  --tls-cert      serve HTTPS with this PEM certificate (chain); clients must trust its CA
  --tls-key       the PEM private key of --tls-cert
${INBOX_FLAG_USAGE}  --help, -h      show this help
`;

type Parsed =
  | { port: number; authId?: string; authToken?: string; mps?: number; tls?: { cert: string; key: string }; inbox: SandboxOptions }
  | { help: true }
  | { error: string };

function parse(argv: string[]): Parsed {
  let values;
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        port: { type: 'string', short: 'p' },
        'auth-id': { type: 'string' },
        'auth-token': { type: 'string' },
        mps: { type: 'string' },
        'tls-cert': { type: 'string' },
        'tls-key': { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        ...INBOX_FLAGS,
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (err) {
    return { error: (err as Error).message };
  }
  if (values.help) return { help: true };
  const port = values.port === undefined ? DEFAULT_PORT : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) return { error: `--port must be a whole number from 0 to 65535 (got "${values.port}").` };
  const mps = values.mps === undefined ? undefined : Number(values.mps);
  if (mps !== undefined && !(Number.isFinite(mps) && mps > 0)) return { error: `--mps must be a positive number (got "${values.mps}").` };
  const authId = values['auth-id'];
  if (authId !== undefined && !/^[A-Za-z0-9]+$/.test(authId)) return { error: '--auth-id may hold only letters and digits.' };
  const authToken = values['auth-token'];
  if (authToken !== undefined && authToken === '') return { error: '--auth-token cannot be empty.' };
  const [cert, key] = [values['tls-cert'], values['tls-key']];
  if ((cert === undefined) !== (key === undefined)) return { error: '--tls-cert and --tls-key go together.' };
  const inbox = inboxOptions(values);
  if ('error' in inbox) return inbox;
  return { port, authId, authToken, mps, tls: cert !== undefined && key !== undefined ? { cert, key } : undefined, inbox };
}

/** The PEM files of --tls-cert/--tls-key, or a message naming the one that cannot be read. */
async function readTls(files: { cert: string; key: string }): Promise<{ cert: Buffer; key: Buffer } | string> {
  const read = (flag: string, file: string) => readFile(file).catch((err: NodeJS.ErrnoException) => `${flag} ${file}: ${err.code === 'ENOENT' ? 'no such file' : err.message}`);
  const [cert, key] = await Promise.all([read('--tls-cert', files.cert), read('--tls-key', files.key)]);
  if (typeof cert === 'string') return cert;
  if (typeof key === 'string') return key;
  return { cert, key };
}

function banner(sandbox: SandboxServer, mps: number | undefined): string {
  const { authId, authToken } = sandbox.accounts[0];
  // The token is printed on purpose: it is the sandbox's own and the user needs it. Request lines never show it.
  return [
    `Plivo-compatible sandbox running at ${sandbox.baseUrl}`,
    `  Auth ID:     ${authId}`,
    `  Auth token:  ${authToken}`,
    `  SDK url:     ${sandbox.accountUrl()}   (plivo-node: new plivo.Client(id, token, { url }))`,
    `  Delivery:    ${mps ?? 10} messages/s; magic numbers +1 201 555 01xx choose outcomes (see README)`,
    `  Control API: ${sandbox.baseUrl}/__sandbox/ (same credentials)`,
    'Press Ctrl+C to stop.',
    '',
  ].join('\n');
}

function nextSignal(): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const onSignal = (signal: NodeJS.Signals) => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      resolve(signal);
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
}

/** `bulk-messaging sandbox …`: runs the Plivo-compatible sandbox until Ctrl+C. Returns the exit code. */
export async function runSandboxCommand(argv: string[]): Promise<number> {
  const parsed = parse(argv);
  if ('help' in parsed) {
    process.stdout.write(USAGE);
    return 0;
  }
  if ('error' in parsed) {
    process.stderr.write(`bulk-messaging sandbox: ${parsed.error}\n\n${USAGE}`);
    return 2;
  }
  const tls = parsed.tls && (await readTls(parsed.tls));
  if (typeof tls === 'string') {
    process.stderr.write(`bulk-messaging sandbox: ${tls}\n`);
    return 2;
  }
  let sandbox: SandboxServer;
  try {
    sandbox = await startSandbox({
      port: parsed.port,
      accounts: [{ authId: parsed.authId, authToken: parsed.authToken }],
      messagesPerSecond: parsed.mps,
      tls,
      ...parsed.inbox,
      log: (line) => process.stdout.write(`${line}\n`),
    });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const message =
      code === 'EADDRINUSE'
        ? `port ${parsed.port} is already in use: choose another with --port (0 picks a free one).`
        : parsed.tls && /PEM|key|certificate|asn1/i.test((err as Error).message)
          ? `cannot use --tls-cert/--tls-key: ${(err as Error).message}`
          : (err as Error).message;
    process.stderr.write(`bulk-messaging sandbox: ${message}\n`);
    return 1;
  }
  // Listen before printing: whoever reads the banner may signal at once.
  const stop = nextSignal();
  process.stdout.write(banner(sandbox, parsed.mps));
  const signal = await stop;
  process.stdout.write(`\n${signal} received: stopping…\n`);
  await sandbox.close();
  process.stdout.write('Sandbox stopped.\n');
  return 0;
}
