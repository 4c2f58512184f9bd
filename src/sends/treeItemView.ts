// What each Sends tree node looks like — label, description, tooltip, icon, contextValue — as
// plain data, so it is unit-tested without VS Code. contextValue tokens drive the menus:
// `send|batch` + `:uuids` (has UUIDs) + `:response` (has a response body), then for a send `:doubt`
// (batches in doubt) and `:rest` (destinations not sent); `destination` + `:uuid`.
import { describeErrorCode, isErrorCode } from '../core/errorCodes';
import { sendProgress } from '../core/sends/sendProgress';
import { destinationNames } from './destinationNames';
import type { DeliveryState, DestinationRecord, SendRecord } from './sendRecord';
import { batchTrouble, countSend, countsText, formatWhen, headlineText, isRefused, stateLabel, textSnippet, type SendCounts } from './sendSummary';
import { DESTINATION_PAGE, groupOf, type BatchNode, type DestinationNode, type GroupNode, type InvalidEntryNode, type InvalidGroupNode, type NoticeNode, type RangeNode, type SendNode, type SendsNode, type StateGroup } from './treeNodes';

/** A codicon id and an optional theme colour id. */
export interface IconView {
  id: string;
  color?: string;
}

/** Everything a TreeItem needs, as plain data. `tooltip` is Markdown with user text escaped. */
export interface ItemView {
  label: string;
  description?: string;
  tooltip: string;
  icon: IconView;
  contextValue: string;
  collapsible: 'none' | 'collapsed' | 'expanded';
}

/** One icon per delivery state; colours are theme colour ids so every theme (and high contrast) fits. */
export const STATE_ICONS: Readonly<Record<DeliveryState, IconView>> = {
  queued: { id: 'clock', color: 'charts.yellow' },
  sent: { id: 'arrow-circle-right', color: 'charts.blue' },
  delivered: { id: 'pass', color: 'testing.iconPassed' },
  read: { id: 'eye', color: 'testing.iconPassed' },
  undelivered: { id: 'warning', color: 'list.warningForeground' },
  failed: { id: 'error', color: 'list.errorForeground' },
  rejected: { id: 'circle-slash', color: 'list.errorForeground' },
  unknown: { id: 'circle-large-outline', color: 'disabledForeground' },
};

const LOOKUP_FAILED_ICON: IconView = { id: 'question', color: 'list.warningForeground' };
const INVALID_ICON: IconView = { id: 'circle-slash', color: 'list.errorForeground' };

/** Escapes Markdown so message text and numbers show as typed. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~]/g, '\\$&');
}

const lines = (...parts: Array<string | undefined | false>) => parts.filter((p): p is string => typeof p === 'string' && p !== '').join('  \n');

function summaryIcon(counts: SendCounts, requestFailed: boolean): IconView {
  const s = counts.byState;
  if (requestFailed && counts.uuids === 0) return { id: 'error', color: 'list.errorForeground' };
  if (s.queued + s.sent > 0) return STATE_ICONS.queued;
  if (s.failed + s.undelivered + s.rejected > 0 || requestFailed) return { id: 'warning', color: 'list.warningForeground' };
  if (counts.destinations > 0 && s.unknown === 0) return STATE_ICONS.delivered;
  return { id: 'mail' };
}

function withTokens(kind: string, uuids: boolean, response: boolean): string {
  return `${kind}${uuids ? ':uuids' : ''}${response ? ':response' : ''}`;
}

/**
 * `:doubt` (Check Now applies), `:rest` (Send the Rest applies) and `:uncheckable` (a check failed,
 * so sending the in-doubt numbers again anyway may be chosen), after the other tokens.
 */
function continueTokens(record: SendRecord): string {
  const progress = sendProgress(record);
  const uncheckable = record.batches.some((b) => b.state === 'in-doubt' && b.reconcileError);
  return `${progress.inDoubt > 0 ? ':doubt' : ''}${progress.inDoubt + progress.notSent > 0 ? ':rest' : ''}${uncheckable ? ':uncheckable' : ''}`;
}

