// The shape of the Sends tree, built from records without `vscode` (sendsTree.ts turns nodes into
// TreeItems). Ids are stable across refreshes so VS Code keeps expansion and selection.
import { nextStep, progressLine, sendProgress } from '../core/sends/sendProgress';
import type { BatchRecord, DestinationRecord, SendRecord } from './sendRecord';
import { batchTrouble, isRefused } from './sendSummary';

export interface SendNode {
  kind: 'send';
  id: string;
  record: SendRecord;
  /** True for the newest send, shown expanded the first time it appears. */
  newest: boolean;
}

export interface BatchNode {
  kind: 'batch';
  id: string;
  record: SendRecord;
  batch: BatchRecord;
}

export interface DestinationNode {
  kind: 'destination';
  id: string;
  record: SendRecord;
  batch: BatchRecord;
  destination: DestinationRecord;
}

/** Destinations by where they stand; failures first, so they are read before the rest. */
export type StateGroup = 'trouble' | 'moving' | 'delivered';
export const GROUP_ORDER: readonly StateGroup[] = ['trouble', 'moving', 'delivered'];

/** The group a destination is listed in: failed, undelivered, rejected or refused; still moving; delivered. */
export function groupOf(destination: DestinationRecord): StateGroup {
  if (isRefused(destination) || destination.state === 'failed' || destination.state === 'undelivered' || destination.state === 'rejected') return 'trouble';
  return destination.state === 'delivered' || destination.state === 'read' ? 'delivered' : 'moving';
}

/** A batch's destinations in one state group, shown when the batch has more than one group. */
export interface GroupNode {
  kind: 'group';
  id: string;
  record: SendRecord;
  batch: BatchRecord;
  group: StateGroup;
  count: number;
}

/**
 * A page of a large batch's destinations ("Destinations 101–200"), or of one of its groups: a
 * sidebar cannot show 1,000 rows usefully, and VS Code transfers every row of an expanded node on
 * each redraw.
 */
export interface RangeNode {
  kind: 'range';
  id: string;
  record: SendRecord;
  batch: BatchRecord;
  /** The group paged, or none: the whole batch. */
  group?: StateGroup;
  /** Positions in the (group's) list of destinations, 0-based, end exclusive. */
  start: number;
  end: number;
}

/** Destinations shown directly under a batch up to this many; past it, in pages of this size. */
export const DESTINATION_PAGE = 100;

/** Entries that were not sent: listed by the API as invalid, or skipped by the local preview. */
export interface InvalidGroupNode {
  kind: 'invalidGroup';
  id: string;
  record: SendRecord;
  source: 'api' | 'local';
  entries: readonly string[];
}

export interface InvalidEntryNode {
  kind: 'invalidEntry';
  id: string;
  record: SendRecord;
  source: 'api' | 'local';
  entry: string;
}

/** A line of information under a send or batch: a failed request, batches left unsent. */
export interface NoticeNode {
  kind: 'notice';
  id: string;
  record: SendRecord;
  severity: 'error' | 'info';
  label: string;
  detail: string;
}

export type SendsNode = SendNode | BatchNode | GroupNode | RangeNode | DestinationNode | InvalidGroupNode | InvalidEntryNode | NoticeNode;

/** The root nodes: one per send, in history order (newest first). */
export function rootNodes(sends: readonly SendRecord[]): SendNode[] {
  return sends.map((record, index) => ({ kind: 'send', id: record.id, record, newest: index === 0 }));
}

function troubleNotice(record: SendRecord, batch: BatchRecord, id: string): NoticeNode | undefined {
  const trouble = batchTrouble(batch);
  if (!trouble) return undefined;
  return { kind: 'notice', id, record, severity: trouble.severity, label: trouble.title, detail: trouble.detail };
}

/** The words the tree uses for the two ways on: its item actions. */
export const TREE_ACTIONS = { check: 'Use Check Now on the send', rest: 'use Send the Rest' } as const;

/** Indices (into batch.destinations) of the group's destinations, or of all of them. */
function indicesOf(batch: BatchRecord, group: StateGroup | undefined): number[] {
  const indices: number[] = [];
  batch.destinations.forEach((destination, index) => {
    if (group === undefined || groupOf(destination) === group) indices.push(index);
  });
  return indices;
}

/** The destinations a group or a page lists (a page of a group lists that group's). */
export function listedDestinations(node: GroupNode | RangeNode): DestinationRecord[] {
  const indices = indicesOf(node.batch, node.group);
  const shown = node.kind === 'range' ? indices.slice(node.start, node.end) : indices;
  return shown.map((index) => node.batch.destinations[index]);
}

/** Destination ids carry their index in the batch, so they stay the same when a state moves them. */
function destinationNodes(record: SendRecord, batch: BatchRecord, prefix: string, indices: readonly number[]): DestinationNode[] {
  return indices.map((index) => ({ kind: 'destination', id: `${prefix}/d${index}`, record, batch, destination: batch.destinations[index] }));
}

/**
 * The first DESTINATION_PAGE destinations (of the group, or the batch), then the rest in pages: the
 * first numbers are in view one level down (each level is a round trip to VS Code), the rest a click away.
 */
function pagedDestinations(record: SendRecord, batch: BatchRecord, prefix: string, group?: StateGroup): Array<DestinationNode | RangeNode> {
  const indices = indicesOf(batch, group);
  const nodes: Array<DestinationNode | RangeNode> = destinationNodes(record, batch, prefix, indices.slice(0, DESTINATION_PAGE));
  const rangePrefix = group ? `${prefix}/g-${group}` : prefix;
  for (let start = DESTINATION_PAGE; start < indices.length; start += DESTINATION_PAGE) {
    nodes.push({ kind: 'range', id: `${rangePrefix}/r${start}`, record, batch, ...(group ? { group } : {}), start, end: Math.min(indices.length, start + DESTINATION_PAGE) });
  }
  return nodes;
}

