import type { ComposerDraft, HostToWebview } from '../../protocol/composerProtocol';
import { byId } from '../dom';
import { onHostMessage, postToHost } from '../vscodeApi';
import { buildLayout } from './layout';

// Entry point of the composer webview: builds the form, then handshakes with the host.
const app = byId<HTMLElement>('app');
app.append(buildLayout());
app.removeAttribute('aria-busy');

let revision = 0;
const destinations = byId<HTMLTextAreaElement>('destinations');

function readDraft(): ComposerDraft {
  return {
    sender: { kind: 'src', value: '' },
    text: byId<HTMLTextAreaElement>('text').value,
    destinations: destinations.value,
    callbackUrl: '',
    callbackMethod: 'POST',
    type: 'sms',
  };
}

destinations.addEventListener('input', () => {
  revision += 1;
  postToHost({ type: 'draftChanged', revision, draft: readDraft() });
});

onHostMessage((message: HostToWebview) => {
  if (message.type === 'init') {
    destinations.value = message.draft.destinations;
    byId<HTMLTextAreaElement>('text').value = message.draft.text;
  }
});

postToHost({ type: 'ready' });
