import * as vscode from 'vscode';
import { DIAGNOSTIC_SOURCE, type Problem, type ProblemSeverity, type Spot } from './problems';
import type { TimeSlicer } from '../analysis/timeSlicer';

const SEVERITY: Record<ProblemSeverity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
};

/** Diagnostics built between two checkpoints. */
const BATCH = 500;

/** VS Code diagnostics for problems of `uri`, built in time slices; undefined when cancelled. */
export async function buildDiagnostics(uri: vscode.Uri, problems: readonly Problem[], slicer: TimeSlicer): Promise<vscode.Diagnostic[] | undefined> {
  const diagnostics: vscode.Diagnostic[] = [];
  for (let i = 0; i < problems.length; i++) {
    if (i % BATCH === 0 && !(await slicer.checkpoint())) return undefined;
    diagnostics.push(toDiagnostic(uri, problems[i]));
  }
  return diagnostics;
}

function toDiagnostic(uri: vscode.Uri, problem: Problem): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(rangeOf(problem.spot), problem.message, SEVERITY[problem.severity]);
  diagnostic.source = DIAGNOSTIC_SOURCE;
  diagnostic.code = problem.code;
  if (problem.related !== undefined) {
    diagnostic.relatedInformation = [
      new vscode.DiagnosticRelatedInformation(new vscode.Location(uri, rangeOf(problem.related.spot)), problem.related.message),
    ];
  }
  return diagnostic;
}

function rangeOf(spot: Spot): vscode.Range {
  return new vscode.Range(spot.line, spot.column, spot.line, spot.column + spot.length);
}
