import { acquireLock } from '../core/sends/journalLock';
import { markInterrupted } from '../core/sends/sendEngine';
import type { SendHistory } from './historyStore';
import type { BatchRecord } from './sendRecord';

/**
 * After a reload or crash, a batch stays "in flight" in its file although nobody posts it any more:
 * shows it as in doubt (with Check Now) as soon as no live process holds its send's lock.
 */
export async function markInterruptedSends(history: SendHistory): Promise<void> {
  for (const record of history.list()) {
    if (!record.batches.some((b) => b.state === 'in-flight') || history.isReadOnly(record.id) || history.isRunning(record.id)) continue;
    const lock = await acquireLock(history.lockPath(record.id), () => 'running');
    if (typeof lock === 'string') continue;
    try {
      const cut = markInterrupted(record) as BatchRecord[];
      if (cut.length > 0) await history.saveBatches(record, cut);
    } finally {
      await lock.release();
    }
  }
}
