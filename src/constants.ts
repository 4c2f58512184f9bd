/**
 * Ids the features share: commands, views, the settings section and the settings read in more than
 * one place, storage keys; they must match package.json. A feature's own settings and ids live with
 * it (diagnostics/settings.ts, sends/historyStore.ts, the composer panel's view type).
 */
export const Commands = {
  newMessage: 'bulkMessaging.newMessage',
  addProfile: 'bulkMessaging.profiles.add',
  editProfile: 'bulkMessaging.profiles.edit',
  renameProfile: 'bulkMessaging.profiles.rename',
  removeProfile: 'bulkMessaging.profiles.remove',
  testConnection: 'bulkMessaging.profiles.testConnection',
  switchProfile: 'bulkMessaging.profiles.switch',
  importEnvProfile: 'bulkMessaging.profiles.importFromEnvironment',
  showSandbox: 'bulkMessaging.sandbox.show',
  refreshSends: 'bulkMessaging.sends.refresh',
  copyUuid: 'bulkMessaging.sends.copyUuid',
  copyAllUuids: 'bulkMessaging.sends.copyAllUuids',
  copyResponse: 'bulkMessaging.sends.copyResponse',
  openMessageDetails: 'bulkMessaging.sends.openDetails',
  reopenInComposer: 'bulkMessaging.sends.reopenInComposer',
  deleteSend: 'bulkMessaging.sends.delete',
  checkNow: 'bulkMessaging.sends.checkNow',
  sendRest: 'bulkMessaging.sends.sendRest',
  resendUncheckable: 'bulkMessaging.sends.resendUncheckable',
  clearSends: 'bulkMessaging.sends.clearAll',
  validateNumbers: 'bulkMessaging.validateNumbers',
  copyRequestAs: 'bulkMessaging.sends.copyRequestAs',
  exportSend: 'bulkMessaging.sends.export',
  exportHistory: 'bulkMessaging.sends.exportHistory',
  openSample: 'bulkMessaging.openSample',
  walkthrough: 'bulkMessaging.walkthrough',
} as const;

export const Views = {
  container: 'bulkMessaging',
  sends: 'bulkMessaging.sends',
} as const;

export const Settings = {
  section: 'bulkMessaging',
  defaultRegion: 'defaultRegion',
  requestTimeoutSeconds: 'requestTimeoutSeconds',
  batchesPerSecond: 'send.batchesPerSecond',
  listRequestsPerMinute: 'send.listRequestsPerMinute',
  messagesPerSecond: 'send.messagesPerSecond',
} as const;

export const StorageKeys = {
  profiles: 'bulkMessaging.profiles',
  activeProfile: 'bulkMessaging.activeProfile',
  draft: 'bulkMessaging.composerDraft',
  history: 'bulkMessaging.sendHistory',
} as const;

export const OutputChannelName = 'Bulk Messaging';
