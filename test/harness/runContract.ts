// What the node-side runners and the code they load into the extension host agree on.
// Kept free of playwright and vscode imports so both sides can load it.

/** Environment variable holding the run folder; code-server passes it on to the extension host. */
export const RUN_DIR_ENV = 'BULK_MESSAGING_TEST_RUN_DIR';

/** File in the run folder where the integration tests entry writes its counts. */
export const INTEGRATION_RESULTS_FILE = 'integration-results.json';

/** File in the run folder where the e2e host driver writes its port and token. */
export const HOST_DRIVER_FILE = 'host-driver.json';

/** Counts of one integration run. */
export interface IntegrationResults {
  passed: number;
  failed: number;
  pending: number;
  failures: Array<{ title: string; error: string }>;
}

/** A text document open in the extension host, as the host driver's GET /documents lists it. */
export interface OpenDocument {
  uri: string;
  languageId: string;
  text: string;
}

/** How the node side reaches the host driver. */
export interface HostDriverAddress {
  port: number;
  token: string;
}

/** Set by the code-server runner: the tests entry then marks mocha's lines (see hostOutput.ts). */
export const MARK_OUTPUT_ENV = 'BULK_MESSAGING_TEST_MARK_OUTPUT';
