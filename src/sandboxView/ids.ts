// The Sandbox view's ids (must match package.json); kept beside the view, which owns them.
export const SandboxViewIds = {
  view: 'bulkMessaging.sandboxInbox',
  refresh: 'bulkMessaging.sandboxInbox.refresh',
  search: 'bulkMessaging.sandboxInbox.search',
  clearSearch: 'bulkMessaging.sandboxInbox.clearSearch',
  deliverNow: 'bulkMessaging.sandboxInbox.deliverNow',
  fail: 'bulkMessaging.sandboxInbox.fail',
  markUndelivered: 'bulkMessaging.sandboxInbox.markUndelivered',
  clear: 'bulkMessaging.sandboxInbox.clear',
  reply: 'bulkMessaging.sandboxInbox.reply',
  editChaos: 'bulkMessaging.sandboxInbox.editChaosRules',
  connect: 'bulkMessaging.sandboxInbox.connect',
  loadMore: 'bulkMessaging.sandboxInbox.loadMore',
  /** Context key: a search narrows the phones. */
  searching: 'bulkMessaging.sandboxInbox.searching',
  /** Setting (under `bulkMessaging.`): where replies are posted. */
  inboundUrlSetting: 'sandbox.inboundUrl',
} as const;
