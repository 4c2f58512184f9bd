import { readdirSync, readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

/** Process trees this process started and has not stopped yet; killed on exit and on Ctrl+C. */
const live = new Set<number>();
let handlersInstalled = false;

/** Remembers a detached child (its own process group) so it dies with us, whatever happens. */
export function trackProcessTree(pid: number): void {
  live.add(pid);
  if (handlersInstalled) return;
  handlersInstalled = true;
  process.on('exit', () => {
    for (const root of live) signalTree(root, 'SIGKILL');
  });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      console.error(`\n${signal}: stopping the VS Code processes this run started`);
      for (const root of live) signalTree(root, 'SIGKILL');
      process.exit(130);
    });
  }
}

/** SIGTERM to the group and every descendant, then SIGKILL to whatever is left after `graceMs`. */
export async function killProcessTree(pid: number, graceMs = 3000): Promise<void> {
  signalTree(pid, 'SIGTERM');
  const deadline = Date.now() + graceMs;
  while (Date.now() < deadline && treeAlive(pid)) await sleep(100);
  if (treeAlive(pid)) signalTree(pid, 'SIGKILL');
  live.delete(pid);
}

function signalTree(pid: number, signal: NodeJS.Signals): void {
  // Descendants first: some (pty hosts) start their own sessions and would escape the group kill.
  for (const child of descendants(pid)) tryKill(child, signal);
  tryKill(-pid, signal);
  tryKill(pid, signal);
}

function treeAlive(pid: number): boolean {
  return isAlive(-pid) || descendants(pid).length > 0;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function tryKill(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(pid, signal);
  } catch {
    // Already gone.
  }
}

/** Live descendants of `root`, read from /proc (zombies excluded). */
function descendants(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${name}/stat`, 'utf8');
    } catch {
      continue;
    }
    // Fields after "(comm)": state, ppid, …; comm itself may contain spaces or parentheses.
    const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (state === 'Z') continue;
    const list = children.get(Number(ppid)) ?? [];
    list.push(Number(name));
    children.set(Number(ppid), list);
  }
  const found: number[] = [];
  const queue = [root];
  while (queue.length > 0) {
    for (const child of children.get(queue.shift() as number) ?? []) {
      found.push(child);
      queue.push(child);
    }
  }
  return found;
}
