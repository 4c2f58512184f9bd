import * as assert from 'node:assert/strict';
import { countryOf, deliveryReport, MAX_TIMELINE_POINTS, type ReportBatch } from '../../../../src/core/report/deliveryReport';

const POSTED = '2026-12-03T10:00:00.000Z';
const at = (seconds: number) => new Date(Date.parse(POSTED) + seconds * 1000).toISOString();

function batch(destinations: ReportBatch['destinations']): ReportBatch {
  return { startedAt: POSTED, finishedAt: POSTED, destinations };
}

describe('deliveryReport', () => {
  const sample = batch([
    { number: '+12015550111', uuid: 'u1', state: 'delivered', errorCode: '000', updatedAt: at(2), units: 1, totalAmount: '0.00500' },
    { number: '+12015550131', uuid: 'u2', state: 'failed', errorCode: '30', updatedAt: at(3), units: 1, totalAmount: '0.00500' },
    { number: '+447400123456', uuid: 'u3', state: 'undelivered', errorCode: '70', updatedAt: at(4), units: 2, totalAmount: '0.04000' },
    { number: '+447400123457', uuid: 'u4', state: 'sent', updatedAt: at(1) },
    { number: '+12015550132', uuid: 'u5', state: 'failed', errorCode: '30', updatedAt: at(3) },
  ]);

  it('counts destinations per state, country and error code, with the codes\u2019 meanings', () => {
    const report = deliveryReport([sample]);
    assert.equal(report.total, 5);
    assert.deepEqual({ delivered: report.states.delivered, failed: report.states.failed, undelivered: report.states.undelivered, sent: report.states.sent }, { delivered: 1, failed: 2, undelivered: 1, sent: 1 });
    assert.deepEqual(report.countries, [
      { country: 'US', total: 3, delivered: 1, failed: 2 },
      { country: 'GB', total: 2, delivered: 0, failed: 1 },
    ]);
    assert.deepEqual(report.errorCodes, [
      { code: '30', meaning: 'spam detected', count: 2 },
      { code: '70', meaning: 'destination permanently unavailable', count: 1 },
    ]);
  });

  it('lists the failures with their meaning, and sums units and amount exactly', () => {
    const report = deliveryReport([sample]);
    assert.deepEqual(report.failures.map((f) => `${f.number} ${f.state} ${f.errorCode} ${f.meaning}`), [
      '+12015550131 failed 30 spam detected',
      '+447400123456 undelivered 70 destination permanently unavailable',
      '+12015550132 failed 30 spam detected',
    ]);
    assert.equal(report.units, 4);
    assert.equal(report.amount, '0.05000');
    assert.equal(deliveryReport([batch([{ number: '+12015550111', state: 'queued' }])]).amount, undefined);
  });

  it('draws every destination queued at the post, then moving to its state when it changed', () => {
    const { timeline } = deliveryReport([sample]);
    assert.deepEqual(timeline.map((p) => p.at - Date.parse(POSTED)), [0, 1000, 2000, 3000, 4000]);
    assert.equal(timeline[0].counts.queued, 5);
    assert.deepEqual(timeline[2].counts, { ...timeline[2].counts, queued: 3, sent: 1, delivered: 1 });
    const last = timeline.at(-1)!.counts;
    assert.deepEqual([last.queued, last.sent, last.delivered, last.failed, last.undelivered], [0, 1, 1, 2, 1]);
  });

  it('counts a number sent again in a later batch once, where it was last sent', () => {
    const report = deliveryReport([
      batch([{ number: '+12015550111', state: 'unknown' }]),
      batch([{ number: '+12015550111', uuid: 'u9', state: 'delivered', updatedAt: at(5) }]),
    ]);
    assert.equal(report.total, 1);
    assert.equal(report.states.delivered, 1);
    assert.equal(report.states.unknown, 0);
  });

  it('keeps a long send\u2019s chart bounded, ending on the present counts', () => {
    const many = batch(Array.from({ length: 1000 }, (_, i) => ({ number: `+1201555${String(i).padStart(4, '0')}`, state: 'delivered', updatedAt: at(i + 1) })));
    const { timeline } = deliveryReport([many]);
    assert.equal(timeline.length, MAX_TIMELINE_POINTS);
    assert.equal(timeline.at(-1)!.counts.delivered, 1000);
  });

  it('places numbers by country, and says unknown for one it cannot', () => {
    assert.equal(countryOf('+33612345678'), 'FR');
    assert.equal(countryOf('12015550111'), 'US');
    assert.equal(countryOf('+447700900123'), '+44', 'a reserved drama number is placed by its calling code');
    assert.equal(countryOf('+999'), 'unknown');
  });
});
