// The Plivo-compatible sandbox: what the extension, the CLI and the tests import.
export { startSandbox } from './server';
export { SANDBOX_DEFAULTS } from './options';
export { MAGIC_NUMBERS, outcomeFor, type DeliveryOutcome, type MagicNumberRange } from './magicNumbers';
export { FAULT_KINDS, type FaultKind, type FaultSpec } from './faults';
export type { RequestLogEntry, RequestLogSnapshot } from './requestLog';
export type { CallbackAttempt } from './callbacks';
export {
  generateNonce,
  signatureHeaders,
  signatureV2,
  signatureV3,
  v3StringToSign,
  verifySignatureV2,
  verifySignatureV3,
  type SignedParams,
} from './signatures';
export type {
  CallbackRetryPolicy,
  ChaosConfig,
  ChaosEffect,
  ChaosRule,
  ChaosSnapshot,
  DeliveryTimings,
  MessageState,
  SandboxAccount,
  SandboxOptions,
  SandboxServer,
} from './types';
export type { InboxEvent, InboxMessage, InboxPage, InboxPhone, InboxPhonesPage } from './inboxTypes';
