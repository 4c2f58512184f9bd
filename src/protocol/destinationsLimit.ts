/**
 * Largest destinations text the composer holds (about 100,000 numbers). Both sides enforce it: the
 * webview refuses a bigger paste before posting anything, the host refuses a bigger file to load
 * and does not analyse a bigger draft.
 */
export const MAX_DESTINATIONS_TEXT = 2_000_000;
