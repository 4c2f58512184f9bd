// The `bulk-messaging sandbox` flags of the inbox features (who may reach it, chaos rules, inbound
// replies), read apart from the basic flags so each stays short.
import type { SandboxOptions } from '../sandbox';
import { validAllowedHost } from '../sandbox/hostCheck';

export const INBOX_FLAG_USAGE = `  --allow-host    a host name to serve besides 127.0.0.1, localhost and [::1] (repeatable)
`;

/** parseArgs option specs of these flags. */
export const INBOX_FLAGS = {
  'allow-host': { type: 'string', multiple: true },
} as const;

/** The values parseArgs read for these flags. */
export interface InboxFlagValues {
  'allow-host'?: string[];
}

/** The sandbox options these flags give, or an error message naming the flag. */
export function inboxOptions(values: InboxFlagValues): Pick<SandboxOptions, 'allowHosts'> | { error: string } {
  const allowHosts = values['allow-host'] ?? [];
  const bad = allowHosts.find((name) => !validAllowedHost(name));
  if (bad !== undefined) return { error: `--allow-host takes a host name without scheme or port (got "${bad}").` };
  return { allowHosts };
}
