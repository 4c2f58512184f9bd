// Benchmark P4 (size): the production bundles as built by `npm run build -- --production`, against
// the floor measured in the same run — a bundle of only the design's dependencies, built with the
// same options (dependencyFloor.ts) — what each dependency adds, and what each way of shrinking them
// would give, measured by building the extension again with that change, not estimated.
import { readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { build, type Plugin } from 'esbuild';
import { createRunDir, projectRoot } from '../test/harness/paths';
import type { BenchRow } from './benchRow';
import { writeFloorExtension } from './dependencyFloor';

/** The bundles may weigh this much more than their dependencies alone: the project's own code must stay small. */
const TARGET_RATIO = 1.05;
const OWN_CODE = 'own code (src/)';
const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;

/** The extension bundle's options as scripts/build.mjs sets them for production (its plugins aside). */
async function extensionBytes(plugins: Plugin[] = []): Promise<{ bytes: number; byPackage: Map<string, number> }> {
  const result = await build({
    entryPoints: [join(projectRoot, 'src', 'extension.ts')],
    bundle: true,
    minify: true,
    legalComments: 'none',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    write: false,
    outdir: join(projectRoot, 'out', 'bench-bundle'),
    metafile: true,
    logLevel: 'silent',
    plugins,
  });
  const output = Object.values(result.metafile.outputs).find((o) => o.entryPoint !== undefined);
  if (!output) throw new Error('esbuild produced no bundle');
  const byPackage = new Map<string, number>();
  for (const [file, { bytesInOutput }] of Object.entries(output.inputs)) {
    const name = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(file)?.[1] ?? OWN_CODE;
    byPackage.set(name, (byPackage.get(name) ?? 0) + bytesInOutput);
  }
  return { bytes: output.bytes, byPackage };
}

/** Replaces an import with a module of the given source (a stand-in, or nothing at all). */
function replace(filter: RegExp, contents: string): Plugin {
  return {
    name: `replace ${filter.source}`,
    setup(pluginBuild) {
      pluginBuild.onResolve({ filter }, (args) => ({ path: args.path, namespace: 'replaced' }));
      pluginBuild.onLoad({ filter: /.*/, namespace: 'replaced' }, () => ({ contents, loader: 'js', resolveDir: projectRoot }));
    },
  };
}

/** What the client and the sandbox use of undici (Agent, request), from undici's own files. */
function undiciTrimmed(): string {
  const lib = join(dirname(require.resolve('undici')), 'lib');
  const file = (path: string) => JSON.stringify(join(lib, path));
  return [
    `const Agent = require(${file('dispatcher/agent.js')});`,
    `const Dispatcher = require(${file('dispatcher/dispatcher.js')});`,
    `Object.assign(Dispatcher.prototype, require(${file('api/index.js')}));`,
    'function request(url, { dispatcher, ...options } = {}) {',
    '  const u = new URL(url);',
    '  return dispatcher.request({ ...options, origin: u.origin, path: u.pathname + u.search });',
    '}',
    'module.exports = { Agent, request };',
  ].join('\n');
}

function sizeRow(id: string, name: string, bytes: number, note?: string): BenchRow {
  return { id, name, value: kb(bytes), unit: 'KB', note };
}

/** Bundle sizes, the dependencies' shares, and the measured effect of each way to shrink them. */
export async function runBundleBench(): Promise<BenchRow[]> {
  const extension = statSync(join(projectRoot, 'dist', 'extension.js')).size;
  const webviewDir = join(projectRoot, 'dist', 'webview');
  const webview = readdirSync(webviewDir).filter((name) => name.endsWith('.js')).reduce((sum, name) => sum + statSync(join(webviewDir, name)).size, 0);
  const total = extension + webview;
  const floor = await writeFloorExtension(createRunDir('bench-bundle-floor'));
  const base = await extensionBytes();
  // What the bundle carries of its dependencies: everything but the project's own modules.
  const ownCode = base.byPackage.get(OWN_CODE) ?? 0;
  const dependencies = base.bytes - ownCode;
  const ratio = Math.round((dependencies / floor) * 1000) / 1000;
  const rows: BenchRow[] = [
    sizeRow('bundle-extension', 'dist/extension.js (production, minified)', extension),
    sizeRow('bundle-webview', 'dist/webview/*.js (production, minified)', webview),
    {
      id: 'bundle-total',
      name: 'Extension + webview bundles, minified, vs a bundle of their dependencies alone',
      value: kb(total),
      unit: 'KB',
      baseline: kb(floor),
      ratio: Math.round((total / floor) * 1000) / 1000,
      better: 'lower',
      note: `the project's own code adds ${kb(ownCode)} KB to the extension and the webviews ${kb(webview)} KB; the target below is on the dependencies' part`,
    },
    {
      id: 'bundle-dependencies',
      name: 'Dependencies as bundled in the extension vs the same dependencies bundled alone',
      value: kb(dependencies),
      unit: 'KB',
      baseline: kb(floor),
      ratio,
      better: 'lower',
      target: `<= ${TARGET_RATIO}`,
      pass: ratio <= TARGET_RATIO,
      note:
        'floor: libphonenumber-js with its max metadata (per-range validity and the fixed-line warning need it), csv-parse and undici, ' +
        `imported through the entry points the extension calls and bundled with its production options: ${kb(floor)} KB. Over it: what the extension pulls in ` +
        'beyond those entry points (csv-stringify, tree-shaking that fails). The bundle-option rows show what dropping a dependency would save',
    },
  ];
  for (const [name, bytes] of [...base.byPackage].sort((a, b) => b[1] - a[1]).filter(([, bytes]) => bytes >= 10 * 1024)) {
    rows.push(sizeRow(`bundle-share-${name.replace(/[^a-z0-9]+/gi, '-').replace(/-+$/, '').toLowerCase()}`, `  of which ${name}`, bytes));
  }
  // Each option: the extension rebuilt with that change; the total it would give is today's total minus the saving.
  const options: Array<[string, string, Plugin[], string]> = [
    ['bundle-option-undici-trimmed', 'option: import only undici’s Agent + request', [replace(/^undici$/, undiciTrimmed())], 'keeps undici and its behaviour; llhttp (two inlined WebAssembly builds, ~140 KB) stays'],
    ['bundle-option-no-undici', 'option: client and sandbox on node:http instead of undici', [replace(/^undici$/, 'module.exports = {};')], 'lower bound: the node:http code itself (a few KB) is not counted; loses undici’s timeouts and keep-alive handling, which the client relies on'],
    [
      'bundle-option-min-metadata',
      'option: libphonenumber-js min metadata instead of max',
      [replace(/metadata\.max\.json$/, `module.exports = require(${JSON.stringify(require.resolve('libphonenumber-js/metadata.min.json'))});`)],
      'loses per-range validity and number types (the fixed-line warning): a feature regression',
    ],
    [
      'bundle-option-both',
      'option: node:http client + min metadata',
      [replace(/^undici$/, 'module.exports = {};'), replace(/metadata\.max\.json$/, `module.exports = require(${JSON.stringify(require.resolve('libphonenumber-js/metadata.min.json'))});`)],
      'both costs above',
    ],
  ];
  for (const [id, name, plugins, note] of options) {
    const variant = await extensionBytes(plugins);
    const saved = base.bytes - variant.bytes;
    const wouldBe = total - saved;
    // An option is information for a decision, not a figure of the product: no pass/fail of its own.
    rows.push({ id, name, value: kb(wouldBe), unit: 'KB total', better: 'lower', note: `saves ${kb(saved)} KB; ${note}` });
  }
  const undiciOnDisk = dependencySize(dirname(require.resolve('undici')));
  rows.push({
    id: 'bundle-option-undici-external',
    name: 'option: undici left out of the bundle, shipped in the .vsix node_modules',
    value: kb(total - (base.byPackage.get('undici') ?? 0)),
    unit: 'KB bundled',
    note: `meets nothing in practice: the .vsix would carry undici's own files, ${kb(undiciOnDisk)} KB of unminified JavaScript`,
  });
  return rows;
}

/** Bytes of JavaScript a package ships (its .js files, recursively). */
function dependencySize(dir: string): number {
  let bytes = 0;
  for (const entry of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile() && /\.(c|m)?js$/.test(entry.name)) bytes += statSync(join(entry.parentPath, entry.name)).size;
  }
  return bytes;
}

if (require.main === module) {
  void runBundleBench().then((rows) => console.table(rows));
}