function sendView(node: SendNode, now: Date): ItemView {
  const { record } = node;
  const counts = countSend(record);
  const sender = record.draft.sender.value ? `${record.draft.sender.kind} ${record.draft.sender.value}` : undefined;
  const batches = record.batches.length;
  const pending = record.batches.filter((b) => b.state === 'pending').length;
  return {
    // Sidebars are narrow (~200 px): the label tells sends apart by time and counts, failures first;
    // the text and the profile follow in the description, cut first.
    label: `${formatWhen(record.createdAt, now)} · ${headlineText(counts)}`,
    description: `${textSnippet(record.draft.text, 40)} · ${record.profileName}`,
    tooltip: lines(
      `**${escapeMarkdown(new Date(record.createdAt).toLocaleString())}** · ${escapeMarkdown(record.profileName)}${record.isSandbox ? ' (sandbox)' : ''}`,
      `Text: ${escapeMarkdown(textSnippet(record.draft.text, 200))}`,
      sender && `Sender: ${escapeMarkdown(sender)}`,
      `Destinations: ${counts.destinations} · UUIDs: ${counts.uuids} · invalid (API): ${counts.apiInvalid} · skipped locally: ${counts.skipped}`,
      `Status: ${escapeMarkdown(countsText(counts))}`,
      batches > 1 && `Batches: ${batches - pending} posted${pending > 0 ? `, ${pending} not sent` : ''}`,
    ),
    icon: summaryIcon(counts, counts.failedBatches > 0),
    contextValue: `${withTokens('send', counts.uuids > 0, record.batches.some((b) => b.responseJson !== undefined))}${continueTokens(record)}`,
    collapsible: node.newest ? 'expanded' : 'collapsed',
  };
}

function batchView(node: BatchNode): ItemView {
  const { record, batch } = node;
  const position = record.batches.indexOf(batch) + 1;
  const counts = countSend({ ...record, skippedInvalid: [], batches: [batch] });
  const trouble = batchTrouble(batch);
  const facts = [
    batch.status !== undefined && `HTTP ${batch.status}`,
    `${counts.uuids} UUID${counts.uuids === 1 ? '' : 's'}`,
    batch.invalidNumbers.length > 0 && `${batch.invalidNumbers.length} invalid`,
    batch.elapsedMs !== undefined && `${(batch.elapsedMs / 1000).toFixed(1)} s`,
  ].filter((f): f is string => typeof f === 'string');
  return {
    label: `Batch ${position} of ${record.batches.length}`,
    description: trouble ? trouble.title : `${countsText(counts)}${batch.status !== undefined ? ` · HTTP ${batch.status}` : ''}`,
    tooltip: lines(
      `**Batch ${position}** · ${batch.destinations.length} destinations`,
      facts.join(' · '),
      batch.apiId && `api_id: \`${batch.apiId}\``,
      batch.message && `message: ${escapeMarkdown(batch.message)}`,
      `Status: ${escapeMarkdown(countsText(counts))}`,
      trouble && `**${escapeMarkdown(trouble.title)}**: ${escapeMarkdown(trouble.detail)}`,
    ),
    icon: summaryIcon(counts, trouble?.severity === 'error'),
    contextValue: withTokens('batch', counts.uuids > 0, batch.responseJson !== undefined),
    collapsible: 'collapsed',
  };
}

/**
 * "failed · error 30 (spam detected) · <uuid>": state, error code, a failed status read, then the
 * UUID; led by the name on the number's CSV row, when the list had a name column.
 */
export function destinationDescription(destination: DestinationRecord, name?: string): string {
  const lead = name ? [name] : [];
  if (isRefused(destination)) return [...lead, 'refused: invalid number'].join(' · ');
  const parts: string[] = [...lead, destination.uuid ? stateLabel(destination.state) : 'no UUID'];
  if (isErrorCode(destination.errorCode)) parts.push(`error ${describeErrorCode(destination.errorCode)}`);
  if (destination.lookupError) parts.push(destination.lookupError);
  if (destination.remapped) parts.push('UUID corrected from the API');
  // Which UUID went to which number is what users come here for; last, so narrow views cut it first.
  if (destination.uuid) parts.push(destination.uuid);
  return parts.join(' · ');
}

function destinationView(node: DestinationNode): ItemView {
  const d = node.destination;
  const name = destinationNames(node.record.draft).get(d.number);
  return {
    label: d.number,
    description: destinationDescription(d, name),
    tooltip: lines(
      `**${escapeMarkdown(d.number)}**${name ? ` (${escapeMarkdown(name)})` : ''} · ${stateLabel(d.state)}`,
      d.uuid ? `UUID: \`${d.uuid}\`` : 'No UUID: no message was created for this number.',
      isRefused(d) && 'The API listed this number in `invalid_number`.',
      !isRefused(d) && isErrorCode(d.errorCode) && `Error code: ${escapeMarkdown(describeErrorCode(d.errorCode))}`,
      d.units !== undefined && `Units: ${d.units}`,
      d.updatedAt && `Status read: ${escapeMarkdown(new Date(d.updatedAt).toLocaleString())}`,
      d.lookupError && `Last status read failed: ${escapeMarkdown(d.lookupError)}`,
    ),
    icon: isRefused(d) ? INVALID_ICON : d.lookupError && d.state === 'unknown' ? LOOKUP_FAILED_ICON : STATE_ICONS[d.state],
    contextValue: d.uuid ? 'destination:uuid' : 'destination',
    collapsible: 'none',
  };
}

