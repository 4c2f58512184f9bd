// `npm run bench`: every figure beside its floor measured in the same run, printed as a table and
// written to bench/results.json. Ratios, not absolute times, are what to compare across machines.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { runActivationBench } from './activationBench';
import type { BenchRow } from './benchRow';
import { runCallbackToTreeBench } from './callbackToTreeBench';
import { runBundleBench } from './bundleBench';
import { runCliSendBench } from './cliSendBench';
import { runDestinationsBench } from './destinationsBench';
import { runDiagnosticsBench } from './diagnosticsBench';
import { runHistoryStoreBench } from './historyStoreBench';
import { runPasteRefusalBench } from './pasteRefusalBench';
import { runSandboxBench } from './sandboxBench';
import { runSandboxInboxBench } from './sandboxInboxBench';
import { runSendBench } from './sendBench';
import { runSendToTreeBench } from './sendToTreeBench';

const projectRoot = join(__dirname, '..', '..');

/**
 * Suites that run in a real workbench need chromium and code-server: provisioned as the test layers
 * do it (scripts/provision.mjs); when that is impossible the suite's row says why instead.
 */
function inWorkbench(id: string, run: () => Promise<BenchRow[]>): () => Promise<BenchRow[]> {
  return async () => {
    const provision = spawnSync(process.execPath, [join(projectRoot, 'scripts', 'provision.mjs')], { encoding: 'utf8' });
    if (provision.status !== 0) {
      const reason = (provision.stderr || provision.stdout).trim().split('\n')[0];
      return [{ id, name: `${id}: not measured`, value: Number.NaN, unit: '', note: `needs code-server and chromium (npm run provision): ${reason}` }];
    }
    return run();
  };
}

const suites: Array<[string, () => Promise<BenchRow[]>]> = [
  ['P1 preview analysis', runDestinationsBench],
  ['P2 file diagnostics', runDiagnosticsBench],
  ['P3 send', runSendBench],
  ['P3 100,000-destination send', runCliSendBench],
  ['P3 sends history write', runHistoryStoreBench],
  ['P3 send-to-tree (workbench)', inWorkbench('send-to-tree-1000', runSendToTreeBench)],
  ['P1 10 MB paste refusal (workbench)', inWorkbench('paste-refusal-10mb', runPasteRefusalBench)],
  ['P3 callback-to-tree (workbench)', inWorkbench('callback-to-tree', runCallbackToTreeBench)],
  ['P4 bundle size', runBundleBench],
  ['P4 activation (workbench)', inWorkbench('activation-host', runActivationBench)],
  ['P5 sandbox', runSandboxBench],
  ['P5 sandbox inbox', runSandboxInboxBench],
];

function format(value: number | undefined): string {
  if (value === undefined || Number.isNaN(value)) return '';
  return Math.abs(value) >= 100 ? value.toFixed(0) : value.toPrecision(3);
}

function printTable(rows: BenchRow[]): void {
  const header = ['id', 'figure', 'value', 'unit', 'baseline', 'ratio', 'target', 'result'];
  const lines = rows.map((row) => [
    row.id,
    row.name,
    format(row.value),
    row.unit,
    format(row.baseline),
    format(row.ratio),
    row.target ?? '',
    row.pass === undefined ? 'info' : row.pass ? 'ok' : 'MISSED',
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => line[column].length)));
  const render = (cells: string[]) => cells.map((cell, column) => cell.padEnd(widths[column])).join('  ').trimEnd();
  console.log(render(header));
  console.log(render(widths.map((width) => '-'.repeat(width))));
  for (const line of lines) console.log(render(line));
  for (const row of rows.filter((r) => r.note)) console.log(`  ${row.id}: ${row.note}`);
}

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const rows: BenchRow[] = [];
  for (const [name, run] of suites) {
    if (only.length > 0 && !only.some((word) => name.toLowerCase().includes(word.toLowerCase()))) continue;
    console.error(`running ${name}…`);
    rows.push(...(await run()));
  }
  printTable(rows);
  const machine = { cpus: cpus().length, model: cpus()[0]?.model, loadavg: loadavg(), node: process.version };
  const file = join(__dirname, '..', '..', 'bench', 'results.json');
  writeFileSync(file, `${JSON.stringify({ date: new Date().toISOString(), machine, rows }, null, 2)}\n`);
  console.log(`\nwritten to ${file}`);
  const missed = rows.filter((row) => row.pass === false);
  if (missed.length > 0) console.log(`${missed.length} figure(s) missed their target: ${missed.map((r) => r.id).join(', ')}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
