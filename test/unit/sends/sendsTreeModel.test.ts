import * as assert from 'node:assert/strict';
import type { SendRecord } from '../../../src/sends/sendRecord';
import { countSend, formatWhen, headlineText, needsAttention, textSnippet } from '../../../src/sends/sendSummary';
import { describeNode, STATE_ICONS } from '../../../src/sends/treeItemView';
import { childrenOf, parentOf, rootNodes, type DestinationNode, type SendsNode } from '../../../src/sends/treeNodes';
import { batch, destination, destinations, send } from './builders';

/** Every node under (and including) the given ones, depth first. */
function walk(nodes: SendsNode[]): SendsNode[] {
  return nodes.flatMap((node) => [node, ...walk(childrenOf(node))]);
}

const rootOf = (record: SendRecord, newest = true) => ({ ...rootNodes([record])[0], newest });
/** The destination rows under a send, in the order shown, through its state groups. */
const destinationRows = (node: SendsNode): SendsNode[] =>
  childrenOf(node).flatMap((child) => (child.kind === 'group' ? destinationRows(child) : child.kind === 'destination' ? [child] : []));

describe('sends tree structure', () => {
  it('lists a one-batch send’s destinations under it grouped by state, failures first, then its invalid and skipped entries', () => {
    const record = send({
      batches: [batch(0, [destination('+14155550001', 'delivered'), destination('+14155550002', 'failed', { errorCode: '30' })], { invalidNumbers: ['12ab'] })],
      skippedInvalid: ['hello', '555'],
    });
    const children = childrenOf(rootOf(record));
    // Two states: grouped, failures first.
    assert.deepEqual(children.map((c) => c.kind), ['group', 'group', 'invalidGroup', 'invalidGroup']);
    assert.deepEqual(children.slice(0, 2).map((c) => describeNode(c).label), ['Failed or undelivered: 1', 'Delivered: 1']);
    assert.deepEqual(destinationRows(rootOf(record)).map((n) => describeNode(n).label), ['+14155550002', '+14155550001']);
    const [apiGroup, localGroup] = children.slice(2);
    assert.deepEqual(childrenOf(apiGroup).map((n) => describeNode(n).label), ['12ab']);
    assert.deepEqual(childrenOf(localGroup).map((n) => describeNode(n).label), ['hello', '555']);
    assert.equal(describeNode(apiGroup).label, 'Invalid (API): 1');
    assert.equal(describeNode(localGroup).label, 'Skipped locally: 2');
  });

  it('shows several batches as batch items, a batch in doubt with its trouble first, and advice from the whole send', () => {
    const problem = { kind: 'server-error', status: 500, message: 'Plivo answered 500.' };
    const pending = batch(2, destinations(2, 'unknown').map((d) => ({ ...d, uuid: undefined, result: undefined })), { state: 'pending', attempts: 0, status: undefined, responseJson: undefined });
    const record = send({
      batches: [batch(0, destinations(3, 'sent')), batch(1, destinations(2, 'unknown').map((d) => ({ ...d, uuid: undefined, result: undefined })), { state: 'in-doubt', status: 500, problem, responseJson: undefined }), pending],
    });
    const children = childrenOf(rootOf(record));
    assert.deepEqual(children.map((c) => c.kind), ['batch', 'batch', 'batch', 'notice']);
    assert.deepEqual(children.map((c) => describeNode(c).label), ['Batch 1 of 3', 'Batch 2 of 3', 'Batch 3 of 3', '3 accepted, 2 in doubt, 2 not sent of 7']);
    assert.match(describeNode(children[3]).tooltip, /Check the 2 in doubt first/);
    const doubtful = describeNode(children[1]);
    assert.equal(doubtful.description, 'In doubt: may have been queued');
    assert.equal(doubtful.icon.id, 'error');
    const [notice] = childrenOf(children[1]);
    assert.equal(describeNode(notice).label, 'In doubt: may have been queued');
    assert.match(describeNode(notice).tooltip, /Nothing of this batch is sent again until it is checked/);
    assert.equal(childrenOf(children[0]).length, 3);
    assert.equal(describeNode(children[0]).description, '3 sent · HTTP 202');
  });

  it('a checked batch says how many were not queued; their copies in the resend batch are counted once', () => {
    const checked = destinations(2, 'unknown').map((d, i) => (i === 0 ? { ...d, recovered: true as const } : { ...d, uuid: undefined, result: 'not-sent' as const, resentIn: 1 }));
    const resent = batch(1, [{ number: checked[1].number, uuid: 'resent-uuid', result: 'accepted', state: 'queued' }]);
    const record = send({ batches: [batch(0, checked, { state: 'reconciled' }), resent] });
    const [first] = childrenOf(rootOf(record));
    assert.equal(describeNode(first).description, 'Checked: 1 not queued');
    assert.match(describeNode(rootOf(record)).label, /1 queued · 1 not checked/);
    assert.equal(childrenOf(rootOf(record)).filter((c) => c.kind === 'notice').length, 0, 'nothing is left to do');
  });

  it('gives every node a distinct id that stays the same when the tree is rebuilt', () => {
    const record = send({ batches: [batch(0, destinations(5)), batch(1, destinations(5), { invalidNumbers: ['x'] })], skippedInvalid: ['y'] });
    const ids = walk(rootNodes([record])).map((n) => n.id);
    assert.equal(new Set(ids).size, ids.length);
    assert.deepEqual(walk(rootNodes([record])).map((n) => n.id), ids);
  });

  it('finds every node’s parent, so the view can reveal any item', () => {
    const problem = { kind: 'server-error', message: 'HTTP 500' };
    const records = [
      send({ batches: [batch(0, destinations(2), { invalidNumbers: ['a'] })], skippedInvalid: ['b'] }),
      send({ batches: [batch(0, destinations(2)), batch(1, destinations(1, 'unknown'), { state: 'in-doubt', problem }), batch(10, destinations(1), { invalidNumbers: ['c', 'd'] })], skippedInvalid: ['e'] }),
    ];
    const parents = new Map<string, string | undefined>();
    const visit = (node: SendsNode, parent?: SendsNode) => {
      parents.set(node.id, parent?.id);
      childrenOf(node).forEach((child) => visit(child, node));
    };
    rootNodes(records).forEach((root) => visit(root));
    assert.ok(parents.size > 20);
    for (const node of walk(rootNodes(records))) assert.equal(parentOf(node)?.id, parents.get(node.id), `parent of ${node.id}`);
  });

  it('shows a 1,000-destination batch as its first 100 destinations, then pages of 100, each destination findable from its page', () => {
    const record = send({ batches: [batch(0, destinations(1000, 'delivered'))] });
    const children = childrenOf(rootOf(record));
    assert.equal(children.length, 100 + 9);
    assert.deepEqual(children.slice(0, 100).map((n) => n.kind), Array(100).fill('destination'));
    const pages = children.slice(100);
    assert.deepEqual(pages.map((n) => describeNode(n).label).slice(0, 2), ['Destinations 101–200', 'Destinations 201–300']);
    assert.equal(describeNode(pages[1]).collapsible, 'collapsed');
    assert.equal(describeNode(pages[1]).description, '100 delivered');
    const third = childrenOf(pages[1]);
    assert.equal(third.length, 100);
    assert.equal(describeNode(third[0]).label, '+14155550200');
    assert.equal(parentOf(third[50])?.id, pages[1].id, 'reveal finds destination 251 under its page');
    assert.equal(parentOf(children[5])?.id, record.id, 'the first hundred sit under the send');
    assert.equal(new Set(walk(rootNodes([record])).map((n) => n.id)).size, 1 + 9 + 1000);
  });
});

