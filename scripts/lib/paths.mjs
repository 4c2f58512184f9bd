// Folders the scripts share, all relative to the project root so they work from any cwd.
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

/** Absolute path of the project (the folder holding package.json). */
export const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
