import * as vscode from 'vscode';
import { looksLikeNumberList, SAMPLE_CHARS } from './listHeuristic';
import type { ValidationSettings } from './settings';

/** What to do with a document. */
export type DocumentPlan =
  | { kind: 'skip' }
  | { kind: 'tooLarge'; size: number }
  | { kind: 'list' }
  | { kind: 'strings'; plainValues: boolean };

/** Languages a number list is written in; these files are checked with the list heuristic. */
const LIST_LANGUAGES = new Set(['plaintext', 'csv', 'tsv', 'csv (semicolon)', 'csv (pipe)']);
/** Languages whose `<`-joined strings are validated (code, JSON, YAML, config). */
const STRING_LANGUAGES = new Set([
  'json', 'jsonc', 'json5', 'yaml', 'toml', 'dotenv', 'properties', 'ini', 'shellscript',
  'javascript', 'typescript', 'javascriptreact', 'typescriptreact', 'python', 'ruby', 'go', 'java',
  'kotlin', 'php', 'csharp', 'rust', 'swift',
]);
/** Of those, the ones where a value may stand unquoted (`dst: +1…<+44…`, `DST=+1…<+44…`). */
const PLAIN_VALUE_LANGUAGES = new Set(['yaml', 'dotenv', 'properties', 'ini']);
/** Real files and new unsaved ones; not output panes, diff sides, settings or git views. */
const SCHEMES = new Set(['file', 'untitled', 'vscode-remote']);

/**
 * Decides whether and how a document is validated: a file the user asked for (`forced`) or matched
 * by `include` is a list; a plain-text/CSV file is a list when its first lines look like one; code,
 * JSON and YAML get their `<`-joined strings checked. Anything else is left alone. Only the first
 * lines are read here, so the decision is cheap even for a file that is then skipped for its size.
 */
export function planFor(document: vscode.TextDocument, settings: ValidationSettings, forced: boolean): DocumentPlan {
  const plan = forced ? { kind: 'list' as const } : automaticPlan(document, settings);
  if (plan.kind === 'skip') return plan;
  const size = documentLength(document);
  return size > settings.maxFileSize ? { kind: 'tooLarge', size } : plan;
}

function automaticPlan(document: vscode.TextDocument, settings: ValidationSettings): DocumentPlan {
  if (!settings.enabled || !SCHEMES.has(document.uri.scheme)) return { kind: 'skip' };
  if (matchesInclude(document, settings.include)) return { kind: 'list' };
  const language = document.languageId;
  if (LIST_LANGUAGES.has(language)) {
    // Only the head is copied out, so a huge one-line file costs no more than a small one.
    const head = document.getText(new vscode.Range(new vscode.Position(0, 0), document.positionAt(SAMPLE_CHARS)));
    return looksLikeNumberList(head) ? { kind: 'list' } : { kind: 'skip' };
  }
  if (settings.inStrings && STRING_LANGUAGES.has(language)) return { kind: 'strings', plainValues: PLAIN_VALUE_LANGUAGES.has(language) };
  return { kind: 'skip' };
}

function matchesInclude(document: vscode.TextDocument, globs: readonly string[]): boolean {
  if (globs.length === 0) return false;
  const folder = vscode.workspace.getWorkspaceFolder(document.uri);
  return globs.some((glob) => vscode.languages.match({ pattern: glob }, document) > 0
    || (folder !== undefined && vscode.languages.match({ pattern: new vscode.RelativePattern(folder, glob) }, document) > 0));
}

/** Characters in the document, without building its text. */
export function documentLength(document: vscode.TextDocument): number {
  return document.offsetAt(document.lineAt(document.lineCount - 1).range.end);
}
