import * as assert from 'node:assert/strict';
import { analyseDestinations } from '../../../src/core/destinations/analyse';
import { TableColumns } from '../../../src/composer/tableColumns';

describe('composer: the other columns of a CSV list', () => {
  const csv = 'name,phone,city\nAda Lovelace,+12015550121,Newark\n"Hopper, Grace",+12015550122,New York\n,+12015550123,Austin';

  it('reads the headers and the name on each entry’s row', () => {
    const analysis = analyseDestinations(csv);
    const table = TableColumns.read(csv, analysis);
    assert.deepEqual(table?.headers, ['name', 'phone', 'city']);
    assert.equal(table?.nameHeader, 'name');
    assert.deepEqual(analysis.entries.map((entry) => table?.nameAt(entry.position.offset)), ['Ada Lovelace', 'Hopper, Grace', undefined]);
  });

  it('has nothing to say for a plain list, or a table without a name column', () => {
    assert.equal(TableColumns.read('+12015550121\n+12015550122', analyseDestinations('+12015550121\n+12015550122')), undefined);
    const noName = 'phone;city\n+12015550121;Newark';
    const table = TableColumns.read(noName, analyseDestinations(noName));
    assert.deepEqual(table?.headers, ['phone', 'city']);
    assert.equal(table?.nameAt(11), undefined);
  });
});
