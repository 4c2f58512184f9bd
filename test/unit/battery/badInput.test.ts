// Battery: broken and hostile destination lists, at the core (analyseDestinations, which the
// composer, the diagnostics and the CLI share) and at the composer's host side (the session that
// guards it, and the check that runs before Send). Each input: bounded time and retained memory,
// a clear message where the list cannot be used, positions that point inside the text, and the
// same session still reads a normal list correctly afterwards.
import * as assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { buildSendInput } from '../../../src/composer/buildSendInput';
import { DestinationSession, MAX_DESTINATIONS_TEXT } from '../../../src/composer/destinationSession';
import { analyseDestinations } from '../../../src/core/destinations/analyse';
import type { DestinationAnalysis } from '../../../src/core/destinations/types';
import type { AnalysisSummary, ComposerDraft } from '../../../src/protocol/composerProtocol';

/** A blow-up (quadratic scan, backtracking) takes minutes; linear work on 2 M characters takes about a second. */
const TIME_LIMIT_MS = 15_000;
/** What the session may keep for the largest text it accepts (a million one-character entries). */
const RETAINED_LIMIT_MB = 300;
/** What it may keep for a text it refuses: next to nothing beyond the text itself. */
const REFUSED_RETAINED_LIMIT_MB = 5;

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

function heapMb(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed / 1024 / 1024;
}

const draft = (destinations: string): ComposerDraft => ({
  profileId: 'local-sandbox',
  sender: { kind: 'src', value: '14155550100' },
  text: 'Hello',
  destinations,
  callbackUrl: '',
  callbackMethod: 'POST',
  type: 'sms',
});

const lines = (count: number, line: (i: number) => string) => Array.from({ length: count }, (_, i) => line(i)).join('\n');

interface BadInput {
  name: string;
  make(): string;
  /** The composer refuses to analyse it and says why. */
  refused?: RegExp;
  /** Checks on the core analysis (when the text is analysed). */
  check?(analysis: DestinationAnalysis, text: string): void;
  /** What Send would say beside the destinations, when nothing can be sent. */
  sendError?: RegExp;
}

const INPUTS: BadInput[] = [
  {
    name: 'a 10 MB paste',
    make: () => lines(770_000, (i) => `+1415${2_000_000 + i}`),
    refused: /^The destinations are 10,009,999 characters; the preview reads at most 2,000,000\. Split the list and send it in parts\.$/,
    sendError: /the preview reads at most 2,000,000/,
  },
  {
    name: 'one million lines of numbers',
    make: () => lines(1_000_000, (i) => `+1415${2_000_000 + (i % 8_000_000)}`),
    refused: /^The destinations are 12,999,999 characters; .*Split the list/,
  },
  {
    name: 'one million short lines (at the size the composer still reads)',
    make: () => lines(1_000_000, () => '1'),
    check: (analysis) => {
      assert.equal(analysis.counts.total, 1_000_000);
      assert.equal(analysis.counts.valid, 0);
      assert.equal(analysis.entries[999_999].position.line, 999_999);
    },
    sendError: /^None of the 1,000,000 entries is a valid number/,
  },
  {
    name: '1 MB of random binary data (as Latin-1 text)',
    make: () => randomBytes(1_000_000).toString('latin1'),
    check: (analysis) => assert.equal(analysis.unique.length, 0),
  },
  {
    name: '1 MB of random binary data decoded as UTF-8 (replacement characters)',
    make: () => randomBytes(1_000_000).toString('utf8'),
    check: (analysis) => assert.equal(analysis.unique.length, 0),
  },
  {
    name: 'NUL bytes between, inside and instead of numbers',
    make: () => '+14155550100\n\u0000\u0000\n+1415\u00005550102\n\u0000+14155550103\n' + '\u0000'.repeat(100_000),
    check: (analysis) => {
      assert.deepEqual(analysis.unique, ['+14155550100']);
      for (const entry of analysis.entries.filter((e) => e.status === 'invalid')) assert.match(entry.reason ?? '', /not a phone number/);
    },
  },
  {
    name: 'emoji and ZWJ sequences around numbers',
    make: () => '📱 +1 415 555 0100\n+14155550101 👍\n👨‍👩‍👧 +447400123456\n🇺🇸🇬🇧',
    check: (analysis, text) => {
      assert.deepEqual(analysis.unique, ['+14155550100', '+14155550101', '+447400123456']);
      const spaced = analysis.entries.find((e) => e.e164 === '+14155550100');
      assert.equal(text.slice(spaced?.position.offset, (spaced?.position.offset ?? 0) + (spaced?.position.length ?? 0)), '+1 415 555 0100');
    },
  },
  {
    name: 'RTL text, bidi overrides and Arabic-Indic digits',
    make: () => '\u202E+14155550100\n\u200F+14155550101\u200F\nمرحبا +447400123456\n+١٤١٥٥٥٥٠١٠٢\n\u2066+14155550103\u2069',
    check: (analysis) => {
      assert.ok(analysis.unique.includes('+447400123456'));
      // An override hidden in front of a number must not pass silently: it is dropped, and the entry
      // names it (never quotes it) in a note.
      const overridden = analysis.entries.find((e) => e.input.includes('\u202E'));
      assert.equal(overridden?.e164, '+14155550100');
      assert.match(overridden?.notes?.join('; ') ?? '', /right-to-left override \(U\+202E\)/);
      assert.ok(!/[\u200E\u200F\u202A-\u202E\u2066-\u2069]/.test(JSON.stringify(analysis.entries.map((e) => [e.reason, e.notes]))));
      assert.ok(analysis.unique.includes('+14155550102'), 'Arabic-Indic digits read as 0–9');
    },
  },
  {
    name: 'an empty list',
    make: () => '',
    check: (analysis) => assert.equal(analysis.counts.total, 0),
    sendError: /^Add at least one destination number\.$/,
  },
  {
    name: 'only whitespace, separators and blank lines',
    make: () => '\n\n   \t\n<<<,,;;\n\r\n',
    check: (analysis) => assert.equal(analysis.counts.total, 0),
    sendError: /^Add at least one destination number\.$/,
  },
  {
    name: 'a single line of 1 MB of digits',
    make: () => '9'.repeat(1_000_000),
    check: (analysis) => {
      assert.equal(analysis.entries.length, 1);
      assert.equal(analysis.entries[0].reason, 'too long');
    },
    sendError: /^None of the 1 entry is a valid number/,
  },
  {
    name: 'a single line of 1 MB of comma-joined numbers',
    make: () => '+14155550100,+447400123456,'.repeat(38_000),
    check: (analysis) => {
      assert.deepEqual(analysis.unique, ['+14155550100', '+447400123456']);
      assert.equal(analysis.counts.duplicate, 75_998);
      assert.equal(analysis.entries[75_999].position.line, 0);
    },
  },
];

