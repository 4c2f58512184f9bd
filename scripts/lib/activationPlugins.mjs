// esbuild plugins that keep the extension's activation cheap (see build.mjs; `npm run bench` measures it).
import * as esbuild from 'esbuild';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';

const require = createRequire(import.meta.url);

/** The export names of a module: from esbuild's metafile for ES modules, from node for CommonJS. */
async function exportNames(path) {
  const result = await esbuild.build({
    entryPoints: [path], bundle: false, write: false, format: 'esm', platform: 'node', metafile: true, logLevel: 'silent',
  });
  const [input] = Object.values(result.metafile.inputs);
  if (input.format === 'cjs') return Object.keys(require(path));
  return Object.values(result.metafile.outputs)[0].exports;
}

function standIn(path, names) {
  const real = JSON.stringify(path);
  return [
    'let real;',
    `const load = () => (real ??= require(${real}));`,
    ...names.map((name) => `Object.defineProperty(exports, ${JSON.stringify(name)}, { enumerable: true, get: () => load()[${JSON.stringify(name)}] });`),
  ].join('\n');
}

/**
 * Chosen modules load on first use instead of when the bundle loads. Every import of such a module
 * (from any other file) gets a stand-in whose exports are getters: the real module runs the first
 * time one of its exports is read. esbuild keeps a required module in a closure that runs on first
 * call, so until then its code is only pre-parsed.
 *
 * Safe for modules whose importers use the exports at run time only (calls, `new`, instanceof),
 * never while the importing module itself loads; that holds for the modules listed in build.mjs.
 * `specifiers` as written in imports: package names, or the last part of a relative path (`phoneMetadata`).
 */
export function lazyModules(specifiers) {
  const escaped = specifiers.map((s) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&'));
  const filter = new RegExp(`(^|/)(${escaped.join('|')})$`);
  return {
    name: 'lazy-modules',
    setup(build) {
      const names = new Map();
      build.onResolve({ filter }, async (args) => {
        // Our own build.resolve call below comes back through here: let esbuild resolve it normally.
        if (args.pluginData === 'real') return undefined;
        const resolved = await build.resolve(args.path, { resolveDir: args.resolveDir, kind: args.kind, importer: args.importer, pluginData: 'real' });
        if (resolved.errors.length > 0) return { errors: resolved.errors };
        return { path: resolved.path, namespace: 'lazy-module' };
      });
      build.onLoad({ filter: /.*/, namespace: 'lazy-module' }, async (args) => {
        if (!names.has(args.path)) names.set(args.path, await exportNames(args.path));
        // The stand-in requires the real file by its absolute path, which this plugin's filter does not match.
        return { contents: standIn(args.path, names.get(args.path)), loader: 'js', resolveDir: dirname(args.path) };
      });
    },
  };
}

/**
 * `import * as vscode from 'vscode'` makes esbuild copy the whole API object into a new namespace in
 * every importing module (about 40 modules × 400 properties, ~12 ms at activation). Routing the
 * imports through one ES module that re-exports `vscode` makes that copy once.
 */
export function oneNamespace(external) {
  const filter = new RegExp(`^${external}$`);
  return {
    name: 'one-namespace',
    setup(build) {
      build.onResolve({ filter }, (args) =>
        args.namespace === 'one-namespace' ? { path: external, external: true } : { path: external, namespace: 'one-namespace' },
      );
      build.onLoad({ filter: /.*/, namespace: 'one-namespace' }, () => ({ contents: `export * from ${JSON.stringify(external)};`, loader: 'js' }));
    },
  };
}
