// Runs a set of compiled mocha test files in this process and resolves with their counts.
import Mocha from 'mocha';

export function runMocha(files, { timeout = 10000, grep } = {}) {
  const mocha = new Mocha({ timeout, reporter: 'spec', grep });
  for (const file of files) mocha.addFile(file);
  return new Promise((resolve) => {
    const runner = mocha.run(() => {
      resolve({
        passed: runner.stats?.passes ?? 0,
        failed: runner.stats?.failures ?? 0,
        skipped: runner.stats?.pending ?? 0,
      });
    });
  });
}
