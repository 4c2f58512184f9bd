// Profile lifecycle in the real extension host: the add flow's dialogs are answered by replacing
// vscode.window's input functions (the only part not real), everything behind them is: the
// extension's globalState, its SecretStorage, and a sandbox that accepts only the typed token.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Commands } from '../../src/constants';
import { startSandbox, type SandboxServer } from '../../src/sandbox';

type Answer = string | ((items: readonly vscode.QuickPickItem[]) => vscode.QuickPickItem | undefined) | undefined;

/** Answers the next input boxes and quick picks in order; records every prompt it was shown. */
class ScriptedDialogs {
  readonly prompts: Array<{ title?: string; password?: boolean; value?: string }> = [];
  /** What an input box's own validation said to an answer it refused (the real box keeps the user there). */
  readonly refusals: Array<{ title?: string; answer: string; message: string }> = [];
  private answers: Answer[] = [];
  private confirmation: string | undefined;
  private readonly originals = { input: vscode.window.showInputBox, pick: vscode.window.showQuickPick, warn: vscode.window.showWarningMessage };

  install(): void {
    const window = vscode.window as { -readonly [K in keyof typeof vscode.window]: (typeof vscode.window)[K] };
    window.showInputBox = (async (options?: vscode.InputBoxOptions) => {
      this.prompts.push({ title: options?.title, password: options?.password, value: options?.value });
      for (;;) {
        const answer = this.answers.shift();
        if (typeof answer !== 'string' || !options?.validateInput) return typeof answer === 'function' ? undefined : answer;
        const verdict = await options.validateInput(answer);
        const message = typeof verdict === 'string' ? verdict : verdict?.message;
        if (!message) return answer;
        // Refused as typed: the next answer is what the user types instead.
        this.refusals.push({ title: options.title, answer, message });
      }
    }) as typeof vscode.window.showInputBox;
    window.showQuickPick = (async (items: readonly vscode.QuickPickItem[] | Thenable<readonly vscode.QuickPickItem[]>, options?: vscode.QuickPickOptions) => {
      this.prompts.push({ title: options?.title });
      const answer = this.answers.shift();
      const list = await items;
      return typeof answer === 'function' ? answer(list) : list.find((item) => item.label === answer);
    }) as unknown as typeof vscode.window.showQuickPick;
    window.showWarningMessage = (async () => {
      const answer = this.confirmation;
      this.confirmation = undefined;
      return answer;
    }) as typeof vscode.window.showWarningMessage;
  }

  /** The button the next warning (a modal confirmation) is answered with. */
  confirmWith(button: string): void {
    this.confirmation = button;
  }

  answer(...answers: Answer[]): void {
    this.answers.push(...answers);
  }

  uninstall(): void {
    const window = vscode.window as { -readonly [K in keyof typeof vscode.window]: (typeof vscode.window)[K] };
    window.showInputBox = this.originals.input;
    window.showQuickPick = this.originals.pick;
    window.showWarningMessage = this.originals.warn;
  }
}

const PROFILE_NAME = 'Staging proxy (profiles test)';
const TOKEN = 'ProfilesTestTokenQ8w7e6r5t4y3u2i1o0pAaBbCc';
const AUTH_ID = 'MAPROFILESTEST000001';

