// `send --dry-run`: what the send would do and cost, on stderr (or as JSON on stdout), and with
// `--as LANG` the code that makes the same requests, alone on stdout. Nothing is posted.
import { generateSnippet, type SnippetLanguage } from '../core/codegen/languages';
import type { DestinationAnalysis } from '../core/destinations/types';
import { estimateSend } from '../core/estimate/estimate';
import { estimateLines } from '../core/estimate/estimateText';
import { PriceCache, pricingApi } from '../core/estimate/pricing';
import type { SendRequestTemplate } from '../core/sends/journal';

export interface DryRunArgs {
  request: SendRequestTemplate;
  baseUrl: string;
  authId?: string;
  authToken?: string;
  pace: number;
  messagesPerSecond: number;
  timeoutSeconds: number;
  json: boolean;
  language?: SnippetLanguage;
}

export async function runDryRun(analysis: DestinationAnalysis, args: DryRunArgs): Promise<void> {
  const price = args.authId && args.authToken ? new PriceCache(pricingApi({ baseUrl: args.baseUrl, authId: args.authId, authToken: args.authToken, timeoutMs: args.timeoutSeconds * 1000 })) : undefined;
  const estimate = await estimateSend({
    analysis,
    text: args.request.text,
    type: args.request.type,
    batchesPerSecond: args.pace,
    messagesPerSecond: args.messagesPerSecond,
    price: price && ((country) => price.get(country)),
  });
  if (args.language) {
    process.stdout.write(generateSnippet(args.language.id, { baseUrl: args.baseUrl, request: args.request, numbers: analysis.unique }));
  } else if (args.json) {
    process.stdout.write(`${JSON.stringify({ dryRun: true, baseUrl: args.baseUrl, estimate })}\n`);
  }
  const lines = estimateLines(estimate);
  if (!price) lines.push('Prices: set PLIVO_AUTH_ID (or --auth-id) and PLIVO_AUTH_TOKEN to read them from the Pricing API.');
  const said = args.language ? `${args.language.label} code for these requests is on stdout. ` : '';
  process.stderr.write(`Dry run against ${args.baseUrl}: nothing was sent. ${said}\n${lines.map((line) => `  ${line}`).join('\n')}\n`);
}
