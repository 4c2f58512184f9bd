import * as assert from 'node:assert/strict';
import { analyseDestinations } from '../../../src/core';
import { collectProblems, ProblemCodes, type Problem } from '../../../src/diagnostics/problems';
import { joinedStringSources, wholeDocument, type AnalysedSource, type ListSource } from '../../../src/diagnostics/sources';

const SETTING = 'bulkMessaging.validate.maxProblems';

function analysed(sources: ListSource[], region?: string): AnalysedSource[] {
  return sources.map((source) => ({ ...source, analysis: analyseDestinations(source.text, region ? { defaultRegion: region } : {}) }));
}

function problemsOf(text: string, region?: string, maxProblems = 100): Problem[] {
  return collectProblems(analysed(wholeDocument(text), region), { maxProblems, region, maxProblemsSetting: SETTING }).problems;
}

describe('problems of a number list', () => {
  const text = [
    '+12015550141',      // 0 valid
    '+1201555',          // 1 too short
    '+1 (201) 555-0141', // 2 duplicate of line 0, written differently
    '2015550123',        // 3 ambiguous with region US
    '+442079460000',     // 4 fixed line (London)
    '6502530000',        // 5 national number
    '  n/a',             // 6 not a number, indented
  ].join('\n');

  it('gives each problem its code, severity, exact spot and a message that says what is wrong', () => {
    const problems = problemsOf(text, 'US');
    assert.deepEqual(problems.map((p) => [p.code, p.severity, p.spot.line, p.spot.column, p.spot.length]), [
      [ProblemCodes.invalid, 'error', 1, 0, 8],
      [ProblemCodes.duplicate, 'warning', 2, 0, 17],
      [ProblemCodes.ambiguous, 'warning', 3, 0, 10],
      [ProblemCodes.fixedLine, 'warning', 4, 0, 13],
      [ProblemCodes.national, 'information', 5, 0, 10],
      [ProblemCodes.invalid, 'error', 6, 2, 3],
    ]);
    const messages = problems.map((p) => p.message);
    assert.equal(messages[0], 'Invalid number "+1201555": too short.');
    assert.equal(messages[1], 'Duplicate: +12015550141 is already on line 1; it is sent only once.');
    assert.equal(messages[2], 'Ambiguous number "2015550123": read as +12015550123 (a US number), but Plivo reads these digits as +2015550123. Write it with + to be sure.');
    assert.equal(messages[3], 'Fixed-line number +442079460000: it probably cannot receive SMS.');
    assert.equal(messages[4], 'National number: sent as +16502530000 (default region US).');
    assert.equal(messages[5], 'Invalid number "n/a": not a phone number.');
  });

  it('names what was changed to read a number, and warns when an extension is left out', () => {
    const [readThrough, extension] = problemsOf('+1 415\u200B555 0123\n+1-415-555-0152 ext. 12');
    assert.equal(readThrough.code, ProblemCodes.readThrough);
    assert.equal(readThrough.severity, 'information');
    assert.match(readThrough.message, /as \+14155550123: invisible character dropped: zero-width space \(U\+200B\)\. Sent as typed, Plivo would reject it/);
    assert.equal(extension.code, ProblemCodes.extension);
    assert.equal(extension.severity, 'warning');
    assert.match(extension.message, /^Sent as \+14155550152: extension 12 left out: SMS cannot reach an extension\./);
  });

  it('points a duplicate at its first occurrence', () => {
    const duplicate = problemsOf(text, 'US').find((p) => p.code === ProblemCodes.duplicate);
    assert.deepEqual(duplicate?.related, { spot: { line: 0, column: 0, length: 12 }, message: 'First occurrence of +12015550141' });
  });

  it('without a default region, says how to read a national number', () => {
    const [problem] = problemsOf('06502530000');
    assert.equal(problem.code, ProblemCodes.invalid);
    assert.match(problem.message, /set a default region/);
  });

  it('shows at most maxProblems, then one notice where the first hidden problem is', () => {
    const list = Array.from({ length: 10 }, (_, i) => `+1201555${i}`).join('\n');
    const { problems, total } = collectProblems(analysed(wholeDocument(list)), { maxProblems: 3, maxProblemsSetting: SETTING });
    assert.equal(total, 10);
    assert.equal(problems.length, 4);
    const notice = problems[3];
    assert.equal(notice.code, ProblemCodes.limit);
    assert.equal(notice.severity, 'information');
    assert.equal(notice.spot.line, 3);
    assert.equal(notice.message, `Only the first 3 of 10 number problems are shown; raise "${SETTING}" to see more.`);
  });

  it('places problems of a `<`-joined string in a JSON file at their document line and column', () => {
    const json = '{\n  "to": [1, 2],\n  "dst": "+12015550101<+1201555<+12015550101"\n}\n';
    const problems = collectProblems(analysed(joinedStringSources(json, false)), { maxProblems: 10, maxProblemsSetting: SETTING }).problems;
    assert.deepEqual(problems.map((p) => [p.code, p.spot]), [
      [ProblemCodes.invalid, { line: 2, column: 23, length: 8 }],
      [ProblemCodes.duplicate, { line: 2, column: 32, length: 12 }],
    ]);
    assert.deepEqual(problems[1].related?.spot, { line: 2, column: 10, length: 12 });
    assert.equal(json.split('\n')[2].slice(23, 31), '+1201555');
  });
});