describe('profiles (extension host)', function () {
  this.timeout(20_000);
  let sandbox: SandboxServer;
  const dialogs = new ScriptedDialogs();

  before(async () => {
    sandbox = await startSandbox({ accounts: [{ authId: AUTH_ID, authToken: TOKEN }] });
    dialogs.install();
  });
  after(async () => {
    dialogs.uninstall();
    await sandbox.close();
  });

  it('adds a custom-URL profile; the token is asked for in a password box and works from SecretStorage', async () => {
    dialogs.answer(PROFILE_NAME, 'Custom URL', sandbox.baseUrl, AUTH_ID, TOKEN, '', 'US');
    await vscode.commands.executeCommand(Commands.addProfile);
    const tokenPrompt = dialogs.prompts.find((prompt) => prompt.title === 'Auth token');
    assert.equal(tokenPrompt?.password, true, 'the token box must not echo');
    assert.equal(tokenPrompt?.value, undefined, 'the token box must never be prefilled');

    dialogs.answer(PROFILE_NAME);
    const ok = await vscode.commands.executeCommand<boolean>(Commands.testConnection);
    assert.equal(ok, true, 'the sandbox accepts only the typed token, so it came back from SecretStorage');
    assert.equal(sandbox.requestLog().counts['GET /v1/Account/{auth_id}/'], 1);
  });

  it('keeps the token out of settings', () => {
    const settings = JSON.stringify(vscode.workspace.getConfiguration().inspect('bulkMessaging') ?? {});
    assert.ok(!settings.includes(TOKEN));
  });

  it('renames the profile and still finds its token under the new name', async () => {
    dialogs.answer(PROFILE_NAME, `${PROFILE_NAME} renamed`);
    await vscode.commands.executeCommand(Commands.renameProfile);
    dialogs.answer(`${PROFILE_NAME} renamed`);
    assert.equal(await vscode.commands.executeCommand<boolean>(Commands.testConnection), true);
  });

  it('refuses a base URL with credentials or a secret query as it is typed; the profile keeps a usable URL', async () => {
    const secretUrls = [`http://user:UrlSecret1@127.0.0.1:${sandbox.port}`, `${sandbox.baseUrl}/?token=UrlSecret2`, `${sandbox.baseUrl}/?apikey=UrlSecret3`];
    dialogs.answer(`${PROFILE_NAME} renamed`, 'Base URL', ...secretUrls, sandbox.baseUrl);
    await vscode.commands.executeCommand(Commands.editProfile);
    assert.deepEqual(dialogs.refusals.map((r) => r.answer), secretUrls);
    assert.match(dialogs.refusals[0].message, /must not contain credentials/);
    assert.match(dialogs.refusals[1].message, /must not carry a secret: remove \?token=…/);
    dialogs.answer(`${PROFILE_NAME} renamed`);
    assert.equal(await vscode.commands.executeCommand<boolean>(Commands.testConnection), true, 'the profile kept a usable URL');
  });

  it('a wrong token is reported as an authentication failure, not a crash', async () => {
    dialogs.answer(`${PROFILE_NAME} renamed`, 'Auth token', 'not-the-token');
    await vscode.commands.executeCommand(Commands.editProfile);
    dialogs.answer(`${PROFILE_NAME} renamed`);
    assert.equal(await vscode.commands.executeCommand<boolean>(Commands.testConnection), false);
    dialogs.answer(`${PROFILE_NAME} renamed`, 'Auth token', TOKEN);
    await vscode.commands.executeCommand(Commands.editProfile);
  });

  it('removing the profile (after a modal confirmation) deletes its secret', async () => {
    let captured: unknown;
    dialogs.answer((items) => {
      const item = items.find((candidate) => candidate.label === `${PROFILE_NAME} renamed`);
      captured = (item as { profile?: unknown } | undefined)?.profile;
      return item;
    });
    dialogs.confirmWith('Remove');
    await vscode.commands.executeCommand(Commands.removeProfile);
    assert.ok(captured, 'the profile was offered for removal');

    let offeredAgain = false;
    dialogs.answer((items) => {
      offeredAgain = items.some((item) => item.label === `${PROFILE_NAME} renamed`);
      return undefined;
    });
    await vscode.commands.executeCommand(Commands.switchProfile);
    assert.equal(offeredAgain, false, 'a removed profile is not offered any more');

    // With its secret gone, using the old profile must ask for the token again (answered: cancel).
    dialogs.answer(undefined);
    const prompts = dialogs.prompts.length;
    assert.equal(await vscode.commands.executeCommand<boolean>(Commands.testConnection, captured), false);
    assert.match(dialogs.prompts[prompts]?.title ?? '', /^Auth token for/);
  });
});
