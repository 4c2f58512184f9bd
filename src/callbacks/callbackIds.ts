/** The callback inspector's ids, one home in the code; package.json must list the same. */
export const CallbackCommands = {
  useLocalInspector: 'bulkMessaging.callbacks.useLocalInspector',
  forwardTo: 'bulkMessaging.callbacks.forwardTo',
  stopForwarding: 'bulkMessaging.callbacks.stopForwarding',
  replay: 'bulkMessaging.callbacks.replay',
  replaySend: 'bulkMessaging.callbacks.replaySend',
  openRaw: 'bulkMessaging.callbacks.openRaw',
  revealInSends: 'bulkMessaging.callbacks.revealInSends',
  clear: 'bulkMessaging.callbacks.clear',
  /** Internal (registered by the Sends view, which owns the tree): arguments send id and MessageUUID. */
  revealDestination: 'bulkMessaging.callbacks.revealDestination',
} as const;

export const CallbackViews = {
  callbacks: 'bulkMessaging.callbacks',
} as const;

export const CallbackStorageKeys = {
  /** The receiver's last port, so callbacks of sends made before a reload still arrive. */
  port: 'bulkMessaging.callbacks.port',
  /** Where callbacks are forwarded (a URL the user typed; no secret). */
  forwardTarget: 'bulkMessaging.callbacks.forwardTarget',
  /** The public tunnel URL the user pasted for a live account. */
  publicUrl: 'bulkMessaging.callbacks.publicUrl',
} as const;

/** The read-only documents of raw callback requests. */
export const RAW_CALLBACK_SCHEME = 'bulk-messaging-callback';
