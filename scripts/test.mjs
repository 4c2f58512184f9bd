// Runs the test layers (unit, integration, e2e) and prints one closing line summed over them:
// "N passed, N failed". Usage: node scripts/test.mjs [unit|integration|e2e ...]
// Expects `npm run build && npm run compile` to have run (npm's pretest does it for `npm test`).
// Exits non-zero when any test failed or any requested layer ran no test at all.
import { findTests } from './lib/findTests.mjs';
import { runMocha } from './lib/runMocha.mjs';
import { ensureProvisioned } from './lib/provision.mjs';

/** Worker processes for the unit layer: MOCHA_JOBS, else 4 (1 runs every file in this process). */
function unitJobs() {
  const jobs = Number(process.env.MOCHA_JOBS ?? 4);
  return Number.isInteger(jobs) && jobs >= 1 ? jobs : 4;
}

const layers = {
  // Spread over worker processes: most unit time is waiting on loopback servers and timers, not CPU.
  unit: async () => runMocha(findTests('out/test/unit'), { grep: process.env.MOCHA_GREP, jobs: unitJobs() }),
  // Inside a real extension host: code-server + chromium; the tests entry reports counts via a file.
  integration: async () => {
    ensureProvisioned();
    const { runIntegrationLayer } = await import('../out/test/harness/integrationLayer.js');
    return runIntegrationLayer();
  },
  // Playwright in this process drives the browser VS Code; each suite starts its own session.
  e2e: async () => {
    ensureProvisioned();
    return runMocha(findTests('out/test/e2e'), { timeout: 120_000, grep: process.env.MOCHA_GREP });
  },
};

const requested = process.argv.slice(2);
const names = requested.length > 0 ? requested : Object.keys(layers);
const unknown = names.filter((name) => !layers[name]);
if (unknown.length > 0) {
  console.error(`Unknown test layer "${unknown.join(', ')}". Layers: ${Object.keys(layers).join(', ')}`);
  process.exit(2);
}

let passed = 0;
let failed = 0;
let skipped = 0;
/** "N passed, N failed" plus ", N skipped" when some were. */
const summary = (r) => `${r.passed} passed, ${r.failed} failed${r.skipped ? `, ${r.skipped} skipped` : ''}`;
const empty = [];
/** Each layer's counts and seconds, for the table printed before the closing line. */
const times = [];
for (const name of names) {
  console.log(`\n=== ${name} tests ===`);
  const started = Date.now();
  let result;
  try {
    result = await layers[name]();
  } catch (error) {
    console.error(`${name}: ${error instanceof Error ? error.stack ?? error.message : error}`);
    result = { passed: 0, failed: 1 };
  }
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  console.log(`${name}: ${summary(result)} (${seconds} s)`);
  times.push({ name, result, seconds });
  if (result.passed + result.failed === 0) empty.push(name);
  passed += result.passed;
  failed += result.failed;
  skipped += result.skipped ?? 0;
}
if (empty.length > 0) console.error(`\nNo test ran in: ${empty.join(', ')}`);
console.log('\nLayer times:');
for (const { name, result, seconds } of times) console.log(`  ${name.padEnd(12)} ${seconds.padStart(7)} s   ${summary(result)}`);
const total = times.reduce((sum, t) => sum + Number(t.seconds), 0).toFixed(1);
console.log(`  ${'all layers'.padEnd(12)} ${total.padStart(7)} s`);
console.log(`\n${summary({ passed, failed, skipped })}`);
process.exit(failed > 0 || empty.length > 0 ? 1 : 0);
