// The composer's Copy as… and Estimate in the real extension host: the real controller answering
// the webview's `estimate` message with prices read from a real sandbox, and Copy as… opening the
// draft as Node code in an untitled editor.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { ComposerController } from '../../src/composer/composerController';
import { createComposerDevLoop } from '../../src/composer/composerDevLoop';
import type { ComposerPanel } from '../../src/composer/composerPanel';
import { DraftStore } from '../../src/composer/draftStore';
import { analyseDestinations } from '../../src/core/destinations/analyse';
import { sandboxProfile } from '../../src/profiles/profile';
import type { ProfileStore } from '../../src/profiles/profileStore';
import type { ComposerDraft, HostToWebview } from '../../src/protocol/composerProtocol';
import { LocalSandbox } from '../../src/sandboxHost/localSandbox';
import { JsonMemento } from '../helpers/jsonMemento';

const draft: ComposerDraft = {
  profileId: sandboxProfile.id,
  sender: { kind: 'src', value: '14155550100' },
  text: 'Café ☕ opens at 9',
  destinations: '+14155550101\n+14155550102\n+447400123456\n+14155550101',
  callbackUrl: '',
  callbackMethod: 'POST',
  type: 'sms',
};

// Only what the controller and the dev loop read of the profiles.
const profiles = {
  list: () => [sandboxProfile],
  get: (id: string) => (id === sandboxProfile.id ? sandboxProfile : undefined),
  active: () => sandboxProfile,
  getToken: async () => undefined,
  onDidChange: () => ({ dispose() {} }),
} as unknown as ProfileStore;

describe('Composer Copy as… and Estimate (extension host)', function () {
  this.timeout(30_000);
  let output: vscode.OutputChannel;
  let sandbox: LocalSandbox;
  let controller: ComposerController;
  const posted: HostToWebview[] = [];
  const panel = { post: async (message: HostToWebview) => void posted.push(message) } as unknown as ComposerPanel;

  before(() => {
    output = vscode.window.createOutputChannel('devloop test');
    sandbox = new LocalSandbox(output);
    const devLoop = createComposerDevLoop({ profiles, sandbox });
    controller = new ComposerController(
      { profiles, devLoop, send: async () => assert.fail('no send here'), continueSend: async () => assert.fail('no send here') },
      new DraftStore(new JsonMemento()),
    );
  });
  after(async () => {
    controller.dispose();
    await sandbox.stop();
    output.dispose();
  });

  const lastEstimate = (): Extract<HostToWebview, { type: 'estimate' }> | undefined =>
    posted.filter((m): m is Extract<HostToWebview, { type: 'estimate' }> => m.type === 'estimate').at(-1);

  it('an automatic estimate never starts the Local sandbox: its cost says how to get one', async () => {
    await controller.handle({ type: 'estimate', revision: 1, draft }, panel);
    assert.equal(await sandbox.current(), undefined, 'not started');
    assert.ok(lastEstimate()?.lines.includes('Estimated cost: unknown (the Local sandbox is not running yet: press Estimate to start it)'), `posted: ${JSON.stringify(lastEstimate())}`);
  });

  it('answers Estimate with destinations per country, UCS-2 parts, the sandbox prices and the time', async () => {
    await controller.handle({ type: 'estimate', revision: 2, draft, start: true }, panel);
    const estimate = lastEstimate();
    assert.ok(estimate, `posted: ${posted.map((m) => m.type).join(', ')}`);
    assert.deepEqual(estimate.lines.slice(0, 4), [
      'Destinations: 3 unique (US 2 × 1 × $0.00500, GB 1 × 1 × $0.04000)',
      'Encoding: UCS-2, 17 characters, 1 part',
      'Total units: 3 in 1 request',
      'Estimated cost: $0.05',
    ]);
  });

  it('Copy as… Node opens the draft as plivo SDK code for the Local sandbox, without its token', async () => {
    const devLoop = createComposerDevLoop({ profiles, sandbox });
    const code = await devLoop.copyAs(draft, analyseDestinations(draft.destinations), { language: 'node', target: 'editor' });
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor && code);
    assert.equal(editor.document.languageId, 'javascript');
    assert.equal(editor.document.getText(), code);
    const endpoint = await sandbox.ensureStarted();
    assert.ok(code.includes(`${endpoint.baseUrl}/v1/Account/`));
    assert.ok(code.includes('"14155550101<14155550102<447400123456"'));
    assert.ok(!code.includes(endpoint.authToken));
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
