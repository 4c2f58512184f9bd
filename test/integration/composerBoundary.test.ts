// The composer's webview boundary in the real extension host: a real panel with the real webview
// and the real controller (over an in-memory globalState). What the real webview posts gets
// through; what a webview could post but the protocol does not allow never reaches the controller,
// the stored draft or a notification.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { ComposerController } from '../../src/composer/composerController';
import { ComposerPanel, type ComposerMessageHandler } from '../../src/composer/composerPanel';
import { DraftStore } from '../../src/composer/draftStore';
import { StorageKeys } from '../../src/constants';
import { sandboxProfile } from '../../src/profiles/profile';
import type { ProfileStore } from '../../src/profiles/profileStore';
import type { ComposerDraft, WebviewToHost } from '../../src/protocol/composerProtocol';
import { JsonMemento } from '../helpers/jsonMemento';
import { EXTENSION_ID } from './extensionId';
import { waitFor } from './fixtures/diagnostics/helpers';

const stored: ComposerDraft = {
  profileId: sandboxProfile.id,
  sender: { kind: 'src', value: '14155550100' },
  text: 'Kept as typed',
  destinations: '+14155550101\n+14155550102',
  callbackUrl: '',
  callbackMethod: 'POST',
  type: 'sms',
};

// Only what the controller reads of the profiles; no send happens here.
const profiles = {
  list: () => [sandboxProfile],
  get: (id: string) => (id === sandboxProfile.id ? sandboxProfile : undefined),
  active: () => sandboxProfile,
  onDidChange: () => ({ dispose() {} }),
} as unknown as ProfileStore;

describe('Composer webview boundary (extension host)', function () {
  this.timeout(30_000);
  const handled: WebviewToHost[] = [];
  const logged: string[] = [];
  const errors: string[] = [];
  const showErrorMessage = vscode.window.showErrorMessage;
  let memento: JsonMemento;
  let controller: ComposerController;
  let panel: ComposerPanel;

  before(async () => {
    memento = new JsonMemento();
    await memento.update(StorageKeys.draft, stored);
    controller = new ComposerController(
      { profiles, send: async () => assert.fail('no send here'), continueSend: async () => assert.fail('no send here') },
      new DraftStore(memento),
    );
    // Records what reaches the controller and what the panel logs.
    const handler: ComposerMessageHandler = {
      handle: (message, target) => {
        handled.push(message);
        return controller.handle(message, target);
      },
      disposePanel: () => controller.disposePanel(),
      log: (line) => logged.push(line),
    };
    (vscode.window as { showErrorMessage: unknown }).showErrorMessage = async (message: string) => {
      errors.push(message);
      return undefined;
    };
    const extensionUri = vscode.extensions.getExtension(EXTENSION_ID)?.extensionUri;
    assert.ok(extensionUri, `${EXTENSION_ID} is not installed`);
    panel = ComposerPanel.createOrShow(extensionUri, handler);
  });

  after(() => {
    panel?.dispose();
    controller?.dispose();
    (vscode.window as { showErrorMessage: unknown }).showErrorMessage = showErrorMessage;
  });

  it('passes what the real webview posts: the ready handshake and its first page request', async () => {
    await waitFor('the webview to ask for the first preview page', () => handled.some((message) => message.type === 'requestPage'));
    assert.equal(handled[0].type, 'ready');
    assert.deepEqual(logged, []);
  });

  it('drops null and a draft change without a draft: the stored draft is intact, no error is shown', async () => {
    await panel.receive(null);
    await panel.receive({ type: 'draftChanged', draft: 42 });
    await panel.receive({ type: 'draftChanged', revision: 1, draft: 42 });
    assert.deepEqual(memento.get(StorageKeys.draft), stored);
    assert.equal(handled.some((message) => message.type === 'draftChanged'), false, 'no draft change reached the controller');
    assert.equal(logged.length, 3);
    for (const line of logged) assert.match(line, /dropped a message from the webview/);
    assert.deepEqual(errors, []);
  });

  it('saves a valid draft change, normalised', async () => {
    await panel.receive({ type: 'draftChanged', revision: 2, draft: { ...stored, text: 'Changed', authToken: 'secret' } });
    assert.deepEqual(memento.get(StorageKeys.draft), { ...stored, text: 'Changed' });
    assert.deepEqual(errors, []);
  });
});
