import { setImmediate as nextTurn } from 'node:timers/promises';
import * as vscode from 'vscode';
import { Settings } from '../constants';
import { buildDiagnostics } from './diagnosticsBuilder';
import { planFor, type DocumentPlan } from './documentSelection';
import type { DocumentState, ValidatedFrom, ValidatedState } from './documentState';
import { EDIT_DEBOUNCE_MS, ValidationScheduler, type ValidationJob } from './scheduler';
import { affectsValidation, readValidationSettings, settingId, ValidationSettingKeys, type ValidationSettings } from './settings';
import { SizeNotice } from './sizeNotice';
import { joinedStringSources, wholeDocument, type ListSource } from './sources';
import { TimeSlicer } from '../analysis/timeSlicer';
import { runValidation } from './validationRun';

/** A newly shown document waits only long enough for a burst of opens to settle. */
const SHOW_DELAY_MS = 50;

/** What a validation run hands to `publish`. */
type Publication = { state: DocumentState; diagnostics: vscode.Diagnostic[] };

/**
 * Keeps the Problems panel in step with the number lists in open documents: which documents, when
 * (debounced per document, one run at a time, stale versions dropped), and what was found. Code
 * actions, CodeLens and the Validate command read the published state from here.
 */
export class DocumentValidator implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('bulkMessaging.numbers');
  private readonly states = new Map<string, DocumentState>();
  /** Documents the user asked to validate as a whole list, whatever they look like. */
  private readonly forced = new Set<string>();
  private readonly scheduler = new ValidationScheduler<Publication>((error) => console.error('Bulk Messaging: number validation failed', error));
  private readonly sizeNotice = new SizeNotice();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  private readonly disposables: vscode.Disposable[] = [];
  private regionWarned = false;

  /** Fires after a document's published state changed (new results or cleared). */
  readonly onDidChangeState = this.changed.event;

  constructor() {
    this.disposables.push(
      this.collection,
      this.changed,
      vscode.window.onDidChangeVisibleTextEditors((editors) => editors.forEach((editor) => this.ensure(editor.document))),
      vscode.workspace.onDidChangeTextDocument((event) => {
        if (event.contentChanges.length > 0 && this.isWatched(event.document)) this.request(event.document, EDIT_DEBOUNCE_MS);
      }),
      vscode.workspace.onDidCloseTextDocument((document) => this.forget(document.uri)),
      // VS Code may keep a document open for a while after its last tab closes: the tab decides.
      vscode.window.tabGroups.onDidChangeTabs((event) => {
        if (event.closed.length === 0) return;
        const shown = new Set(vscode.window.tabGroups.all.flatMap((group) => group.tabs).map(tabUri).filter((uri) => uri !== undefined).map(String));
        for (const uri of event.closed.map(tabUri)) if (uri !== undefined && !shown.has(uri.toString())) this.forget(uri);
      }),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (!affectsValidation(event)) return;
        this.regionWarned = false;
        for (const document of vscode.workspace.textDocuments) if (this.isWatched(document)) this.request(document, 0);
      }),
    );
    for (const editor of vscode.window.visibleTextEditors) this.ensure(editor.document);
  }

  /** The published validation of the document's current version, if any. */
  resultFor(document: vscode.TextDocument): ValidatedState | undefined {
    const state = this.states.get(document.uri.toString());
    return state?.kind === 'validated' && state.version === document.version ? state : undefined;
  }

  /**
   * Validates now, for the Validate command: the given selections once, or (none) the whole
   * document as a list from now until it is closed. Resolves with the state it published.
   */
  async validateNow(document: vscode.TextDocument, selections: readonly vscode.Selection[]): Promise<DocumentState | undefined> {
    const key = document.uri.toString();
    if (selections.length === 0) this.forced.add(key);
    await this.scheduler.runNow(key, this.job(document, selections));
    const state = this.states.get(key);
    return state?.version === document.version ? state : undefined;
  }

  dispose(): void {
    this.scheduler.dispose();
    for (const disposable of this.disposables.splice(0)) disposable.dispose();
    this.states.clear();
  }

  /** Validates a document that became visible unless its current version is done already. */
  private ensure(document: vscode.TextDocument): void {
    const state = this.states.get(document.uri.toString());
    if (state?.version !== document.version) this.request(document, SHOW_DELAY_MS);
  }

  private isWatched(document: vscode.TextDocument): boolean {
    const key = document.uri.toString();
    return this.states.has(key) || this.forced.has(key) || vscode.window.visibleTextEditors.some((editor) => editor.document === document);
  }

  private request(document: vscode.TextDocument, delayMs: number): void {
    this.scheduler.request(document.uri.toString(), this.job(document, []), delayMs);
  }

  private forget(uri: vscode.Uri): void {
    const key = uri.toString();
    this.scheduler.cancel(key);
    this.forced.delete(key);
    this.collection.delete(uri);
    if (this.states.delete(key)) this.changed.fire(uri);
  }

  private job(document: vscode.TextDocument, selections: readonly vscode.Selection[]): ValidationJob<Publication> {
    return {
      version: () => (document.isClosed ? undefined : document.version),
      run: (isStale) => this.validate(document, selections, isStale),
      publish: ({ state, diagnostics }) => {
        const key = document.uri.toString();
        if (diagnostics.length > 0) this.collection.set(document.uri, diagnostics);
        else this.collection.delete(document.uri);
        this.states.set(key, state);
        this.changed.fire(document.uri);
      },
    };
  }

  private async validate(document: vscode.TextDocument, selections: readonly vscode.Selection[], isStale: () => boolean): Promise<Publication | undefined> {
    const version = document.version;
    const settings = readValidationSettings(document.uri);
    const plan = selections.length > 0
      ? selectionPlan(selections.map((selection) => document.getText(selection).length), settings)
      : planFor(document, settings, this.forced.has(document.uri.toString()));
    if (plan.kind === 'skip') return { state: { kind: 'skipped', version }, diagnostics: [] };
    if (plan.kind === 'tooLarge') {
      if (selections.length === 0 && !this.forced.has(document.uri.toString())) this.sizeNotice.once(document.uri, plan.size, settings.maxFileSize);
      return { state: { kind: 'tooLarge', version, size: plan.size, limit: settings.maxFileSize }, diagnostics: [] };
    }
    // Deciding and copying the text out of a large document are blocks of their own: yield between.
    await nextTurn();
    if (isStale()) return undefined;
    const [from, sources] = sourcesOf(document, plan, selections);
    await nextTurn();
    const slicer = new TimeSlicer({ isCancelled: isStale });
    const outcome = await this.runWithRegion(sources, settings, slicer);
    if (outcome === undefined) return undefined;
    const diagnostics = await buildDiagnostics(document.uri, outcome.problems.problems, slicer);
    if (diagnostics === undefined) return undefined;
    const state: DocumentState = { kind: 'validated', version, from, sources: outcome.sources, problemsTotal: outcome.problems.total };
    if (settings.defaultRegion !== undefined) state.region = settings.defaultRegion;
    return { state, diagnostics };
  }

  /** Runs with the configured region; an unknown one is reported once and numbers are read as international. */
  private async runWithRegion(sources: ListSource[], settings: ValidationSettings, slicer: TimeSlicer): ReturnType<typeof runValidation> {
    const options = { defaultRegion: settings.defaultRegion, maxProblems: settings.maxProblems, maxProblemsSetting: settingId(ValidationSettingKeys.maxProblems) };
    try {
      return await runValidation(sources, options, slicer);
    } catch (error) {
      if (!(error instanceof RangeError) || settings.defaultRegion === undefined) throw error;
      if (!this.regionWarned) {
        this.regionWarned = true;
        void vscode.window.showWarningMessage(`"${settingId(Settings.defaultRegion)}" is "${settings.defaultRegion}", which is not a known region: numbers are read as international only. Use a two-letter country code such as US or GB.`);
      }
      settings.defaultRegion = undefined;
      return runValidation(sources, { ...options, defaultRegion: undefined }, slicer);
    }
  }
}

function tabUri(tab: vscode.Tab): vscode.Uri | undefined {
  return tab.input instanceof vscode.TabInputText ? tab.input.uri : undefined;
}

function selectionPlan(lengths: readonly number[], settings: ValidationSettings): DocumentPlan {
  const size = lengths.reduce((sum, length) => sum + length, 0);
  return size > settings.maxFileSize ? { kind: 'tooLarge', size } : { kind: 'list' };
}

function sourcesOf(document: vscode.TextDocument, plan: DocumentPlan, selections: readonly vscode.Selection[]): [ValidatedFrom, ListSource[]] {
  if (selections.length > 0) {
    const sorted = [...selections].sort((a, b) => a.start.compareTo(b.start));
    return ['selection', sorted.map((selection) => ({
      origin: { offset: document.offsetAt(selection.start), line: selection.start.line, column: selection.start.character },
      text: document.getText(selection),
    }))];
  }
  const text = document.getText();
  return plan.kind === 'strings' ? ['strings', joinedStringSources(text, plan.plainValues)] : ['file', wholeDocument(text)];
}
