import * as assert from 'node:assert/strict';
import { appendFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { createJournal } from '../../../../src/core/sends/journal';
import { JournalFile, JournalReadError, NewerJournalError, parseJournal, serialiseJournal } from '../../../../src/core/sends/journalFile';
import { nextStep, progressLine, sendProgress } from '../../../../src/core/sends/sendProgress';

const numbers = Array.from({ length: 25 }, (_, i) => `+1415555${String(3000 + i)}`);

describe('send journal on disk', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(path.join(tmpdir(), 'bmw-jf-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('replays appended batch lines, the last line of each batch winning, and a short in-flight line over its batch', async () => {
    const file = path.join(dir, 's.jsonl');
    const journal = createJournal({ src: '+14155550000', text: 'Hi' }, numbers, 10);
    const handle = await JournalFile.write(file, journal);
    journal.batches[0].state = 'in-flight';
    journal.batches[0].startedAt = '2026-12-03T10:00:00.000Z';
    journal.batches[0].attempts = 1;
    await handle.save(journal, [journal.batches[0]], journal.batches[0]);
    const afterStart = await JournalFile.read(file);
    assert.equal(afterStart.batches[0].state, 'in-flight');
    assert.equal(afterStart.batches[0].destinations.length, 10, 'the short line keeps the destinations of the full one');
    journal.batches[0].state = 'accepted';
    journal.batches[0].destinations.forEach((d, i) => Object.assign(d, { result: 'accepted', uuid: `uuid-${i}` }));
    await handle.save(journal, [journal.batches[0]]);
    await handle.close();
    assert.deepEqual(await JournalFile.read(file), journal);
  });

  it('drops a last line cut off mid-write (that save never finished, so its POST never started)', async () => {
    const file = path.join(dir, 's.jsonl');
    const journal = createJournal({ src: '+14155550000', text: 'Hi' }, numbers, 10);
    writeFileSync(file, serialiseJournal(journal));
    appendFileSync(file, '{"t":"start","index":0,"attem');
    assert.equal((await JournalFile.read(file)).batches[0].state, 'pending');
  });

  it('refuses a damaged middle line or a missing batch, and names a newer schema; never changes the file', () => {
    const journal = createJournal({ src: '+14155550000', text: 'Hi' }, numbers, 10);
    const lines = serialiseJournal(journal).split('\n');
    assert.throws(() => parseJournal([lines[0], 'garbage', lines[2], ''].join('\n')), JournalReadError);
    assert.throws(() => parseJournal([lines[0], lines[1], lines[3], ''].join('\n')), /batch 2 is missing/);
    const newer = lines[0].replace('"schemaVersion":1', '"schemaVersion":7');
    const file = path.join(dir, 'newer.jsonl');
    writeFileSync(file, [newer, ...lines.slice(1)].join('\n'));
    const before = readFileSync(file);
    assert.throws(() => parseJournal(readFileSync(file, 'utf8')), NewerJournalError);
    assert.deepEqual(readFileSync(file), before);
  });

  it('advice comes from the whole send: in doubt first, then the rest', () => {
    const journal = createJournal({ src: '+14155550000', text: 'Hi' }, numbers, 10);
    journal.batches[0].state = 'accepted';
    journal.batches[0].destinations.forEach((d) => (d.result = 'accepted'));
    journal.batches[1].state = 'in-doubt';
    const progress = sendProgress(journal);
    assert.equal(progressLine(progress), '10 accepted, 10 in doubt, 5 not sent of 25');
    assert.equal(nextStep(progress, { check: 'Check now', rest: 'send the rest' }), 'Check the 10 in doubt first: they may have been queued. Check now, then send the rest for the 5 not sent.');
    journal.batches[1].state = 'reconciled';
    journal.batches[1].destinations.forEach((d) => (d.result = 'not-sent'));
    assert.match(nextStep(sendProgress(journal), { check: 'Check now', rest: 'Send the rest' }), /^Send the rest: only the 15 not sent go out; the 10 accepted are not sent again\.$/);
  });
});
