// Runs the test layers (unit, integration, e2e) and prints one closing line summed over them:
// "N passed, N failed". Usage: node scripts/test.mjs [unit|integration|e2e ...]
import { findTests } from './lib/findTests.mjs';
import { runMocha } from './lib/runMocha.mjs';

const layers = {
  unit: async () => runMocha(findTests('out/test/unit'), { grep: process.env.MOCHA_GREP }),
};

const requested = process.argv.slice(2);
const names = requested.length > 0 ? requested : Object.keys(layers);
let passed = 0;
let failed = 0;
for (const name of names) {
  const layer = layers[name];
  if (!layer) {
    console.error(`Unknown test layer "${name}". Layers: ${Object.keys(layers).join(', ')}`);
    process.exit(2);
  }
  console.log(`\n=== ${name} tests ===`);
  const result = await layer();
  console.log(`${name}: ${result.passed} passed, ${result.failed} failed`);
  passed += result.passed;
  failed += result.failed;
}
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
