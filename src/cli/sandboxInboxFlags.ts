// The `bulk-messaging sandbox` flags of the inbox features (who may reach it, chaos rules, inbound
// replies), read apart from the basic flags so each stays short.
import { readFileSync } from 'node:fs';
import type { SandboxOptions } from '../sandbox';
import { parseChaosConfig } from '../sandbox/chaosRules';
import { validAllowedHost } from '../sandbox/hostCheck';

export const INBOX_FLAG_USAGE = `  --allow-host    a host name to serve besides 127.0.0.1, localhost and [::1] (repeatable)
  --chaos FILE    chaos rules (JSON, see schemas/sandbox-chaos.schema.json)
  --seed N        seed of the chaos draws: the same seed and requests give the same outcomes
  --inbound-url URL  where replies from phones are posted (Plivo's signed inbound-message webhook)
`;

/** parseArgs option specs of these flags. */
export const INBOX_FLAGS = {
  'allow-host': { type: 'string', multiple: true },
  chaos: { type: 'string' },
  seed: { type: 'string' },
  'inbound-url': { type: 'string' },
} as const;

/** The values parseArgs read for these flags. */
export interface InboxFlagValues {
  'allow-host'?: string[];
  chaos?: string;
  seed?: string;
  'inbound-url'?: string;
}

type InboxOptions = Pick<SandboxOptions, 'allowHosts' | 'chaos' | 'seed' | 'inboundUrl'>;

function readChaosFile(path: string): InboxOptions['chaos'] | { error: string } {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    return { error: `--chaos: cannot read ${path} (${(err as NodeJS.ErrnoException).code ?? (err as Error).message}).` };
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return { error: `--chaos: ${path} is not valid JSON (${(err as Error).message}).` };
  }
  const config = parseChaosConfig(json);
  return typeof config === 'string' ? { error: `--chaos: ${path}: ${config}` } : config;
}

/** The sandbox options these flags give, or an error message naming the flag. */
export function inboxOptions(values: InboxFlagValues): InboxOptions | { error: string } {
  const allowHosts = values['allow-host'] ?? [];
  const bad = allowHosts.find((name) => !validAllowedHost(name));
  if (bad !== undefined) return { error: `--allow-host takes a host name without scheme or port (got "${bad}").` };
  const options: InboxOptions = { allowHosts };
  if (values.seed !== undefined) {
    const seed = Number(values.seed);
    if (!/^\d+$/.test(values.seed) || seed > 2 ** 32 - 1) return { error: `--seed must be a whole number from 0 to 4294967295 (got "${values.seed}").` };
    options.seed = seed;
  }
  const inbound = values['inbound-url'];
  if (inbound !== undefined) {
    if (!/^https?:\/\/[^/]/i.test(inbound) || !URL.canParse(inbound)) return { error: `--inbound-url must be an http(s) URL (got "${inbound}").` };
    options.inboundUrl = inbound;
  }
  if (values.chaos !== undefined) {
    const chaos = readChaosFile(values.chaos);
    if (chaos && 'error' in chaos) return chaos;
    options.chaos = chaos;
  }
  return options;
}
