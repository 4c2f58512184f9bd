// Stand-ins for what two VS Code windows share: one globalState (a JSON Memento) and one
// SecretStorage; each window gets its own ProfileStore with a poll the test drives.
import type * as vscode from 'vscode';
import { ProfileStore } from '../../../src/profiles/profileStore';
import { JsonMemento } from '../../helpers/jsonMemento';

export class MemorySecrets {
  readonly values = new Map<string, string>();
  async get(key: string): Promise<string | undefined> {
    return this.values.get(key);
  }
  async store(key: string, value: string): Promise<void> {
    this.values.set(key, value);
  }
  async delete(key: string): Promise<void> {
    this.values.delete(key);
  }
  onDidChange = () => ({ dispose() {} });
}

/** One window: its store, what it warned about, how often it announced a change, and its poll. */
export interface TestWindow {
  store: ProfileStore;
  warnings: string[];
  changes: () => number;
  /** Runs the store's poll once, as its timer would. */
  tick: () => void;
  /** As when the window gains focus. */
  focus: () => void;
}

export class SharedStorage {
  readonly memento = new JsonMemento();
  readonly secrets = new MemorySecrets();
  private readonly windows: TestWindow[] = [];

  openWindow(): TestWindow {
    const checks: Array<() => void> = [];
    const focusListeners: Array<() => void> = [];
    const warnings: string[] = [];
    const store = new ProfileStore(this.memento, this.secrets as unknown as vscode.SecretStorage, {
      warn: (message) => warnings.push(message),
      poll: (check) => (checks.push(check), { dispose: () => checks.splice(checks.indexOf(check), 1) }),
      onDidFocus: (listener) => (focusListeners.push(listener), { dispose: () => undefined }),
    });
    let changes = 0;
    store.onDidChange(() => changes++);
    const window: TestWindow = {
      store,
      warnings,
      changes: () => changes,
      tick: () => checks.forEach((check) => check()),
      focus: () => focusListeners.forEach((listener) => listener()),
    };
    this.windows.push(window);
    return window;
  }

  closeAll(): void {
    for (const window of this.windows.splice(0)) window.store.dispose();
  }
}
