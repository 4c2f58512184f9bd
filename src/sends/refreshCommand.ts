import * as vscode from 'vscode';
import { chosenNodes, type NodeArgument, type SendsCommandContext } from './commandContext';
import { refreshTargetsFor } from './refreshTargets';
import type { RefreshReport } from './status/statusRefreshService';

/** "read 3 of 4 statuses, 1 not found": the outcome of a refresh in words. */
export function reportText(report: RefreshReport): string {
  const parts = [`read ${report.found} of ${report.total} statuses`];
  if (report.notFound > 0) parts.push(`${report.notFound} not found`);
  if (report.failed > 0) parts.push(`${report.failed} failed`);
  if (report.rateLimitWaits > 0) parts.push(`waited ${report.rateLimitWaits}× for the rate limit`);
  return parts.join(', ');
}

/**
 * Refresh Status: GET Message for each chosen UUID (or every message that may still change),
 * with a cancellable progress notification. Never throws: problems are shown, per account.
 */
export async function refreshStatus(ctx: SendsCommandContext, arg?: NodeArgument, selected?: readonly unknown[]): Promise<RefreshReport | undefined> {
  // No argument means the view's title button: every message that may still change.
  const nodes = arg === undefined ? [] : chosenNodes(ctx, arg, selected);
  const targets = refreshTargetsFor(nodes, ctx.history.list());
  const total = targets.reduce((n, t) => n + t.uuids.length, 0);
  if (total === 0) {
    ctx.tree.refresh();
    void vscode.window.setStatusBarMessage('Bulk Messaging: nothing to refresh — every message has a final status.', 5000);
    return undefined;
  }
  // The timer's run would read the same messages: let this one do it.
  ctx.auto.cancelRun();
  const report = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Bulk Messaging: reading message status', cancellable: true },
    async (progress, token) => {
      const controller = new AbortController();
      const cancel = token.onCancellationRequested(() => controller.abort());
      let reported = 0;
      try {
        return await ctx.service.refresh(targets, {
          signal: controller.signal,
          onProgress: (done) => {
            progress.report({ increment: ((done - reported) / total) * 100, message: `${done} of ${total}` });
            reported = done;
          },
        });
      } finally {
        cancel.dispose();
      }
    },
  );
  const text = reportText(report);
  if (report.problems.length > 0) {
    void vscode.window.showWarningMessage(`Bulk Messaging: ${text}. ${report.problems.join(' ')}`);
  } else if (report.cancelled) {
    void vscode.window.setStatusBarMessage(`Bulk Messaging: refresh cancelled — ${text}.`, 5000);
  } else {
    void vscode.window.setStatusBarMessage(`Bulk Messaging: ${text}.`, 5000);
  }
  return report;
}
