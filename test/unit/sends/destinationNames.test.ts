import * as assert from 'node:assert/strict';
import { childrenOf, rootNodes, type SendsNode } from '../../../src/sends/treeNodes';
import { describeNode } from '../../../src/sends/treeItemView';
import { batch, destination, send } from './builders';

/** Every destination row of the tree, as [label, description]. */
function destinationRows(nodes: SendsNode[]): string[][] {
  return nodes.flatMap((node) => (node.kind === 'destination' ? [[describeNode(node).label, describeNode(node).description ?? '']] : destinationRows(childrenOf(node))));
}

describe('Sends tree: the CSV name beside each number', () => {
  const draftOf = (destinations: string) => ({ ...send().draft, destinations });

  it('leads a destination\u2019s description with the name on its CSV row', () => {
    const record = send({
      draft: draftOf('first name,mobile\nAda Lovelace,+12015550121\n"Hopper, Grace",+12015550122\n,+12015550123'),
      batches: [batch(0, [destination('+12015550121', 'delivered'), destination('+12015550122', 'failed', { errorCode: '30' }), destination('+12015550123')])],
    });
    const rows = destinationRows(rootNodes([record]));
    const byNumber = new Map(rows.map(([label, description]) => [label, description]));
    assert.match(byNumber.get('+12015550121') ?? '', /^Ada Lovelace · delivered · /);
    assert.match(byNumber.get('+12015550122') ?? '', /^Hopper, Grace · failed · error 30 \(spam detected\) · /);
    assert.match(byNumber.get('+12015550123') ?? '', /^queued · /, 'a row with an empty name shows none');
  });

  it('shows no name for a plain list, or a send whose draft text was trimmed', () => {
    for (const draft of [draftOf('+12015550121'), draftOf('')]) {
      const rows = destinationRows(rootNodes([send({ draft, batches: [batch(0, [destination('+12015550121', 'delivered')])] })]));
      assert.match(rows[0][1], /^delivered · /);
    }
  });
});