describe('sends tree items', () => {
  it('labels a send with its time and counts, failures first, and describes its text and profile', () => {
    const record = send({
      createdAt: new Date(2025, 0, 2, 9, 5).toISOString(),
      draft: { ...send().draft, text: 'Your *code* is 1234\nsecond line' },
      batches: [batch(0, [destination('+1', 'delivered'), destination('+2', 'delivered'), destination('+3', 'failed')], { invalidNumbers: ['bad'] })],
    });
    const view = describeNode(rootOf(record), new Date(2025, 5, 1));
    assert.equal(view.label, '2025-01-02 09:05 · 1 failed · 1 invalid · 2 delivered');
    assert.equal(view.description, 'Your *code* is 1234 · Local sandbox');
    assert.match(view.tooltip, /Your \\\*code\\\* is 1234/, 'message text is escaped in the Markdown tooltip');
    assert.equal(view.collapsible, 'expanded');
    assert.equal(describeNode(rootOf(record, false)).collapsible, 'collapsed');
  });

  it('sets contextValue tokens for what the menus can do with the item', () => {
    assert.equal(describeNode(rootOf(send())).contextValue, 'send:uuids:response');
    const failedOnly = send({ batches: [batch(0, [], { state: 'rejected', status: 401, responseJson: undefined, problem: { kind: 'api', status: 401, message: 'Authentication failed' } })] });
    assert.equal(describeNode(rootOf(failedOnly)).contextValue, 'send');
    const [withUuid] = childrenOf(rootOf(send()));
    assert.equal(describeNode(withUuid).contextValue, 'destination:uuid');
    const noUuid = send({ batches: [batch(0, [{ number: '+14155550001', state: 'unknown' }])] });
    const [withoutUuid] = childrenOf(rootOf(noUuid));
    assert.equal(describeNode(withoutUuid).contextValue, 'destination');
    assert.equal(describeNode(withoutUuid).description, 'no UUID');
  });

  it('gives each delivery state its own icon and colour', () => {
    const states = ['queued', 'sent', 'delivered', 'undelivered', 'failed'] as const;
    const record = send({ batches: [batch(0, states.map((state, i) => destination(`+1415555000${i}`, state)))] });
    const rows = destinationRows(rootOf(record)) as DestinationNode[];
    const icons = rows.map((node) => describeNode(node).icon);
    assert.deepEqual(icons, rows.map((node) => STATE_ICONS[node.destination.state]));
    assert.deepEqual(rows.map((node) => node.destination.state), ['undelivered', 'failed', 'queued', 'sent', 'delivered'], 'failures first');
    assert.equal(new Set(icons.map((i) => i.id)).size, states.length);
    assert.ok(icons.every((icon) => icon.color), 'every state is coloured');
  });

  it('describes a destination’s error code with its documented meaning', () => {
    const record = send({ batches: [batch(0, [destination('+12015550130', 'failed', { errorCode: '30' }), destination('+12015550170', 'undelivered', { errorCode: '70' }), destination('+14155550001', 'delivered', { errorCode: '000' })])] });
    const rows = destinationRows(rootOf(record)) as DestinationNode[];
    const views = rows.map((node) => describeNode(node));
    const uuids = rows.map((node) => node.destination.uuid);
    assert.equal(views[0].description, `failed · error 30 (spam detected) · ${uuids[0]}`);
    assert.equal(views[1].description, `undelivered · error 70 (destination permanently unavailable) · ${uuids[1]}`);
    assert.equal(views[2].description, `delivered · ${uuids[2]}`, '000 is the delivered code, not an error');
    assert.match(views[0].tooltip, /UUID: `[0-9a-f-]+`/);
  });

  it('shows a number the API refused as invalid, counted once', () => {
    // The send service keeps refused numbers in place with the code 'invalid' and lists them in invalidNumbers.
    const refused = { number: '+1415', state: 'failed' as const, errorCode: 'invalid' };
    const record = send({ batches: [batch(0, [destination('+14155550001', 'delivered'), refused], { invalidNumbers: ['1415'] })] });
    const [refusedNode] = destinationRows(rootOf(record));
    const view = describeNode(refusedNode);
    assert.equal(view.description, 'refused: invalid number');
    assert.equal(view.icon.id, 'circle-slash');
    assert.match(describeNode(rootOf(record)).label, / · 1 invalid · 1 delivered$/);
  });

  it('shows a failed status read beside the last known state', () => {
    const record = send({ batches: [batch(0, [destination('+14155550001', 'unknown', { lookupError: 'not found (404)', lookupStatus: 404 })])] });
    const [node] = childrenOf(rootOf(record));
    const view = describeNode(node);
    assert.equal(view.description, `not checked · not found (404) · ${record.batches[0].destinations[0].uuid}`);
    assert.equal(view.icon.id, 'question');
  });

  it('marks a send with pending destinations as pending, a finished one as passed or warned', () => {
    assert.equal(describeNode(rootOf(send())).icon.id, STATE_ICONS.queued.id);
    assert.equal(describeNode(rootOf(send({ batches: [batch(0, destinations(2, 'delivered'))] }))).icon.id, 'pass');
    assert.equal(describeNode(rootOf(send({ batches: [batch(0, [destination('+1', 'delivered'), destination('+2', 'undelivered')])] }))).icon.id, 'warning');
  });
});

