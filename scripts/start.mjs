// `npm start`: the product in one command. Starts the Plivo-compatible sandbox and a browser VS Code
// (code-server) with this extension loaded, the samples/ workspace open and the Local sandbox
// profile pointed at that sandbox; prints the URL to open. Ctrl+C stops everything it started.
// Usage: npm start [-- --port 8080]   (npm's prestep has built dist/ and compiled out/)
import { parseArgs } from 'node:util';
import { join } from 'node:path';
import { existsSync } from 'node:fs';
import { ensureProvisioned } from './lib/provision.mjs';
import { projectRoot } from './lib/paths.mjs';

const { values } = parseArgs({ options: { port: { type: 'string', default: process.env.PORT ?? '8080' } } });
const port = Number(values.port);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`--port must be a port number, got "${values.port}"`);
  process.exit(2);
}

const launcher = join(projectRoot, 'out', 'test', 'harness', 'productLauncher.js');
if (!existsSync(launcher) || !existsSync(join(projectRoot, 'dist', 'extension.js'))) {
  console.error('Run `npm start` (it builds first), or `npm run build && npm run compile` before this script.');
  process.exit(2);
}

try {
  ensureProvisioned();
} catch (error) {
  console.error(`npm start: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
}

const { launchProduct } = await import(launcher);
let product;
try {
  product = await launchProduct({
    // Kept between starts (settings survive); browser-side state lives in the browser per origin.
    stateDir: join(projectRoot, '.cache', 'start'),
    port,
    sandboxLog: (line) => console.log(`sandbox: ${line}`),
  });
} catch (error) {
  console.error(`npm start: ${error instanceof Error ? error.message : error}`);
  console.error('Another port: npm start -- --port 9000');
  process.exit(1);
}

const { authId } = product.sandbox.accounts[0];
console.log(`
Bulk Messaging Workbench is running.

  Open this URL in a browser (it loads the extension from this folder):
  ${product.url}

  Sandbox: ${product.sandbox.baseUrl}  (auth ID ${authId}; the Local sandbox profile uses it)
  code-server log: ${product.server.logFile}

After rebuilding (npm run watch), reload the page to load the new build. Ctrl+C stops everything.
`);

// Ctrl+C and SIGTERM are handled by the harness (out/test/harness/processTree.js): it kills
// code-server's whole process tree and exits; the sandbox lives in this process and ends with it.
product.server.exited.then((reason) => {
  console.error(`npm start: ${reason}`);
  process.exit(1);
});
