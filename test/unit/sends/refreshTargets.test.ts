import * as assert from 'node:assert/strict';
import { batchesOf, responseText, uuidsText } from '../../../src/sends/clipboardText';
import { autoRefreshTargets, refreshTargetsFor } from '../../../src/sends/refreshTargets';
import { childrenOf, rootNodes, type SendsNode } from '../../../src/sends/treeNodes';
import { batch, destination, destinations, send } from './builders';

describe('what a refresh reads', () => {
  const mixed = () =>
    send({
      batches: [
        batch(0, [destination('+1', 'delivered'), destination('+2', 'sent'), { number: '+3', state: 'unknown' }]),
        batch(1, [destination('+4', 'queued'), destination('+5', 'unknown', { lookupStatus: 404, lookupError: 'not found (404)' })]),
      ],
    });

  it('reads only messages that may still change from the title button', () => {
    const record = mixed();
    const done = send({ batches: [batch(0, destinations(3, 'delivered'))] });
    const [target, ...rest] = refreshTargetsFor([], [record, done]);
    assert.deepEqual(rest, [], 'a finished send is not read again');
    const uuids = record.batches.flatMap((b) => b.destinations.map((d) => d.uuid));
    // sent (+2) and queued (+4); delivered, no-UUID and 404 entries are left alone.
    assert.deepEqual(target, { sendId: record.id, uuids: [uuids[1], uuids[3]] });
  });

  it('reads every UUID of a chosen send or batch, and one chosen destination', () => {
    const record = mixed();
    const [sendNode] = rootNodes([record]);
    const [firstBatch] = childrenOf(sendNode);
    // The batch's second destination, wherever its state group lists it.
    const rows = (node: SendsNode): SendsNode[] => childrenOf(node).flatMap((child) => (child.kind === 'destination' ? [child] : rows(child)));
    const secondDestination = rows(firstBatch).find((n) => n.kind === 'destination' && n.destination === record.batches[0].destinations[1]) as SendsNode;
    const uuids = record.batches.flatMap((b) => b.destinations.flatMap((d) => (d.uuid ? [d.uuid] : [])));
    assert.deepEqual(refreshTargetsFor([sendNode], [record])[0].uuids, uuids);
    assert.deepEqual(refreshTargetsFor([firstBatch], [record])[0].uuids, uuids.slice(0, 2));
    assert.deepEqual(refreshTargetsFor([secondDestination, firstBatch], [record]), [{ sendId: record.id, uuids: uuids.slice(0, 2).reverse() }]);
  });

  it('auto-refreshes only recent sandbox sends with messages that may change', () => {
    const now = Date.parse('2025-06-01T12:00:00Z');
    const recent = send({ createdAt: '2025-06-01T11:58:00Z' });
    const old = send({ createdAt: '2025-06-01T11:40:00Z' });
    const live = send({ createdAt: '2025-06-01T11:59:00Z', isSandbox: false, profileId: 'p1' });
    const finished = send({ createdAt: '2025-06-01T11:59:30Z', batches: [batch(0, destinations(2, 'failed'))] });
    assert.deepEqual(autoRefreshTargets([finished, live, recent, old], now).map((t) => t.sendId), [recent.id]);
  });
});

describe('what the copy commands copy', () => {
  it('copies UUIDs one per line: a destination’s, a batch’s, a send’s, each once', () => {
    const record = send({ batches: [batch(0, destinations(2)), batch(1, [destination('+9'), { number: '+8', state: 'unknown' }])] });
    const [sendNode] = rootNodes([record]);
    const [b0, b1] = childrenOf(sendNode);
    const [d0] = childrenOf(b0);
    const all = record.batches.flatMap((b) => b.destinations.flatMap((d) => (d.uuid ? [d.uuid] : [])));
    assert.equal(uuidsText([sendNode]), all.join('\n'));
    assert.equal(uuidsText([b1]), all[2]);
    assert.equal(uuidsText([d0]), all[0]);
    assert.equal(uuidsText([d0, sendNode]), all.join('\n'));
  });

  it('copies a batch’s response pretty-printed, several as one JSON array', () => {
    const record = send({ batches: [batch(0, destinations(1)), batch(1, destinations(1), { invalidNumbers: ['12ab'], responseJson: '{"api_id":"b","message_uuid":["u"],"invalid_number":["12ab"]}' })] });
    const one = responseText([record.batches[1]]);
    assert.deepEqual(JSON.parse(one ?? ''), { api_id: 'b', message_uuid: ['u'], invalid_number: ['12ab'] });
    assert.match(one ?? '', /\n {2}"api_id"/);
    const both = JSON.parse(responseText(batchesOf(rootNodes([record])[0])) ?? '');
    assert.equal(both.length, 2);
    assert.equal(both[1].api_id, 'b');
  });

  it('copies a body that is not JSON as it came, and nothing when there is none', () => {
    assert.equal(responseText([batch(0, [], { responseJson: '<html>502</html>' })]), '<html>502</html>');
    assert.equal(responseText([batch(0, [], { responseJson: undefined })]), undefined);
  });
});
