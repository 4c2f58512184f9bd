// Bundles the extension host code, the CLI and the webview scripts with esbuild.
// Usage: node scripts/build.mjs [--watch] [--production]
import * as esbuild from 'esbuild';
import { rmSync } from 'node:fs';
import { lazyModules, oneNamespace } from './lib/activationPlugins.mjs';

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

const common = {
  bundle: true,
  minify: production,
  sourcemap: production ? false : 'linked',
  logLevel: 'info',
  legalComments: 'none',
};

// Opening any list, JSON, YAML or code file activates the extension, so activation must stay cheap: the HTTP client (undici), the phone-number metadata (libphonenumber-js)
// and the CSV parser load when first used — a send, a status refresh, the first number read — not
// while the bundle loads, and the `vscode` API is wrapped once rather than once per module.
// `npm run bench` measures activation in the extension host.
const LAZY_IN_EXTENSION = ['undici', 'csv-parse/sync', 'phoneMetadata'];

const builds = [
  {
    ...common,
    entryPoints: { extension: 'src/extension.ts' },
    outdir: 'dist',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode'],
    plugins: [lazyModules(LAZY_IN_EXTENSION), oneNamespace('vscode')],
  },
  {
    ...common,
    entryPoints: { cli: 'src/cli/main.ts' },
    outdir: 'dist',
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    banner: { js: '#!/usr/bin/env node' },
  },
  {
    ...common,
    entryPoints: { composer: 'src/webview/composer/main.ts', report: 'src/webview/report/main.ts' },
    outdir: 'dist/webview',
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
  },
];

// A production build starts from an empty dist/ so no stale source map ends up in the .vsix.
if (production) rmSync('dist', { recursive: true, force: true });

if (watch) {
  const contexts = await Promise.all(builds.map((options) => esbuild.context(options)));
  await Promise.all(contexts.map((context) => context.watch()));
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}
