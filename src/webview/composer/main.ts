import { analyseSegments } from '../../core/segments';
import { withProfile } from '../../protocol/composerDraft';
import type { ComposerDraft, HostToWebview, ProfileSummary, SenderKind } from '../../protocol/composerProtocol';
import { byId } from '../dom';
import { onHostMessage, postToHost } from '../vscodeApi';
import { counterText } from './counterText';
import { estimateSoon, showEstimate, wireDevLoop } from './devLoopControls';
import { DestinationsEditor } from './destinationsEditor';
import { DraftSync } from './draftSync';
import { clearFieldError, clearFieldErrors, showFieldErrors } from './fieldErrors';
import { describeProfile, labelSender, readDraft, writeDraft, writeFields, writeProfiles, writeSender } from './form';
import { buildLayout } from './layout';
import { capDestinationsInput } from './pasteCap';
import { Preview } from './preview';
import { rovingFocus } from './rovingFocus';
import { placeholderWarning } from './placeholders';
import { sendBarText } from './sendBar';
import { clearResult, clockTime, markResultStale, renderResult } from './sendResult';

// Entry point of the composer webview: builds the form, wires it, then handshakes with the host.
const app = byId<HTMLElement>('app');
app.append(buildLayout());
app.removeAttribute('aria-busy');

let profiles: ProfileSummary[] = [];
let shownProfileId: string | undefined;
let sending = false;
/** Results this panel has shown for sends it ran: "Send #2 · 19:24". */
let sendsShown = 0;
/** Unique valid numbers of the latest analysis, for the send bar. */
let outgoing = 0;
/** "Add Plivo profile…" was clicked: the next new profile becomes the chosen one. */
let addingProfile = false;
/** The list's CSV/TSV headers, for the placeholder warning. */
let columns: string[] | undefined;

const sync = new DraftSync(readDraft, (revision, draft) => {
  postToHost({ type: 'draftChanged', revision, draft });
  estimateSoon(revision, draft);
});
const flush = (): void => sync.flush();

/**
 * A field changed: clear its error and the last send's status, grey the last result (it is about
 * another draft now), and post the draft once typing pauses.
 */
function changed(controlId?: string): void {
  if (controlId) clearFieldError(controlId);
  if (!sending) {
    byId('send-status').textContent = '';
    markResultStale(byId('result'));
    labelSendButton(false);
  }
  sync.changed();
}

/** "Send again…" once this draft went out: the host asks before repeating it. */
function labelSendButton(sentAlready: boolean): void {
  byId('send-label').textContent = sentAlready ? 'Send again…' : 'Send';
}

/** A change the host should see at once (a choice, a replaced list). */
function changedNow(controlId?: string): void {
  changed(controlId);
  sync.flush();
}

const destinations = byId<HTMLTextAreaElement>('destinations');
capDestinationsInput(destinations, (message) => notice(message, 'error'));
const editor = new DestinationsEditor(() => changedNow('destinations'));
const preview = new Preview(
  (summaryId, filter, offset, limit) => postToHost({ type: 'requestPage', summaryId, filter, offset, limit }),
  (offset, length) => {
    destinations.focus();
    destinations.setSelectionRange(offset, offset + length);
  },
);

function updateCounter(): void {
  const segments = analyseSegments(byId<HTMLTextAreaElement>('text').value);
  const text = counterText(segments);
  byId('text-counter-summary').textContent = text.summary;
  byId('text-counter-detail').textContent = text.detail ?? '';
  byId('text-counter-error').textContent = text.error ? `✗ ${text.error}` : '';
  const placeholders = placeholderWarning(byId<HTMLTextAreaElement>('text').value, columns);
  byId('text-placeholders').textContent = placeholders ? `⚠ ${placeholders}` : '';
  // Not readDraft(): that would copy a pasted list of megabytes out of the box on every keystroke.
  const type = byId<HTMLSelectElement>('type').value === 'mms' ? 'mms' : 'sms';
  const profileId = byId<HTMLSelectElement>('profile').value;
  byId('send-summary').textContent = sendBarText({ numbers: outgoing, segments, type, profile: profiles.find((p) => p.id === profileId) });
}

/** On open, the cursor waits where the user has to type first: the first empty required field. */
function focusFirstEmpty(): void {
  const empty = ['destinations', 'sender', 'text'].map((id) => byId<HTMLInputElement>(id)).find((control) => control.value.trim() === '');
  (empty ?? byId('send')).focus();
}

