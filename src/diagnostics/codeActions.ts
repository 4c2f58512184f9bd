import * as vscode from 'vscode';
import type { AnalysedDestination } from '../core';
import type { ValidatedState } from './documentState';
import { entryAt, type EntryHit } from './entryLookup';
import {
  applyReplacements, countLines, needsNormalising, normaliseEdit, removalEdits, type Replacement,
} from '../core/destinations/listEdits';
import { DIAGNOSTIC_SOURCE, ProblemCodes } from './problems';
import { settingId, ValidationSettingKeys } from './settings';
import type { AnalysedSource } from './sources';

/** Past this many edits, a list is rewritten as one replacement (VS Code applies it much faster). */
const MAX_SEPARATE_EDITS = 1000;

/** Published validation results, as the providers read them. */
export interface ResultSource {
  resultFor(document: vscode.TextDocument): ValidatedState | undefined;
}

/** A quick fix whose edit is computed only when it is chosen (file-wide fixes touch thousands of lines). */
class LazyFix extends vscode.CodeAction {
  constructor(title: string, readonly build: () => vscode.WorkspaceEdit, diagnostic: vscode.Diagnostic | undefined, preferred = false) {
    super(title, vscode.CodeActionKind.QuickFix);
    if (diagnostic !== undefined) this.diagnostics = [diagnostic];
    this.isPreferred = preferred;
  }
}

/**
 * Quick fixes for number problems, each one undoable WorkspaceEdit: normalise this number / all
 * numbers to E.164 (or to Plivo's reading of ambiguous digits), remove this duplicate / all
 * duplicates, remove all invalid lines.
 */
export class NumberListCodeActions implements vscode.CodeActionProvider<vscode.CodeAction> {
  static readonly metadata: vscode.CodeActionProviderMetadata = { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] };

  constructor(private readonly results: ResultSource) {}

  provideCodeActions(document: vscode.TextDocument, range: vscode.Range | vscode.Selection, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const state = this.results.resultFor(document);
    if (state === undefined) return [];
    const fixes = new FixList(document, state);
    const ours = context.diagnostics.filter((diagnostic) => diagnostic.source === DIAGNOSTIC_SOURCE);
    for (const diagnostic of ours) {
      if (diagnostic.code === ProblemCodes.limit) {
        fixes.add(openSettingAction(diagnostic));
        continue;
      }
      const hit = entryAt(state, document.offsetAt(diagnostic.range.start));
      if (hit !== undefined) fixes.forDiagnostic(hit, diagnostic);
    }
    // A number written with spaces or brackets has no problem, but the cursor on it still offers E.164.
    if (ours.length === 0) {
      const hit = entryAt(state, document.offsetAt(range.start));
      if (hit !== undefined && needsNormalising(hit.entry)) fixes.normalise(hit, undefined);
    }
    return fixes.actions;
  }

  resolveCodeAction(action: vscode.CodeAction): vscode.CodeAction {
    if (action instanceof LazyFix) action.edit ??= action.build();
    return action;
  }
}

/** Opens the setting that caps the problems per file (offered on the cap's note). */
function openSettingAction(diagnostic: vscode.Diagnostic): vscode.CodeAction {
  const setting = settingId(ValidationSettingKeys.maxProblems);
  const action = new vscode.CodeAction(`Open the "${setting}" setting`, vscode.CodeActionKind.QuickFix);
  action.command = { title: action.title, command: 'workbench.action.openSettings', arguments: [setting] };
  action.diagnostics = [diagnostic];
  return action;
}

/** Collects the fixes for one request; file-wide fixes are offered once however many diagnostics ask. */
class FixList {
  readonly actions: vscode.CodeAction[] = [];
  private readonly fileWide = new Set<string>();

  constructor(private readonly document: vscode.TextDocument, private readonly state: ValidatedState) {}

