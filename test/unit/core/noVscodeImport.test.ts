import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

// The core must run in the CLI and the sandbox, where no `vscode` module exists.
describe('src/core purity', () => {
  it('no file under src/core imports vscode', () => {
    const root = join(__dirname, '../../../../src/core');
    const offenders = readdirSync(root, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
      .map((entry) => join(entry.parentPath, entry.name))
      .filter((file) => /from ['"]vscode['"]|require\(['"]vscode['"]\)/.test(readFileSync(file, 'utf8')));
    assert.deepEqual(offenders, []);
  });
});