rovingFocus(document.querySelector<HTMLElement>('[role="toolbar"]') ?? byId('composer'), 'button', 'horizontal');
rovingFocus(byId('preview-rows'), 'button', 'vertical');
// The shortcut as this platform writes it.
if (/Mac|iPhone|iPad/.test(navigator.platform)) byId('send-shortcut').textContent = '⌘+Enter';

function notice(message: string, level: 'info' | 'error' = 'info'): void {
  const box = byId('notice');
  box.textContent = message;
  box.classList.toggle('error', level === 'error');
  box.hidden = message === '';
}

function setSending(active: boolean, status: string): void {
  sending = active;
  const button = byId<HTMLButtonElement>('send');
  button.disabled = active;
  button.setAttribute('aria-disabled', String(active));
  byId('send-status').textContent = status;
}

// Field wiring: every edit clears that field's error and schedules a draft save.
for (const id of ['sender', 'text', 'callback-url']) byId(id).addEventListener('input', () => changed(id));
for (const id of ['type', 'callback-method']) byId(id).addEventListener('change', () => changedNow(id));
byId('type').addEventListener('change', updateCounter);
byId('text').addEventListener('input', updateCounter);
destinations.addEventListener('input', () => {
  if (editor.isApplying) return;
  editor.userEdited();
  changed('destinations');
});
for (const id of ['sender-kind-src', 'sender-kind-powerpack']) {
  byId<HTMLInputElement>(id).addEventListener('change', (event) => {
    labelSender((event.target as HTMLInputElement).value as SenderKind);
    changedNow('sender');
  });
}
byId<HTMLSelectElement>('profile').addEventListener('change', (event) => {
  const next = profiles.find((profile) => profile.id === (event.target as HTMLSelectElement).value);
  if (!next) return;
  const previous = profiles.find((profile) => profile.id === shownProfileId);
  writeSender(withProfile(readDraft(), next, previous).sender);
  shownProfileId = next.id;
  describeProfile(next);
  clearFieldError('sender');
  changedNow('profile');
  updateCounter();
});
// Leaving a field or the panel saves at once, so nothing typed is lost to the debounce.
for (const id of ['sender', 'text', 'callback-url', 'destinations']) byId(id).addEventListener('change', flush);
window.addEventListener('blur', flush);

// Actions: each one first sends the latest draft so the host acts on what the user sees.
byId('load-file').addEventListener('click', () => { flush(); postToHost({ type: 'loadFromFile' }); });
byId('load-selection').addEventListener('click', () => { flush(); postToHost({ type: 'loadFromSelection' }); });
byId('remove-invalid').addEventListener('click', () => { flush(); postToHost({ type: 'removeEntries', revision: sync.posted, status: 'invalid' }); });
byId('remove-duplicates').addEventListener('click', () => { flush(); postToHost({ type: 'removeEntries', revision: sync.posted, status: 'duplicate' }); });
byId('use-local-inspector').addEventListener('click', () => { flush(); postToHost({ type: 'useLocalInspector', profileId: readDraft().profileId }); });
wireDevLoop(() => (flush(), { revision: sync.posted, draft: readDraft() }));

for (const [id, how] of [['add-profile', 'add'], ['import-profile', 'import']] as const) {
  byId(id).addEventListener('click', () => {
    flush();
    addingProfile = true;
    postToHost({ type: 'addProfile', how });
  });
}
byId('composer').addEventListener('submit', (event) => event.preventDefault());
byId('send').addEventListener('click', () => {
  if (sending) return;
  flush();
  clearFieldErrors();
  notice('');
  setSending(true, 'Checking…');
  postToHost({ type: 'send', revision: sync.posted, draft: readDraft() });
});
// Ctrl/Cmd+Enter sends from anywhere in the form, as in VS Code's own message boxes.
document.addEventListener('keydown', (event) => {
  if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
    event.preventDefault();
    byId<HTMLButtonElement>('send').click();
  }
});

