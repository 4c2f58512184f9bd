// Lists compiled test files (*.test.js) under a folder, sorted so runs are repeatable.
import { readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';

export function findTests(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.test.js'))
    .map((entry) => join(entry.parentPath ?? entry.path, entry.name))
    .sort();
}
