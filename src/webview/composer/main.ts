// Composer webview script (browser). Filled in by the workbench issue.
export {};
