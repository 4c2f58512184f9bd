// The request validator (core/request.ts) speaks the API's field names, which suits the CLI. The
// composer shows the same problems in the words of its own labels: "Status callback URL must start
// with https://", not "url must be an absolute…". Pure, unit-tested.
import type { FieldError } from '../core/request';
import type { ComposerDraft, ComposerField } from '../protocol/composerProtocol';

/** The label each composer field has on screen (layout.ts), as a message starts with it. */
export const FIELD_LABELS: Record<ComposerField, string> = {
  profile: 'Profile',
  sender: 'Sender',
  text: 'Text',
  type: 'Type',
  callbackUrl: 'Status callback URL',
  callbackMethod: 'Callback method',
  destinations: 'Destinations',
  general: 'Message',
};

/** Which composer field shows an error about each request field. */
const FIELD_OF: Record<string, ComposerField> = {
  src: 'sender',
  powerpack_uuid: 'sender',
  text: 'text',
  type: 'type',
  url: 'callbackUrl',
  method: 'callbackMethod',
  dst: 'destinations',
};

/** The composer field of a validator error, and its message in that field's words. */
export function inFieldWords(error: FieldError, draft: ComposerDraft): { field: ComposerField; message: string } {
  const field = FIELD_OF[error.field] ?? 'general';
  return { field, message: reword(field, error.message, draft) };
}

function reword(field: ComposerField, message: string, draft: ComposerDraft): string {
  switch (field) {
    case 'sender':
      if (/^A sender is required/.test(message)) {
        return draft.sender.kind === 'powerpack_uuid'
          ? 'Powerpack UUID is required: paste the UUID of the number pool to send from.'
          : 'Sender is required: type a phone number or sender ID, or choose a profile with a default sender.';
      }
      return message.replace(/^src\b/, 'Sender').replace(/^powerpack_uuid\b/, 'Powerpack UUID');
    case 'text':
      if (/^text is required/.test(message)) return 'Text is required: write the message.';
      return message.replace(/^text\b/, 'Text');
    case 'callbackUrl':
      return 'Status callback URL must start with https:// (or http://), e.g. https://example.com/plivo/status, or be left empty.';
    case 'callbackMethod':
      return 'Callback method must be POST or GET.';
    case 'type':
      return 'Type must be SMS or MMS.';
    default:
      // Anything else keeps the validator's words, introduced by the field it is about.
      return /^[a-z_]+\b/.test(message) ? `${FIELD_LABELS[field]}: ${message}` : message;
  }
}
