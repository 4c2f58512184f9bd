import type { Profile } from '../profiles/profile';
import type { ProfileStore } from '../profiles/profileStore';
import type { ComposerDraft, SendOutcome } from '../protocol/composerProtocol';
import type { ComposerDevLoop } from './composerDevLoop';

/** What the composer hands to the send service once the draft is valid and the user has confirmed. */
export interface ComposerSendInput {
  profile: Profile;
  /** The draft as it was when Send was clicked; the request is built from it (see `requestFields`). */
  draft: ComposerDraft;
  /** Unique valid destinations in E.164 (with '+'), in input order: exactly what goes out, in batches of ≤ 1,000. */
  numbers: string[];
  /** Entries the preview found invalid, as typed; they are not sent. */
  skippedInvalid: string[];
}

/** What the composer needs from the rest of the extension; extension.ts wires it. */
export interface ComposerDeps {
  profiles: ProfileStore;
  /**
   * Resolves the profile's connection, posts the batches in order (never retrying a POST) under a
   * cancellable progress notification, and records the send. `onBatchStart` gets a 0-based index.
   * Resolves undefined when the user cancelled before anything was sent (e.g. the token prompt).
   */
  send(input: ComposerSendInput, onBatchStart: (index: number, total: number) => void): Promise<SendOutcome | undefined>;
  /** Goes on with a stored send (see `continueSend`); undefined when it is gone or the user cancelled. */
  continueSend(sendId: string, mode: 'check' | 'rest', onBatchStart: (index: number, total: number) => void): Promise<SendOutcome | undefined>;
  /**
   * The stored send of exactly this request (same sender, text, callback and unique destinations)
   * that is not finished, as an outcome with Check Now / Send the Rest; undefined when there is none.
   */
  unfinishedSend?(draft: ComposerDraft, numbers?: readonly string[]): SendOutcome | undefined;
  /** The Output channel, for what the user may want to look into (a webview message that was dropped). */
  log?(line: string): void;
  /** Reveals the Sends view (defaults to opening the Bulk Messaging view container). */
  showSends?(sendId?: string): void | Thenable<unknown>;
  /** Copy as… and the estimate (cost, time, warnings) shown before a send. */
  devLoop?: ComposerDevLoop;
}