const GROUP_VIEW: Record<StateGroup, { label: string; icon: IconView }> = {
  trouble: { label: 'Failed or undelivered', icon: { id: 'error', color: 'list.errorForeground' } },
  moving: { label: 'Queued or sent', icon: STATE_ICONS.queued },
  delivered: { label: 'Delivered', icon: STATE_ICONS.delivered },
};

function groupView(node: GroupNode): ItemView {
  const { label, icon } = GROUP_VIEW[node.group];
  const counts = countSend({ ...node.record, skippedInvalid: [], batches: [{ ...node.batch, invalidNumbers: [], destinations: node.batch.destinations.filter((d) => groupOf(d) === node.group) }] });
  const states = countsText(counts);
  return {
    label: `${label}: ${node.count.toLocaleString('en-US')}`,
    // "1 failed" under "Failed or undelivered: 1" says nothing new; a mix of states does.
    description: states.includes(' · ') ? states : undefined,
    tooltip: `${label}: ${node.count} of this batch's ${node.batch.destinations.length} destinations. Status: ${escapeMarkdown(countsText(counts))}`,
    icon,
    contextValue: counts.uuids > 0 ? 'group:uuids' : 'group',
    // Failures are open; a long list of the others waits for a click.
    collapsible: node.group === 'trouble' || node.count <= DESTINATION_PAGE ? 'expanded' : 'collapsed',
  };
}

function rangeView(node: RangeNode): ItemView {
  const { record, batch, start, end } = node;
  const listed = node.group ? batch.destinations.filter((d) => groupOf(d) === node.group) : batch.destinations;
  const counts = countSend({ ...record, skippedInvalid: [], batches: [{ ...batch, invalidNumbers: [], destinations: listed.slice(start, end) }] });
  return {
    label: `Destinations ${(start + 1).toLocaleString('en-US')}–${end.toLocaleString('en-US')}`,
    description: countsText(counts),
    tooltip: `Destinations ${start + 1} to ${end} of this batch's ${batch.destinations.length}. Status: ${escapeMarkdown(countsText(counts))}`,
    icon: summaryIcon(counts, false),
    contextValue: counts.uuids > 0 ? 'range:uuids' : 'range',
    collapsible: 'collapsed',
  };
}

function invalidGroupView(node: InvalidGroupNode): ItemView {
  const api = node.source === 'api';
  return {
    label: api ? `Invalid (API): ${node.entries.length}` : `Skipped locally: ${node.entries.length}`,
    description: 'not sent',
    tooltip: api
      ? 'The API listed these entries in `invalid_number`: no message was created for them.'
      : 'The preview found these entries invalid, so they were left out of the request.',
    icon: INVALID_ICON,
    contextValue: 'invalidGroup',
    collapsible: 'collapsed',
  };
}

function invalidEntryView(node: InvalidEntryNode): ItemView {
  return {
    label: node.entry,
    description: node.source === 'api' ? 'invalid_number' : 'skipped: invalid',
    tooltip: escapeMarkdown(node.entry),
    icon: INVALID_ICON,
    contextValue: 'invalidEntry',
    collapsible: 'none',
  };
}

function noticeView(node: NoticeNode): ItemView {
  return {
    label: node.label,
    description: node.severity === 'error' ? 'request failed' : undefined,
    tooltip: escapeMarkdown(node.detail),
    icon: node.severity === 'error' ? { id: 'error', color: 'list.errorForeground' } : { id: 'info' },
    contextValue: 'notice',
    collapsible: 'none',
  };
}

/** How a node is shown; `now` decides whether a send's time needs its date. */
export function describeNode(node: SendsNode, now: Date = new Date()): ItemView {
  switch (node.kind) {
    case 'send':
      return sendView(node, now);
    case 'batch':
      return batchView(node);
    case 'group':
      return groupView(node);
    case 'range':
      return rangeView(node);
    case 'destination':
      return destinationView(node);
    case 'invalidGroup':
      return invalidGroupView(node);
    case 'invalidEntry':
      return invalidEntryView(node);
    case 'notice':
      return noticeView(node);
  }
}

