// The host driver as an installed extension rather than the tests entry. VS Code refuses modal
// dialogs while an extension test runs (extensionTestsPath); a session that must click through one
// (the confirmation before a non-sandbox send) loads the driver this way instead.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Writes the driver extension into `dir` and returns its folder, for WorkbenchOptions.installExtensions. */
export function writeDriverExtension(dir: string): string {
  const folder = join(dir, 'host-driver-extension');
  mkdirSync(folder, { recursive: true });
  const manifest = {
    name: 'host-driver',
    publisher: 'bulk-messaging-harness',
    version: '0.0.1',
    engines: { vscode: '^1.90.0' },
    main: './extension.js',
    activationEvents: ['*'],
    // Drives Restricted Mode sessions too.
    capabilities: { untrustedWorkspaces: { supported: true } },
  };
  writeFileSync(join(folder, 'package.json'), JSON.stringify(manifest, null, 2));
  const driver = JSON.stringify(join(__dirname, 'hostDriver.js'));
  writeFileSync(join(folder, 'extension.js'), `exports.activate = () => {\n  require(${driver}).run().catch((error) => console.error('host driver:', error));\n};\n`);
  return folder;
}
