// Shared by the composer's Copy as… and the Sends view's Copy Request as….
import * as vscode from 'vscode';
import { SNIPPET_LANGUAGES, findLanguage, type SnippetLanguage, type SnippetLanguageId } from '../core/codegen/languages';

/** Where a snippet goes: the clipboard, or an untitled editor in the snippet's language. */
export type SnippetTarget = 'clipboard' | 'editor';

/** Given by tests and keybindings to skip the quick picks. */
export interface SnippetChoice {
  language?: SnippetLanguageId;
  target?: SnippetTarget;
}

/** The language quick pick (curl, Node … Raw HTTP); undefined when dismissed. */
export async function pickLanguage(title: string, preset?: SnippetLanguageId): Promise<SnippetLanguage | undefined> {
  if (preset) return findLanguage(preset);
  const picked = await vscode.window.showQuickPick(
    SNIPPET_LANGUAGES.map((language) => ({ label: language.label, description: language.detail, language })),
    { title, placeHolder: 'Language — the code reads PLIVO_AUTH_ID / PLIVO_AUTH_TOKEN from the environment' },
  );
  return picked?.language;
}

async function pickTarget(preset?: SnippetTarget): Promise<SnippetTarget | undefined> {
  if (preset) return preset;
  const picked = await vscode.window.showQuickPick(
    [
      { label: '$(copy) Copy to Clipboard', target: 'clipboard' as const },
      { label: '$(file-code) Open in Untitled Editor', target: 'editor' as const },
    ],
    { title: 'Copy as code' },
  );
  return picked?.target;
}

/** Copies the snippet or opens it in an editor; returns the code delivered, undefined when dismissed. */
export async function deliverSnippet(language: SnippetLanguage, code: string, preset?: SnippetTarget): Promise<string | undefined> {
  const target = await pickTarget(preset);
  if (!target) return undefined;
  if (target === 'clipboard') {
    await vscode.env.clipboard.writeText(code);
    void vscode.window.setStatusBarMessage(`Bulk Messaging: copied the request as ${language.label}.`, 3000);
  } else {
    const document = await vscode.workspace.openTextDocument({ language: language.editorLanguage, content: code });
    await vscode.window.showTextDocument(document, { preview: false });
  }
  return code;
}
