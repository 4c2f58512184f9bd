// The lock that keeps two processes (two CLI runs, two VS Code windows) from running one send at
// once: each would post the same pending batch. A lock whose process is gone (killed, a reloaded
// window's extension host) is stale and taken over.
import { readFileSync, promises as fs } from 'node:fs';
import * as path from 'node:path';

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

/** The live process holding `lockPath`, if any. */
export function lockHolder(lockPath: string): number | undefined {
  let owner: number;
  try {
    owner = Number(readFileSync(lockPath, 'utf8').trim());
  } catch {
    return undefined;
  }
  return Number.isInteger(owner) && owner > 0 && isRunning(owner) ? owner : undefined;
}

/** Takes `lockPath`; a lock left by a process that is gone is taken over. Returns an error text when busy. */
export async function acquireLock(lockPath: string, busy: (pid: number) => string): Promise<JournalLock | string> {
  await fs.mkdir(path.dirname(lockPath), { recursive: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    // Written aside, then linked into place: a reader never sees a lock file without its pid.
    const temp = `${lockPath}.${process.pid}.${attempt}.tmp`;
    await fs.writeFile(temp, String(process.pid));
    try {
      await fs.link(temp, lockPath);
      return { release: () => fs.rm(lockPath, { force: true }) };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = lockHolder(lockPath);
      if (owner !== undefined) return busy(owner);
      await fs.rm(lockPath, { force: true });
    } finally {
      await fs.rm(temp, { force: true });
    }
  }
  return `could not take the lock ${lockPath}; remove it if no other bulk-messaging process is running.`;
}