/** Lays fields from another command over the form; the composer never sends by itself. */
function applyPrefill(fields: Partial<ComposerDraft>, intent: 'send' | undefined): void {
  const { destinations: list, ...others } = fields;
  const profile = profiles.find((candidate) => candidate.id === others.profileId);
  if (!profile) delete others.profileId;
  writeFields(others);
  if (profile) {
    shownProfileId = profile.id;
    describeProfile(profile);
  }
  updateCounter();
  clearFieldErrors();
  clearResult(byId('result'));
  let replaced = false;
  if (list !== undefined && list !== destinations.value) {
    editor.replace(list); // posts the whole draft, others included
    replaced = true;
  } else if (Object.keys(others).length > 0) {
    changedNow();
  }
  const parts = [
    replaced ? 'Destinations filled in; Undo restores the previous list.' : Object.keys(others).length > 0 ? 'Draft filled in.' : '',
    intent === 'send' ? 'Check the preview, then press Send.' : '',
  ];
  notice(parts.filter(Boolean).join(' '));
  if (intent === 'send') byId('send').focus();
}

function handle(message: HostToWebview): void {
  switch (message.type) {
    case 'init':
      profiles = message.profiles;
      writeProfiles(profiles, message.draft.profileId ?? message.activeProfileId);
      shownProfileId = byId<HTMLSelectElement>('profile').value || undefined;
      writeDraft(message.draft);
      updateCounter();
      sync.reset();
      focusFirstEmpty();
      return;
    case 'profiles': {
      const known = new Set(profiles.map((profile) => profile.id));
      const previous = profiles.find((profile) => profile.id === shownProfileId);
      profiles = message.profiles;
      const chosen = byId<HTMLSelectElement>('profile').value;
      // A profile added from the composer's own link is the one the user wants to send with.
      const added = addingProfile ? profiles.find((profile) => !known.has(profile.id)) : undefined;
      if (added) addingProfile = false;
      writeProfiles(profiles, added?.id ?? (chosen || message.activeProfileId));
      shownProfileId = byId<HTMLSelectElement>('profile').value || undefined;
      // A new choice (added, or the chosen one was removed): its sender if none was typed.
      const next = profiles.find((profile) => profile.id === shownProfileId);
      if (next && shownProfileId !== chosen) {
        writeSender(withProfile(readDraft(), next, previous).sender);
        changedNow('profile');
        updateCounter();
      }
      return;
    }
    case 'analysis':
      preview.showSummary(message.summary);
      outgoing = message.summary.problem ? 0 : message.summary.uniqueCount;
      columns = message.summary.columns;
      updateCounter();
      return;
    case 'page':
      preview.showPage(message.summaryId, message.filter, message.offset, message.total, message.rows);
      return;
    case 'replaceDestinations': {
      const native = editor.replace(message.destinations);
      const removal = message.reason === 'removeInvalid' || message.reason === 'removeDuplicates';
      // A list loaded from a file or an editor is a new draft: the old result goes.
      if (!removal) clearResult(byId('result'));
      notice(`${message.note} ${native ? 'Ctrl+Z or Undo' : 'Undo'} ${removal ? 'brings them back' : 'restores the previous list'}.`);
      return;
    }
    case 'notice':
      notice(message.message, message.level);
      return;
    case 'estimate':
      showEstimate(message.lines);
      return;
    case 'fieldErrors':
      setSending(false, 'Not sent: fix the problems shown beside the fields.');
      showFieldErrors(message.errors);
      return;
    case 'sendCancelled':
      setSending(false, 'Not sent.');
      return;
    case 'sending':
      setSending(true, `Sending request ${message.batch} of ${message.batches}…`);
      return;
    case 'prefill':
      applyPrefill(message.fields, message.intent);
      return;
    case 'sendResult': {
      const { outcome } = message;
      const finished = !outcome.failure && outcome.stop === 'complete';
      setSending(false, finished ? 'Sent.' : outcome.failure ? 'The send failed; your draft is kept.' : `Not finished: ${outcome.summary}. Your draft is kept.`);
      const label = message.at ? `Send #${(sendsShown += 1)} · ${clockTime(message.at)}` : 'Earlier send of this draft';
      labelSendButton(outcome.progress.accepted + outcome.progress.inDoubt > 0);
      renderResult(byId('result'), outcome, label, message.skipped, {
        openSends: () => postToHost({ type: 'openSends' }),
        continueSend: (sendId, mode) => {
          setSending(true, mode === 'check' ? 'Checking the account…' : 'Sending the rest…');
          postToHost({ type: 'continueSend', sendId, mode });
        },
      }).focus();
      return;
    }
  }
}

onHostMessage(handle);
updateCounter();
postToHost({ type: 'ready' });
