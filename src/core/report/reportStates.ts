// Delivery states in the order a message moves through them; 'unknown' before the first status
// read. Its own file, free of imports, so the report webview can use it without the phone metadata.
export const REPORT_STATES = ['unknown', 'queued', 'sent', 'delivered', 'read', 'undelivered', 'failed', 'rejected'] as const;
export type ReportState = (typeof REPORT_STATES)[number];
export type StateCounts = Record<ReportState, number>;
