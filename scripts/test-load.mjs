// Runs the test layers (same arguments and MOCHA_GREP as scripts/test.mjs) while CPU-bound processes
// keep every core busy, to find the waits that only hold on a quiet machine.
// Usage: node scripts/test-load.mjs [unit|integration|e2e ...]; LOAD_WORKERS=N sets how many busy
// processes run (default: one per core). Exits with the tests' own exit code.
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';

const count = Number(process.env.LOAD_WORKERS ?? availableParallelism());
const workers = Array.from({ length: count }, () =>
  spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' }),
);
const stopWorkers = () => {
  for (const worker of workers) if (worker.exitCode === null && worker.signalCode === null) worker.kill('SIGKILL');
};
process.on('exit', stopWorkers);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    stopWorkers();
    process.exit(130);
  });
}
console.log(`test:load: ${count} busy process(es) keep the CPU loaded (pids ${workers.map((w) => w.pid).join(', ')})`);

const started = Date.now();
const tests = spawn(process.execPath, [fileURLToPath(new URL('./test.mjs', import.meta.url)), ...process.argv.slice(2)], { stdio: 'inherit' });
tests.on('exit', (code, signal) => {
  stopWorkers();
  console.log(`test:load: the tests took ${((Date.now() - started) / 1000).toFixed(1)} s under load`);
  process.exit(code ?? (signal ? 1 : 0));
});
