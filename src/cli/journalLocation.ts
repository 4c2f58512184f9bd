// Where the CLI keeps a send's journal by default, and the lock that keeps two processes from
// running one send at once (each would post the same pending batch).
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** `$XDG_STATE_HOME/bulk-messaging/journals/<fingerprint>.jsonl`: the same send finds the same file. */
export function defaultJournalPath(fingerprint: string, env: NodeJS.ProcessEnv): string {
  const state = env.XDG_STATE_HOME || path.join(os.homedir(), '.local', 'state');
  return path.join(state, 'bulk-messaging', 'journals', `${fingerprint.slice(0, 32)}.jsonl`);
}

export interface JournalLock {
  release(): Promise<void>;
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Takes `<journal>.lock`; a lock left by a process that is gone (killed) is taken over. Returns an error text when busy. */
export async function acquireJournalLock(journalPath: string): Promise<JournalLock | string> {
  const lockPath = `${journalPath}.lock`;
  await fs.mkdir(path.dirname(lockPath), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await fs.open(lockPath, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      return { release: () => fs.rm(lockPath, { force: true }) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number((await fs.readFile(lockPath, 'utf8').catch(() => '')).trim());
      if (Number.isInteger(owner) && owner > 0 && isRunning(owner)) {
        return `another bulk-messaging process (pid ${owner}) is running this send (${journalPath}); wait for it to finish.`;
      }
      await fs.rm(lockPath, { force: true });
    }
  }
  return `could not take the lock ${lockPath}; remove it if no other bulk-messaging process is running.`;
}