  forDiagnostic(hit: EntryHit, diagnostic: vscode.Diagnostic): void {
    switch (diagnostic.code) {
      case ProblemCodes.national:
        this.normalise(hit, diagnostic);
        break;
      case ProblemCodes.ambiguous:
        this.normalise(hit, diagnostic);
        if (hit.entry.plivoReading !== undefined) {
          const reading = hit.entry.plivoReading;
          this.add(new LazyFix(`Use Plivo's reading: ${reading}`, () => this.edit([[hit.source, [normaliseEdit(hit.entry, reading)]]]), diagnostic));
        }
        break;
      case ProblemCodes.duplicate:
        this.add(new LazyFix('Remove this duplicate', () => this.removal((entry) => entry === hit.entry), diagnostic, true));
        this.fileWideRemoval('duplicate', diagnostic);
        if (needsNormalising(hit.entry)) this.fileWideNormalise(diagnostic);
        break;
      case ProblemCodes.invalid:
        this.fileWideRemoval('invalid', diagnostic);
        break;
      case ProblemCodes.fixedLine:
        if (needsNormalising(hit.entry)) this.normalise(hit, diagnostic);
        break;
      case ProblemCodes.extension:
      case ProblemCodes.readThrough:
        this.normalise(hit, diagnostic);
        break;
      default:
        break;
    }
  }

  normalise(hit: EntryHit, diagnostic: vscode.Diagnostic | undefined): void {
    const e164 = hit.entry.e164;
    if (e164 === undefined) return;
    this.add(new LazyFix(`Normalise to ${e164}`, () => this.edit([[hit.source, [normaliseEdit(hit.entry)]]]), diagnostic, diagnostic?.code === ProblemCodes.national));
    this.fileWideNormalise(diagnostic);
  }

  private fileWideNormalise(diagnostic: vscode.Diagnostic | undefined): void {
    const count = this.count(needsNormalising);
    if (count < 2 || !this.once('normalise')) return;
    this.add(new LazyFix(`Normalise all ${count.toLocaleString('en-US')} numbers to E.164`, () => this.edit(
      this.state.sources.map((source) => [source, source.analysis.entries.filter(needsNormalising).map((entry) => normaliseEdit(entry))]),
    ), diagnostic));
  }

  private fileWideRemoval(status: 'duplicate' | 'invalid', diagnostic: vscode.Diagnostic): void {
    const picked = (entry: AnalysedDestination): boolean => entry.status === status;
    let title: string;
    if (status === 'duplicate') {
      const count = this.count(picked);
      if (count < 2) return; // "Remove this duplicate" already says it
      title = `Remove all ${count.toLocaleString('en-US')} duplicates`;
    } else {
      // A list's invalid entries are removed line by line, so the title counts lines (`bad, worse` is one).
      const unit = this.state.from === 'strings' ? 'number' : 'line';
      const count = unit === 'number' ? this.count(picked) : this.lines(picked);
      title = count === 1 ? `Remove the invalid ${unit}` : `Remove all ${count.toLocaleString('en-US')} invalid ${unit}s`;
    }
    if (this.once(status)) this.add(new LazyFix(title, () => this.removal(picked), diagnostic));
  }

  private removal(picked: (entry: AnalysedDestination) => boolean): vscode.WorkspaceEdit {
    return this.edit(this.state.sources.map((source) => [
      source, removalEdits(source.text, source.analysis.entries, picked, source.analysis.format !== 'list'),
    ]));
  }

  /** One WorkspaceEdit (one undo step) from source-relative replacements; stale results edit nothing. */
  private edit(perSource: Array<[AnalysedSource, Replacement[]]>): vscode.WorkspaceEdit {
    const edit = new vscode.WorkspaceEdit();
    if (this.document.isClosed || this.document.version !== this.state.version) return edit;
    const uri = this.document.uri;
    for (const [source, replacements] of perSource) {
      if (replacements.length === 0) continue;
      const at = (offset: number): vscode.Position => this.document.positionAt(source.origin.offset + offset);
      if (replacements.length > MAX_SEPARATE_EDITS) {
        edit.replace(uri, new vscode.Range(at(0), at(source.text.length)), applyReplacements(source.text, replacements));
        continue;
      }
      for (const { start, end, text } of replacements) edit.replace(uri, new vscode.Range(at(start), at(end)), text);
    }
    return edit;
  }

  private count(picked: (entry: AnalysedDestination) => boolean): number {
    let count = 0;
    for (const source of this.state.sources) for (const entry of source.analysis.entries) if (picked(entry)) count++;
    return count;
  }

  private lines(picked: (entry: AnalysedDestination) => boolean): number {
    let lines = 0;
    for (const source of this.state.sources) lines += countLines(source.analysis.entries, picked);
    return lines;
  }

  private once(key: string): boolean {
    if (this.fileWide.has(key)) return false;
    this.fileWide.add(key);
    return true;
  }

  add(action: vscode.CodeAction): void {
    if (!this.actions.some((existing) => existing.title === action.title)) this.actions.push(action);
  }
}
