// Runs a set of compiled mocha test files and resolves with their counts: in this process, or with
// `jobs` > 1 spread over that many worker processes (one file at a time each; files must not share state).
import Mocha from 'mocha';

export function runMocha(files, { timeout = 10000, grep, jobs = 1 } = {}) {
  const mocha = new Mocha({ timeout, reporter: 'spec', grep, ...(jobs > 1 ? { parallel: true, jobs } : {}) });
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
