import * as vscode from 'vscode';
import { answerUseLocalInspector } from '../callbacks/useLocalInspector';
import { Commands, Settings, Views } from '../constants';
import { estimateLines } from '../core/estimate/estimateText';
import { openingDraft } from '../protocol/composerDraft';
import type { Profile } from '../profiles/profile';
import type { ComposerDraft, HostToWebview, ProfileSummary, WebviewToHost } from '../protocol/composerProtocol';
import type { ComposerDeps } from './composerDeps';
import { ComposerPanel, type ComposerMessageHandler } from './composerPanel';
import { DestinationSession, type RegionChoice } from './destinationSession';
import type { DraftStore } from './draftStore';
import { loadFromEditor, loadFromFile, type Loaded } from './loadDestinations';
import { applyPrefill, type Prefill } from './newMessageArgs';
import { sendFromComposer, unexpectedFailure } from './sendFromComposer';

/** The host side of the composer: answers the webview's messages for the one open panel. */
export class ComposerController implements ComposerMessageHandler, vscode.Disposable {
  private session = new DestinationSession();
  private draft: ComposerDraft | undefined;
  private sending = false;
  private prefill: Prefill | undefined;
  private lastEditor: vscode.TextEditor | undefined = vscode.window.activeTextEditor;
  /** The panel reports dropped webview messages here (ComposerMessageHandler.log). */
  log?: (line: string) => void;
  private readonly disposables: vscode.Disposable[];

