// Which UUIDs a refresh reads, for a click on an item, the view's title button, or the timer.
import type { SendRecord } from './sendRecord';
import { allUuids, mayChange } from './sendSummary';
import type { RefreshTarget } from './status/statusRefreshService';
import { listedDestinations, type SendsNode } from './treeNodes';

function pendingUuids(record: SendRecord): string[] {
  return record.batches.flatMap((b) => b.destinations.flatMap((d) => (mayChange(d) && d.uuid ? [d.uuid] : [])));
}

/** Merges targets of the same send, keeping each UUID once, in first-seen order. */
function merge(targets: RefreshTarget[]): RefreshTarget[] {
  const bySend = new Map<string, Set<string>>();
  for (const target of targets) {
    const uuids = bySend.get(target.sendId) ?? new Set<string>();
    target.uuids.forEach((uuid) => uuids.add(uuid));
    bySend.set(target.sendId, uuids);
  }
  return [...bySend.entries()].filter(([, uuids]) => uuids.size > 0).map(([sendId, uuids]) => ({ sendId, uuids: [...uuids] }));
}

/**
 * What to read for the chosen items: every UUID of a chosen send or batch, the one of a chosen
 * destination. With nothing chosen (the title button): the messages whose state may still change.
 */
export function refreshTargetsFor(nodes: readonly SendsNode[], sends: readonly SendRecord[]): RefreshTarget[] {
  if (nodes.length === 0) return merge(sends.map((record) => ({ sendId: record.id, uuids: pendingUuids(record) })));
  return merge(
    nodes.map((node) => {
      switch (node.kind) {
        case 'batch':
          return { sendId: node.record.id, uuids: allUuids({ ...node.record, batches: [node.batch] }) };
        case 'range':
        case 'group':
          return { sendId: node.record.id, uuids: listedDestinations(node).flatMap((d) => (d.uuid ? [d.uuid] : [])) };
        case 'destination':
          return { sendId: node.record.id, uuids: node.destination.uuid ? [node.destination.uuid] : [] };
        default:
          return { sendId: node.record.id, uuids: allUuids(node.record) };
      }
    }),
  );
}

/** Auto-refresh keeps watching a sandbox send for this long after it was made. */
export const AUTO_REFRESH_WINDOW_MS = 10 * 60_000;

/**
 * The sandbox sends' messages that may still change, for sends made within the window: the
 * sandbox's "stays sent" number would otherwise be polled forever.
 */
export function autoRefreshTargets(sends: readonly SendRecord[], now: number, windowMs = AUTO_REFRESH_WINDOW_MS): RefreshTarget[] {
  return merge(
    sends
      .filter((record) => record.isSandbox && now - Date.parse(record.createdAt) < windowMs)
      .map((record) => ({ sendId: record.id, uuids: pendingUuids(record) })),
  );
}
