// Helpers for the snippet tests: write a snippet to a temp dir, run a tool on it, read the sandbox back.
import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { SandboxServer } from '../../../../src/sandbox';
import { accountPath, call } from '../../sandbox/helpers';

export interface ToolRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Writes `text` as `fileName` in a fresh temp dir; returns the file's path. */
export async function writeSnippet(fileName: string, text: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'bmw-snippet-'));
  const file = join(dir, fileName);
  await writeFile(file, text, 'utf8');
  return file;
}

/** Runs a program to its end (at most 60 s). */
export function run(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<ToolRun> {
  return new Promise((resolve) => {
    execFile(command, args, { cwd: options.cwd, env: options.env, timeout: 60_000, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof (error as NodeJS.ErrnoException).code === 'number' ? ((error as unknown as { code: number }).code) : 1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

/** Whether `command` runs on this machine (`command -v`). */
export async function hasCommand(command: string): Promise<boolean> {
  return (await run('sh', ['-c', `command -v ${command}`])).code === 0;
}

/** Every message the sandbox holds, read through the API's list pages (20 a page). */
export async function sandboxDestinations(sandbox: SandboxServer): Promise<string[]> {
  const numbers: string[] = [];
  for (let offset = 0; ; offset += 20) {
    const page = await call(sandbox, 'GET', `${accountPath(sandbox, 'Message/')}?limit=20&offset=${offset}`);
    const objects = page.json.objects as Array<{ to_number: string }>;
    numbers.push(...objects.map((o) => o.to_number));
    if (!page.json.meta.next) return numbers;
  }
}

/** The `text` of every POST the sandbox received, parsed from its request log. */
export function postedTexts(sandbox: SandboxServer): string[] {
  return sandbox
    .requestLog()
    .entries.filter((e) => e.method === 'POST')
    .map((e) => (JSON.parse(e.body) as { text: string }).text);
}