  constructor(
    private readonly deps: ComposerDeps,
    private readonly drafts: DraftStore,
  ) {
    if (deps.log) this.log = (line) => deps.log?.(line);
    this.disposables = [
      // The composer has focus when "Load from selection" is clicked: remember the editor before it.
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (editor) this.lastEditor = editor;
      }),
      deps.profiles.onDidChange(() => void this.profilesChanged()),
      vscode.workspace.onDidChangeConfiguration((event) => {
        if (event.affectsConfiguration(`${Settings.section}.${Settings.defaultRegion}`)) void this.reanalyse();
      }),
    ];
  }

  async handle(message: WebviewToHost, panel: ComposerPanel): Promise<void> {
    const post = (reply: HostToWebview) => panel.post(reply);
    switch (message.type) {
      case 'ready':
        return this.start(post);
      case 'draftChanged': {
        // The session moves to the new revision before anything awaits, so a request that follows
        // this message (remove, send) always finds it current.
        this.draft = message.draft;
        const analysed = this.session.update(message.revision, message.draft.destinations, this.regionFor(message.draft));
        await this.drafts.save(message.draft);
        const summary = await analysed;
        if (summary) await post({ type: 'analysis', summary });
        return;
      }
      case 'requestPage': {
        const page = this.session.page(message.summaryId, message.filter, message.offset, message.limit);
        if (page) await post({ type: 'page', summaryId: message.summaryId, filter: message.filter, ...page });
        return;
      }
      case 'removeEntries':
        return this.remove(message.revision, message.status, post);
      case 'loadFromFile':
        return this.load(await loadFromFile(), 'file', post);
      case 'loadFromSelection':
        return this.load(loadFromEditor(this.editorToLoadFrom()), 'selection', post);
      case 'send':
        return this.send(message.revision, message.draft, post);
      case 'continueSend':
        return this.continueSend(message.sendId, message.mode, post);
      case 'copyAs':
      case 'estimate':
        return this.devLoop(message, post);
      case 'addProfile':
        // The new profile reaches the picker through profiles.onDidChange, chosen as it becomes active.
        await vscode.commands.executeCommand(message.how === 'add' ? Commands.addProfile : Commands.importEnvProfile);
        return;
      case 'openSends':
        await (this.deps.showSends?.() ?? vscode.commands.executeCommand(`workbench.view.extension.${Views.container}`));
        return;
      case 'useLocalInspector':
        return answerUseLocalInspector(message.profileId, post);
    }
  }

  /**
   * Opens (or reveals) the composer. A prefill (a reopened send, a list from an editor) is laid over
   * the saved draft of a new panel, or over the form of the open one.
   */
  open(extensionUri: vscode.Uri, prefill: Prefill | undefined): void {
    const existing = ComposerPanel.current;
    if (existing) {
      existing.panel.reveal();
      if (prefill) void existing.post({ type: 'prefill', fields: prefill.fields, intent: prefill.intent });
      return;
    }
    // The new panel's webview says ready, and start() lays the prefill over the saved draft.
    this.prefill = prefill;
    ComposerPanel.createOrShow(extensionUri, this);
  }

  /** A fresh webview: start a new session from the saved draft (and a pending prefill). */
  private async start(post: (message: HostToWebview) => Promise<void>): Promise<void> {
    const { profiles, activeProfileId } = this.profileSummaries();
    const prefill = this.prefill;
    this.prefill = undefined;
    const stored = prefill ? applyPrefill(this.drafts.raw(), prefill) : this.drafts.raw();
    const draft = openingDraft(stored, profiles, activeProfileId);
    this.draft = draft;
    const session = (this.session = new DestinationSession());
    const analysed = session.update(0, draft.destinations, this.regionFor(draft));
    await post({ type: 'init', draft, profiles, activeProfileId });
    const summary = await analysed;
    if (summary) await post({ type: 'analysis', summary });
    // A draft restored after a reload may be a send that stopped halfway: say so before anyone resends it.
    const unfinished = this.deps.unfinishedSend?.(draft);
    if (unfinished) await post({ type: 'sendResult', outcome: unfinished });
    if (prefill) {
      await this.drafts.save(draft);
      // An empty prefill leaves the form as it is and only says what the caller wanted.
      await post({ type: 'prefill', fields: {}, intent: prefill.intent });
    }
  }

  private async remove(revision: number, status: 'invalid' | 'duplicate', post: (message: HostToWebview) => Promise<void>): Promise<void> {
    await this.session.settled();
    const result = this.session.without(revision, status);
    if (!result) {
      await post({ type: 'notice', level: 'info', message: 'The preview was still updating: try again.' });
    } else if (result.removed === 0) {
      await post({ type: 'notice', level: 'info', message: status === 'invalid' ? 'There are no invalid entries.' : 'There are no duplicates.' });
    } else {
      const what = status === 'invalid' ? (result.removed === 1 ? 'invalid entry' : 'invalid entries') : result.removed === 1 ? 'duplicate' : 'duplicates';
      await post({
        type: 'replaceDestinations',
        destinations: result.text,
        reason: status === 'invalid' ? 'removeInvalid' : 'removeDuplicates',
        note: `Removed ${result.removed.toLocaleString('en-US')} ${what}.`,
      });
    }
  }

  private async load(loaded: Loaded, reason: 'file' | 'selection', post: (message: HostToWebview) => Promise<void>): Promise<void> {
    await post(loaded.ok ? { type: 'replaceDestinations', destinations: loaded.text, reason, note: loaded.note } : { type: 'notice', level: loaded.level, message: loaded.message });
  }

  private async send(revision: number, draft: ComposerDraft, post: (message: HostToWebview) => Promise<void>): Promise<void> {
    // One send at a time: a second click while one runs must never post the batches again.
    if (this.sending) {
      await post({ type: 'notice', level: 'info', message: 'A send is still running: wait for its result before sending again.' });
      await post({ type: 'sendCancelled' });
      return;
    }
    this.sending = true;
    try {
      this.draft = draft;
      // Analyse exactly the text being sent, even if a debounced change has not arrived yet.
      const session = this.session;
      const analysed = session.update(revision, draft.destinations, this.regionFor(draft));
      await this.drafts.save(draft);
      const summary = await analysed;
      if (summary) await post({ type: 'analysis', summary });
      await session.settled();
      if (session !== this.session || !session.holds(draft.destinations)) {
        // The user edited the list while the click was being handled: send nothing unseen.
        await post({ type: 'notice', level: 'info', message: 'The destinations changed while sending was starting: check the preview and press Send again.' });
        await post({ type: 'sendCancelled' });
        return;
      }
      const analysis = session.current();
      const analysisProblem = session.summary().problem;
      await sendFromComposer(draft, { deps: this.deps, analysis, analysisProblem, post });
    } catch (error) {
      // E.g. the confirmation dialog could not be shown: nothing was sent, and the webview must not
      // keep waiting for a result.
      await post({ type: 'notice', level: 'error', message: `Not sent: ${error instanceof Error ? error.message : String(error)}` });
      await post({ type: 'sendCancelled' });
    } finally {
      this.sending = false;
    }
  }

  /** "Check Now" / "Send the Rest" on the result: the same send goes on, never a new one. */
  private async continueSend(sendId: string, mode: 'check' | 'rest', post: (message: HostToWebview) => Promise<void>): Promise<void> {
    if (this.sending) {
      await post({ type: 'notice', level: 'info', message: 'A send is still running: wait for its result first.' });
      return;
    }
    this.sending = true;
    try {
      const outcome = await this.deps
        .continueSend(sendId, mode, (index, total) => void post({ type: 'sending', batch: index + 1, batches: total }))
        .catch((error: unknown) => unexpectedFailure(error));
      await post(outcome ? { type: 'sendResult', outcome, at: new Date().toISOString() } : { type: 'sendCancelled' });
    } finally {
      this.sending = false;
    }
  }

  /** Copy as… / Estimate: the draft's own analysis, then the dev-loop feature (composerDevLoop.ts). */
  private async devLoop(message: { type: 'copyAs' | 'estimate'; revision: number; draft: ComposerDraft; start?: boolean }, post: (message: HostToWebview) => Promise<void>): Promise<void> {
    const session = this.session;
    const summary = await session.update(message.revision, message.draft.destinations, this.regionFor(message.draft));
    if (summary) await post({ type: 'analysis', summary });
    await session.settled();
    const analysis = session.holds(message.draft.destinations) ? session.current() : undefined;
    if (message.type === 'copyAs') return void (await this.deps.devLoop?.copyAs(message.draft, analysis));
    // The automatic estimate (no `start`) says nothing when the list moved on: the next one follows.
    if (!analysis) return message.start ? post({ type: 'notice', level: 'info', message: 'The preview was still updating: try again.' }) : undefined;
    const estimate = await this.deps.devLoop?.estimate(message.draft, analysis, { startSandbox: message.start === true });
    if (estimate) await post({ type: 'estimate', lines: estimateLines(estimate) });
  }

  private editorToLoadFrom(): vscode.TextEditor | undefined {
    if (this.lastEditor && !this.lastEditor.document.isClosed) return this.lastEditor;
    return vscode.window.visibleTextEditors[0];
  }

  /** National numbers are read in the profile's region, else the setting's; none means international only. */
  private regionFor(draft: ComposerDraft): RegionChoice {
    const profileRegion = draft.profileId ? this.deps.profiles.get(draft.profileId)?.defaultRegion : undefined;
    if (profileRegion) return { region: profileRegion, source: 'profile' };
    const setting = vscode.workspace.getConfiguration(Settings.section).get<string>(Settings.defaultRegion, '').trim().toUpperCase();
    return setting ? { region: setting, source: 'setting' } : {};
  }

  private profileSummaries(): { profiles: ProfileSummary[]; activeProfileId: string } {
    return { profiles: this.deps.profiles.list().map(toProfileSummary), activeProfileId: this.deps.profiles.active().id };
  }

  private async profilesChanged(): Promise<void> {
    const panel = this.openPanel();
    if (!panel) return;
    await panel.post({ type: 'profiles', ...this.profileSummaries() });
    await this.reanalyse();
  }

  /** The region may have changed under the same text: analyse again at the current revision. */
  private async reanalyse(): Promise<void> {
    const panel = this.openPanel();
    if (!panel || !this.draft) return;
    const summary = await this.session.update(this.session.currentRevision(), this.draft.destinations, this.regionFor(this.draft));
    if (summary) await panel.post({ type: 'analysis', summary });
  }

  private openPanel(): ComposerPanel | undefined {
    return ComposerPanel.current;
  }

  disposePanel(): void {
    this.session = new DestinationSession();
  }

  dispose(): void {
    while (this.disposables.length) this.disposables.pop()?.dispose();
  }
}

/** What the webview may know about a profile: never the auth token, nor the auth ID or URL. */
function toProfileSummary(profile: Profile): ProfileSummary {
  return {
    id: profile.id,
    name: profile.name,
    isSandbox: profile.kind === 'sandbox',
    kind: profile.kind,
    defaultRegion: profile.defaultRegion,
    sender: profile.sender ? { kind: profile.sender.kind, value: profile.sender.value } : undefined,
  };
}