/** The batch's groups in GROUP_ORDER; empty when all its destinations stand the same (no group needed). */
function groupNodes(record: SendRecord, batch: BatchRecord, prefix: string): GroupNode[] {
  const counts = new Map<StateGroup, number>();
  for (const destination of batch.destinations) counts.set(groupOf(destination), (counts.get(groupOf(destination)) ?? 0) + 1);
  if (counts.size <= 1) return [];
  return GROUP_ORDER.filter((group) => counts.has(group)).map((group) => ({ kind: 'group', id: `${prefix}/g-${group}`, record, batch, group, count: counts.get(group) ?? 0 }));
}

function destinationsOrGroups(record: SendRecord, batch: BatchRecord, prefix: string): Array<GroupNode | DestinationNode | RangeNode> {
  const groups = groupNodes(record, batch, prefix);
  return groups.length > 0 ? groups : pagedDestinations(record, batch, prefix);
}

function invalidGroup(record: SendRecord, source: 'api' | 'local', entries: readonly string[], id: string): InvalidGroupNode[] {
  return entries.length > 0 ? [{ kind: 'invalidGroup', id, record, source, entries }] : [];
}

function batchPrefix(record: SendRecord, batch: BatchRecord): string {
  return `${record.id}/b${batch.index}`;
}

/** Children of a send: its batches when there are several, else the one batch's content inline. */
export function sendChildren(record: SendRecord): SendsNode[] {
  const children: SendsNode[] = [];
  if (record.batches.length === 1) {
    children.push(...batchChildren(record, record.batches[0]));
  } else {
    children.push(...record.batches.map((batch): BatchNode => ({ kind: 'batch', id: batchPrefix(record, batch), record, batch })));
  }
  children.push(...invalidGroup(record, 'local', record.skippedInvalid, `${record.id}/skipped`));
  const progress = sendProgress(record);
  if (progress.inDoubt + progress.notSent > 0) {
    // Advice from the whole send, never from one batch.
    children.push({
      kind: 'notice',
      id: `${record.id}/unsent`,
      record,
      severity: progress.inDoubt > 0 ? 'error' : 'info',
      label: progressLine(progress),
      detail: nextStep(progress, TREE_ACTIONS),
    });
  }
  return children;
}

/** Children of one batch: its trouble (if any), its destinations, then the API's invalid entries. */
export function batchChildren(record: SendRecord, batch: BatchRecord): SendsNode[] {
  const prefix = batchPrefix(record, batch);
  const failure = troubleNotice(record, batch, `${prefix}/failure`);
  return [
    ...(failure ? [failure] : []),
    ...destinationsOrGroups(record, batch, prefix),
    ...invalidGroup(record, 'api', batch.invalidNumbers, `${prefix}/invalid`),
  ];
}

/** Children of any node; leaves have none. */
export function childrenOf(node: SendsNode): SendsNode[] {
  switch (node.kind) {
    case 'send':
      return sendChildren(node.record);
    case 'batch':
      return batchChildren(node.record, node.batch);
    case 'group':
      return pagedDestinations(node.record, node.batch, batchPrefix(node.record, node.batch), node.group);
    case 'range':
      return destinationNodes(node.record, node.batch, batchPrefix(node.record, node.batch), indicesOf(node.batch, node.group).slice(node.start, node.end));
    case 'invalidGroup':
      return node.entries.map((entry, position) => ({ kind: 'invalidEntry', id: `${node.id}/${position}`, record: node.record, source: node.source, entry }));
    default:
      return [];
  }
}

/** The parent of a node (undefined for a send), rebuilt from its record so `reveal` works. */
export function parentOf(node: SendsNode): SendsNode | undefined {
  const { record } = node;
  const send: SendNode = { kind: 'send', id: record.id, record, newest: false };
  /** The node holding a batch's content: the batch item, or the send when it has one batch. */
  const holderOf = (childId: string): SendsNode => {
    const batch = record.batches.find((b) => childId.startsWith(`${batchPrefix(record, b)}/`));
    if (!batch || record.batches.length === 1) return send;
    return { kind: 'batch', id: batchPrefix(record, batch), record, batch };
  };
  switch (node.kind) {
    case 'send':
      return undefined;
    case 'batch':
      return send;
    case 'invalidEntry': {
      const groupId = node.id.slice(0, node.id.lastIndexOf('/'));
      return childrenOf(holderOf(groupId)).find((n) => n.id === groupId) ?? send;
    }
    case 'group':
      return holderOf(node.id);
    case 'range': {
      if (!node.group) return holderOf(node.id);
      const group = node.group;
      return childrenOf(holderOf(node.id)).find((n) => n.kind === 'group' && n.group === group) ?? holderOf(node.id);
    }
    case 'destination': {
      const holder = holderOf(node.id);
      const index = Number(/\/d(\d+)$/.exec(node.id)?.[1] ?? 0);
      const group = childrenOf(holder).find((n): n is GroupNode => n.kind === 'group' && n.group === groupOf(node.destination));
      const list = group ?? holder;
      const position = indicesOf(node.batch, group?.group).indexOf(index);
      const range = childrenOf(list).find((n): n is RangeNode => n.kind === 'range' && position >= n.start && position < n.end);
      return range ?? list;
    }
    default:
      return holderOf(node.id);
  }
}