describe('battery: bad and hostile destination lists', function () {
  this.timeout(4 * TIME_LIMIT_MS);

  for (const input of INPUTS) {
    it(`${input.name}: bounded, clear, and the composer stays usable`, async () => {
      const text = input.make();
      const session = new DestinationSession();
      const before = heapMb();
      const started = performance.now();
      const summary: AnalysisSummary | undefined = await session.update(1, text, {});
      const ms = performance.now() - started;
      const retained = heapMb() - before;
      assert.ok(ms < TIME_LIMIT_MS, `took ${Math.round(ms)} ms`);
      assert.ok(summary, 'the session answers every change with a summary');

      if (input.refused) {
        assert.ok(text.length > MAX_DESTINATIONS_TEXT);
        assert.match(summary.problem ?? '', input.refused);
        assert.equal(session.current(), undefined, 'nothing half-analysed is kept');
        assert.ok(retained < REFUSED_RETAINED_LIMIT_MB, `kept ${retained.toFixed(1)} MB for a refused list`);
      } else {
        assert.equal(summary.problem, undefined, String(summary.problem));
        assert.ok(retained < RETAINED_LIMIT_MB, `kept ${retained.toFixed(1)} MB`);
        const analysis = session.current();
        assert.ok(analysis);
        assert.equal(summary.total, analysis.counts.total);
        for (const entry of analysis.entries) {
          assert.ok(entry.position.offset >= 0 && entry.position.offset + entry.position.length <= text.length, `entry ${entry.index} points outside the text`);
        }
        input.check?.(analysis, text);
        // The core function the diagnostics and the CLI use gives the same answer.
        assert.deepEqual(analyseDestinations(text).counts, analysis.counts);
      }

      const built = buildSendInput(draft(text), session.current(), summary.problem);
      if (input.sendError) {
        assert.equal(built.ok, false);
        const error = built.ok ? undefined : built.errors.find((problem) => problem.field === 'destinations');
        assert.match(error?.message ?? '', input.sendError);
      }

      // Still usable: the same session reads a normal list next.
      const next = await session.update(2, '+14155550100\n+447400123456\nnope', {});
      assert.deepEqual([next?.valid, next?.invalid, next?.problem], [2, 1, undefined]);
      assert.ok(buildSendInput(draft('+14155550100\n+447400123456\nnope'), session.current(), next?.problem).ok);
    });
  }
});
