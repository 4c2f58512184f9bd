// What the copy commands put on the clipboard, built without `vscode`.
import type { BatchRecord } from './sendRecord';
import { listedDestinations, type SendsNode } from './treeNodes';

/** UUIDs of the chosen items, one per line: a destination's own, a batch's or a send's all. */
export function uuidsText(nodes: readonly SendsNode[]): string {
  const seen = new Set<string>();
  for (const node of nodes) {
    const batches = node.kind === 'batch' ? [node.batch] : node.kind === 'send' ? node.record.batches : [];
    const destinations =
      node.kind === 'destination' ? [node.destination] : node.kind === 'range' || node.kind === 'group' ? listedDestinations(node) : batches.flatMap((b) => b.destinations);
    for (const d of destinations) if (d.uuid) seen.add(d.uuid);
  }
  return [...seen].join('\n');
}

function pretty(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}

/**
 * The response body of one batch, pretty-printed; of several, a JSON array of them. A body that is
 * not JSON (the send stored an HTML error page) is copied as it came.
 */
export function responseText(batches: readonly BatchRecord[]): string | undefined {
  const bodies = batches.flatMap((b) => (b.responseJson !== undefined ? [b.responseJson] : []));
  if (bodies.length === 0) return undefined;
  const parsed = bodies.map(pretty);
  if (parsed.some((p) => p === undefined)) return bodies.join('\n\n');
  return JSON.stringify(parsed.length === 1 ? parsed[0] : parsed, null, 2);
}

/** The batches whose response the chosen item stands for. */
export function batchesOf(node: SendsNode): readonly BatchRecord[] {
  return node.kind === 'batch' || node.kind === 'range' || node.kind === 'group' ? [node.batch] : node.record.batches;
}
