// Runs the test layers (unit, integration, e2e) and prints one closing line summed over them:
// "N passed, N failed". Usage: node scripts/test.mjs [unit|integration|e2e ...]
// Expects `npm run build && npm run compile` to have run (npm's pretest does it for `npm test`).
// Exits non-zero when any test failed or any requested layer ran no test at all.
import { findTests } from './lib/findTests.mjs';
import { runMocha } from './lib/runMocha.mjs';
import { ensureProvisioned } from './lib/provision.mjs';

const layers = {
  unit: async () => runMocha(findTests('out/test/unit'), { grep: process.env.MOCHA_GREP }),
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
  if (result.passed + result.failed === 0) empty.push(name);
  passed += result.passed;
  failed += result.failed;
  skipped += result.skipped ?? 0;
}
if (empty.length > 0) console.error(`\nNo test ran in: ${empty.join(', ')}`);
console.log(`\n${summary({ passed, failed, skipped })}`);
process.exit(failed > 0 || empty.length > 0 ? 1 : 0);
