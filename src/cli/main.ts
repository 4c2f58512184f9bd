// Entry point of the `bulk-messaging` command-line tool: dispatches to a command, turns any failure
// into one line on stderr (never a stack trace) and sets the exit code.
import { EXIT, MAIN_USAGE } from './usage';

// Loaded on use: `check` should not pay for the sandbox's HTTP stack at startup, nor the reverse.
const COMMANDS: Record<string, (argv: string[]) => Promise<number>> = {
  check: async (argv) => (await import('./checkCommand')).runCheckCommand(argv),
  send: async (argv) => (await import('./sendCommand')).runSendCommand(argv),
  sandbox: async (argv) => (await import('./sandboxCommand')).runSandboxCommand(argv),
  report: async (argv) => (await import('./reportCommand')).runReportCommand(argv),
};

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined) {
    process.stderr.write(MAIN_USAGE);
    return EXIT.usage;
  }
  if (command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(MAIN_USAGE);
    return EXIT.ok;
  }
  const run = Object.hasOwn(COMMANDS, command) ? COMMANDS[command] : undefined;
  if (run === undefined) {
    process.stderr.write(`bulk-messaging: unknown command "${command}". Run "bulk-messaging --help" for the commands.\n`);
    return EXIT.usage;
  }
  return run(rest);
}

// `check … | head` closes the pipe early: that is not an error worth a stack trace.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? EXIT.ok);
  process.stderr.write(`bulk-messaging: cannot write output: ${error.message}\n`);
  process.exit(EXIT.usage);
});

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`bulk-messaging: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = EXIT.usage;
  },
);
