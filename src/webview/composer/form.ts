import type { ComposerDraft, ProfileSummary, SenderKind } from '../../protocol/composerProtocol';
import { byId, el } from '../dom';

// Reads and writes the draft from and to the form controls.

const controls = {
  profile: () => byId<HTMLSelectElement>('profile'),
  sender: () => byId<HTMLInputElement>('sender'),
  text: () => byId<HTMLTextAreaElement>('text'),
  type: () => byId<HTMLSelectElement>('type'),
  callbackUrl: () => byId<HTMLInputElement>('callback-url'),
  callbackMethod: () => byId<HTMLSelectElement>('callback-method'),
  destinations: () => byId<HTMLTextAreaElement>('destinations'),
};

function senderKind(): SenderKind {
  return byId<HTMLInputElement>('sender-kind-powerpack').checked ? 'powerpack_uuid' : 'src';
}

/** The draft as the form shows it now. */
export function readDraft(): ComposerDraft {
  const profileId = controls.profile().value;
  return {
    profileId: profileId === '' ? undefined : profileId,
    sender: { kind: senderKind(), value: controls.sender().value },
    text: controls.text().value,
    destinations: controls.destinations().value,
    callbackUrl: controls.callbackUrl().value,
    callbackMethod: controls.callbackMethod().value === 'GET' ? 'GET' : 'POST',
    type: controls.type().value === 'mms' ? 'mms' : 'sms',
  };
}

/** Puts a whole draft into the form (on open). */
export function writeDraft(draft: ComposerDraft): void {
  writeFields(draft);
  controls.destinations().value = draft.destinations;
}

/** Puts the given fields, except destinations (see DestinationsEditor), into the form. */
export function writeFields(fields: Partial<ComposerDraft>): void {
  if (fields.profileId) controls.profile().value = fields.profileId;
  if (fields.sender) writeSender(fields.sender);
  if (fields.text !== undefined) controls.text().value = fields.text;
  if (fields.callbackUrl !== undefined) controls.callbackUrl().value = fields.callbackUrl;
  if (fields.callbackMethod) controls.callbackMethod().value = fields.callbackMethod;
  if (fields.type) controls.type().value = fields.type;
  // A draft that uses them shows the advanced fields; they never hide a value that will be sent.
  if (controls.callbackUrl().value.trim() !== '' || controls.type().value !== 'sms' || senderKind() !== 'src') byId<HTMLDetailsElement>('advanced').open = true;
}

/** Sets the sender toggle and value, relabelling the input for what it now holds. */
export function writeSender(sender: ComposerDraft['sender']): void {
  byId<HTMLInputElement>('sender-kind-src').checked = sender.kind === 'src';
  byId<HTMLInputElement>('sender-kind-powerpack').checked = sender.kind === 'powerpack_uuid';
  controls.sender().value = sender.value;
  labelSender(sender.kind);
}

/** The sender input's label, placeholder and hint follow the src / powerpack_uuid toggle. */
export function labelSender(kind: SenderKind): void {
  const isSrc = kind === 'src';
  byId('sender-label').textContent = isSrc ? 'Sender number or ID (src)' : 'Powerpack UUID (powerpack_uuid)';
  controls.sender().placeholder = isSrc ? '14155550100 or MyBrand' : 'e.g. 7d4f1a7e-…';
  byId('sender-hint').textContent = isSrc
    ? 'A phone number with country code, a short code, or an alphanumeric ID of up to 11 characters.'
    : 'Plivo picks a number from this pool. The API takes either src or a powerpack, not both.';
}

/** Fills the profile picker, keeping `selectedId` chosen (the first profile when it is gone). */
export function writeProfiles(profiles: ProfileSummary[], selectedId: string | undefined): void {
  const select = controls.profile();
  select.replaceChildren(...profiles.map((profile) => el('option', { value: profile.id }, profileLabel(profile))));
  const chosen = profiles.find((profile) => profile.id === selectedId) ?? profiles[0];
  if (chosen) select.value = chosen.id;
  describeProfile(chosen);
}

/** The hint under the picker: where the messages go and whether a confirmation follows. */
export function describeProfile(profile: ProfileSummary | undefined): void {
  const hint = byId('profile-hint');
  if (!profile) {
    hint.textContent = 'No profile: add one with “Bulk Messaging: Add Profile”.';
    return;
  }
  const region = profile.defaultRegion ? ` National numbers are read as ${profile.defaultRegion}.` : '';
  const where = profile.kind === 'sandbox'
    ? 'Local sandbox: nothing leaves this machine, no account or cost.'
    : profile.kind === 'live'
      ? '⚠ Live Plivo account: real messages, charged. You will be asked to confirm before sending.'
      : 'Custom endpoint: you will be asked to confirm before sending.';
  hint.textContent = where + region;
}

function profileLabel(profile: ProfileSummary): string {
  return profile.kind === 'live' ? `${profile.name} (live)` : profile.kind === 'custom' ? `${profile.name} (custom URL)` : profile.name;
}