describe('sends tree grouping and badge', () => {
  it('groups a large batch by state, failures open, each group paged by 100 and every row findable', () => {
    const list = [...destinations(250, 'delivered'), destination('+12015550130', 'failed', { errorCode: '30' }), ...destinations(3, 'queued')];
    const record = send({ batches: [batch(0, list)] });
    const groups = childrenOf(rootOf(record));
    assert.deepEqual(groups.map((g) => describeNode(g).label), ['Failed or undelivered: 1', 'Queued or sent: 3', 'Delivered: 250']);
    assert.deepEqual(groups.map((g) => describeNode(g).collapsible), ['expanded', 'expanded', 'collapsed']);
    const delivered = childrenOf(groups[2]);
    assert.equal(delivered.filter((n) => n.kind === 'destination').length, 100);
    const pages = delivered.filter((n) => n.kind === 'range');
    assert.deepEqual(pages.map((n) => describeNode(n).label), ['Destinations 101–200', 'Destinations 201–250']);
    assert.equal(describeNode(pages[1]).description, '50 delivered');
    const ids = walk([rootOf(record)]).map((n) => n.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const node of walk([rootOf(record)]).slice(1)) assert.ok(parentOf(node), `parent of ${node.id}`);
    const last = childrenOf(pages[1]).at(-1);
    assert.equal(parentOf(last as SendsNode)?.id, pages[1].id);
  });

  it('counts the sends that need a look for the view badge', () => {
    const fine = send({ batches: [batch(0, destinations(2, 'delivered'))] });
    const failed = send({ batches: [batch(0, [destination('+1', 'delivered'), destination('+2', 'failed')])] });
    assert.equal(needsAttention(fine), false);
    assert.equal(needsAttention(failed), true);
    assert.equal(headlineText(countSend(failed)), '1 failed · 1 delivered');
  });
});

describe('send summary wording', () => {
  it('shortens text to its first line', () => {
    assert.equal(textSnippet('first line\nsecond'), 'first line');
    assert.equal(textSnippet('x'.repeat(60), 40), `${'x'.repeat(39)}…`);
    assert.equal(textSnippet('   '), '(no text)');
  });

  it('shows only the time for a send made today', () => {
    const now = new Date(2025, 2, 3, 18, 0);
    assert.equal(formatWhen(new Date(2025, 2, 3, 7, 4).toISOString(), now), '07:04');
    assert.equal(formatWhen(new Date(2024, 11, 31, 23, 59).toISOString(), now), '2024-12-31 23:59');
  });
});
