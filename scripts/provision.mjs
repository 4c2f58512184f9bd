// `npm run provision`: installs chromium (apt, as root) and the pinned code-server into .cache/.
// The test layers and `npm start` call the same code on first use; this entry lets CI do it up front.
import { ensureProvisioned } from './lib/provision.mjs';

try {
  const { version, bin } = ensureProvisioned();
  console.log(`provision: code-server ${version} at ${bin}`);
} catch (error) {
  console.error(`provision: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}
