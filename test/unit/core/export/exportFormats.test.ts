// Exports parsed back: CSV by csv-parse, JSON by JSON.parse; states, error meanings and amounts.
import * as assert from 'node:assert/strict';
import { parse } from 'csv-parse/sync';
import { exportCsv, exportJson } from '../../../../src/core/export/exportFormats';
import type { ExportableSend } from '../../../../src/core/export/exportRows';

const send: ExportableSend = {
  id: 'send-1',
  createdAt: '2026-12-03T10:00:00.000Z',
  profileName: 'Live, "EU"',
  request: { src: '14155550100', text: 'Hi, "you"\nline 2', url: 'https://example.com/cb' },
  batches: [
    {
      index: 0,
      state: 'accepted',
      startedAt: '2026-12-03T10:00:01.000Z',
      finishedAt: '2026-12-03T10:00:01.200Z',
      destinations: [
        { number: '+14155550101', uuid: 'u1', result: 'accepted', state: 'delivered', errorCode: '000', units: 2, totalRate: '0.00500', totalAmount: '0.01000', updatedAt: '2026-12-03T10:01:00.000Z' },
        { number: '+447400123456', uuid: 'u2', result: 'accepted', state: 'failed', errorCode: '30', units: 1 },
        { number: '+14155550103', result: 'refused' },
      ],
    },
    { index: 1, state: 'in-doubt', startedAt: '2026-12-03T10:00:02.000Z', destinations: [{ number: '+14155550104' }] },
    { index: 2, state: 'pending', destinations: [{ number: '+14155550105' }] },
  ],
};

describe('export: CSV and JSON', () => {
  it('CSV parses back to one row per destination with state, error meaning, units, rate and amount', () => {
    const rows = parse(exportCsv([send]), { columns: true }) as Array<Record<string, string>>;
    assert.deepEqual(
      rows.map((r) => [r.destination, r.country, r.state, r.error_code, r.error_meaning, r.units, r.rate, r.amount]),
      [
        ['+14155550101', 'US', 'delivered', '000', 'delivered', '2', '0.00500', '0.01000'],
        ['+447400123456', 'GB', 'failed', '30', 'spam detected', '1', '', ''],
        ['+14155550103', 'US', 'failed', 'invalid', 'refused by the API as an invalid number', '', '', ''],
        ['+14155550104', 'US', 'in doubt', '', '', '', '', ''],
        ['+14155550105', 'US', 'not sent', '', '', '', '', ''],
      ],
    );
    assert.deepEqual([rows[0].uuid, rows[0].posted_at, rows[0].answered_at, rows[0].updated_at, rows[3].batch], ['u1', '2026-12-03T10:00:01.000Z', '2026-12-03T10:00:01.200Z', '2026-12-03T10:01:00.000Z', '2']);
  });

  it('JSON parses back with the request (quotes, newline) and the same rows; nothing else of the send', () => {
    const withSecrets = { ...send, draft: { token: 'never' }, responseJson: '{"secret":1}' } as ExportableSend;
    const text = exportJson([withSecrets], new Date('2026-12-03T12:00:00Z'));
    const parsed = JSON.parse(text) as { exportedAt: string; sends: Array<{ profile: string; request: { text: string; method: string }; destinations: unknown[] }> };
    assert.equal(parsed.exportedAt, '2026-12-03T12:00:00.000Z');
    assert.equal(parsed.sends[0].profile, 'Live, "EU"');
    assert.equal(parsed.sends[0].request.text, 'Hi, "you"\nline 2');
    assert.equal(parsed.sends[0].request.method, 'POST');
    assert.equal(parsed.sends[0].destinations.length, 5);
    assert.ok(!text.includes('never') && !text.includes('secret'), 'only allow-listed fields');
  });
});
