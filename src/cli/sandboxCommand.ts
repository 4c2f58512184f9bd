/** `bulk-messaging sandbox …`: runs the Plivo-compatible sandbox until Ctrl+C. Returns the exit code. */
export async function runSandboxCommand(_argv: string[]): Promise<number> {
  process.stderr.write('bulk-messaging sandbox: not implemented yet\n');
  return 2;
}
