// The floor P4 compares against: an extension that carries only the design's own dependencies —
// libphonenumber-js with its max metadata, csv-parse and undici — imported through the entry points
// the extension calls and bundled with the extension's own production options (scripts/build.mjs, its plugins
// included, so the dependencies load on first use there too). Its activate() does what any extension
// does: an output channel and one command. What the real bundle and activation cost beyond this is
// the project's own code.
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build, type Plugin } from 'esbuild';
import { projectRoot } from '../test/harness/paths';

export const FLOOR_NAME = 'Activation floor';
export const FLOOR_COMMAND = 'activationFloor.noop';

/**
 * Plays the part of src/core/destinations/phoneMetadata.ts, the one module that holds libphonenumber:
 * the same entry points and metadata, so the bundler keeps as much of the library as it does there.
 */
const PHONE_MODULE = `import { Metadata, ParseError, getCountryCallingCode, isSupportedCountry, parsePhoneNumberWithError } from 'libphonenumber-js/core';
import metadata from 'libphonenumber-js/metadata.max.json';
export { Metadata, ParseError, getCountryCallingCode, isSupportedCountry, parsePhoneNumberWithError, metadata };
`;

const EXTENSION_MODULE = `import * as vscode from 'vscode';
import { Agent, request } from 'undici';
import { parse, CsvError } from 'csv-parse/sync';
import * as phone from './floorPhone';
export function activate(context) {
  // The command hands the dependencies out, so the bundle keeps them; nothing calls it while timing.
  const dependencies = () => [Agent, request, parse, CsvError, phone.Metadata, phone.ParseError, phone.getCountryCallingCode, phone.isSupportedCountry, phone.parsePhoneNumberWithError, phone.metadata];
  context.subscriptions.push(
    vscode.window.createOutputChannel(${JSON.stringify(FLOOR_NAME)}),
    vscode.commands.registerCommand(${JSON.stringify(FLOOR_COMMAND)}, dependencies),
  );
}
`;

/** The plugins scripts/build.mjs gives the extension bundle, the lazy list mapped onto the floor's modules. */
async function extensionPlugins(): Promise<Plugin[]> {
  // An ES module of the build scripts; a Function keeps tsc from turning this import() into require().
  const importModule = new Function('path', 'return import(path)') as (path: string) => Promise<{
    lazyModules(specifiers: string[]): Plugin;
    oneNamespace(external: string): Plugin;
  }>;
  const { lazyModules, oneNamespace } = await importModule(join(projectRoot, 'scripts', 'lib', 'activationPlugins.mjs'));
  return [lazyModules(['undici', 'csv-parse/sync', 'floorPhone']), oneNamespace('vscode')];
}

/** Writes the floor extension (package.json + bundled extension.js) into `dir`; resolves with the bundle's bytes. */
export async function writeFloorExtension(dir: string): Promise<number> {
  const src = join(dir, 'src');
  mkdirSync(src, { recursive: true });
  writeFileSync(join(src, 'floorPhone.js'), PHONE_MODULE);
  writeFileSync(join(src, 'extension.js'), EXTENSION_MODULE);
  const manifest = {
    name: 'activation-floor',
    displayName: FLOOR_NAME,
    publisher: 'bench',
    version: '0.0.1',
    engines: { vscode: '^1.90.0' },
    main: './extension.js',
    activationEvents: [`onCommand:${FLOOR_COMMAND}`],
    contributes: { commands: [{ command: FLOOR_COMMAND, title: 'Floor' }] },
  };
  writeFileSync(join(dir, 'package.json'), JSON.stringify(manifest, null, 2));
  await build({
    entryPoints: { extension: join(src, 'extension.js') },
    outdir: dir,
    bundle: true,
    minify: true,
    sourcemap: false,
    legalComments: 'none',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    nodePaths: [join(projectRoot, 'node_modules')],
    logLevel: 'silent',
    plugins: await extensionPlugins(),
  });
  return statSync(join(dir, 'extension.js')).size;
}
