import * as os from 'node:os';
import * as path from 'node:path';

/** `$XDG_STATE_HOME/bulk-messaging/journals/<fingerprint>.jsonl`: the same send finds the same file. */
export function defaultJournalPath(fingerprint: string, env: NodeJS.ProcessEnv): string {
  const state = env.XDG_STATE_HOME || path.join(os.homedir(), '.local', 'state');
  return path.join(state, 'bulk-messaging', 'journals', `${fingerprint.slice(0, 32)}.jsonl`);
}
