// A send before it is sent: unique destinations per country, encoding and parts, units, cost from
// the Pricing API, how long it takes at the pacing and the account's rate, and the warnings that
// cost money. Pure, apart from the price lookup it is given.
import type { DestinationAnalysis } from '../destinations/types';
import { MAX_DESTINATIONS } from '../request';
import { analyseSegments, type TextEncoding } from '../segments';
import type { CountryPrice } from './pricing';
import { formatMicroDollars, toMicroDollars } from './money';

/** Plivo's default outbound SMS rate per account: 5 messages/s; above it Plivo queues, it does not drop. */
export const DEFAULT_MESSAGES_PER_SECOND = 5;

export interface EstimateInput {
  analysis: Pick<DestinationAnalysis, 'entries' | 'unique'>;
  text: string;
  type?: 'sms' | 'mms' | 'whatsapp';
  /** Batch requests started per second at most; 0 means no pacing. */
  batchesPerSecond: number;
  /** The account's messages per second. */
  messagesPerSecond: number;
  /** Prices per country (a PriceCache); without it the estimate has no cost. */
  price?: (countryIso: string) => Promise<CountryPrice>;
  /** Why there is no `price`, in the words the cost line shows. */
  noPriceReason?: string;
}

export interface CountryEstimate {
  /** ISO code, or `??` when the number's country is unknown. */
  country: string;
  destinations: number;
  units: number;
  /** USD per part, as the API gives it. */
  rate?: string;
  /** USD, five decimals. */
  amount?: string;
  /** Why there is no price for this country. */
  priceProblem?: string;
}

export type EstimateWarningKind = 'fixed-line' | 'ambiguous' | 'ucs2';

export interface EstimateWarning {
  kind: EstimateWarningKind;
  message: string;
}

export interface SendEstimate {
  destinations: number;
  countries: CountryEstimate[];
  encoding: TextEncoding | 'MMS';
  /** Parts per message (1 for MMS). */
  parts: number;
  characters: number;
  units: number;
  /** Total in USD (five decimals) over the countries with a price. */
  amount?: string;
  /** True when every country has a price, so `amount` is the whole cost. */
  amountComplete: boolean;
  requests: number;
  /** Seconds from the first request to the last message leaving Plivo's queue. */
  durationSeconds: number;
  warnings: EstimateWarning[];
}

const n = (value: number): string => value.toLocaleString('en-US');

/** The estimate of sending `input.text` to the analysis's unique valid destinations. */
export async function estimateSend(input: EstimateInput): Promise<SendEstimate> {
  const valid = input.analysis.entries.filter((entry) => entry.status === 'valid');
  const isMms = input.type === 'mms';
  const segments = analyseSegments(input.text);
  const parts = isMms ? 1 : Math.max(1, segments.parts);
  const byCountry = new Map<string, number>();
  for (const entry of valid) byCountry.set(entry.country ?? '??', (byCountry.get(entry.country ?? '??') ?? 0) + 1);

  const countries = await Promise.all(
    [...byCountry].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([country, destinations]) => priceCountry(country, destinations, parts, input.price, input.noPriceReason)),
  );
  const priced = countries.filter((c) => c.amount !== undefined);
  const destinations = input.analysis.unique.length;
  const units = destinations * parts;
  const requests = Math.ceil(destinations / MAX_DESTINATIONS);
  return {
    destinations,
    countries,
    encoding: isMms ? 'MMS' : segments.encoding,
    parts,
    characters: segments.characters,
    units,
    amount: priced.length > 0 ? formatMicroDollars(priced.reduce((sum, c) => sum + toMicroDollars(c.amount as string), 0)) : undefined,
    amountComplete: priced.length === countries.length,
    requests,
    durationSeconds: durationSeconds(requests, units, input.batchesPerSecond, input.messagesPerSecond),
    warnings: warnings(valid, input.text, isMms, parts, destinations),
  };
}

async function priceCountry(country: string, destinations: number, parts: number, price: EstimateInput['price'], noPriceReason = 'no price source'): Promise<CountryEstimate> {
  const units = destinations * parts;
  if (country === '??') return { country, destinations, units, priceProblem: 'the country of these numbers is unknown' };
  if (!price) return { country, destinations, units, priceProblem: noPriceReason };
  try {
    const { rate } = await price(country);
    return { country, destinations, units, rate, amount: formatMicroDollars(toMicroDollars(rate) * units) };
  } catch (error) {
    return { country, destinations, units, priceProblem: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * Posting takes (requests − 1) / batchesPerSecond; Plivo dequeues at the account's rate meanwhile.
 * Whether that rate counts parts or messages is unconfirmed: parts are counted, the slower reading.
 */
export function durationSeconds(requests: number, units: number, batchesPerSecond: number, messagesPerSecond: number): number {
  const posting = batchesPerSecond > 0 ? Math.max(0, requests - 1) / batchesPerSecond : 0;
  const dequeue = messagesPerSecond > 0 ? units / messagesPerSecond : 0;
  return Math.max(posting, dequeue);
}

function warnings(valid: DestinationAnalysis['entries'], text: string, isMms: boolean, parts: number, destinations: number): EstimateWarning[] {
  const found: EstimateWarning[] = [];
  const fixed = valid.filter((entry) => entry.type === 'FIXED_LINE').length;
  if (fixed > 0) {
    found.push({ kind: 'fixed-line', message: `${n(fixed)} fixed-line number${fixed === 1 ? '' : 's'}: probably cannot receive SMS, yet charged when Plivo accepts ${fixed === 1 ? 'it' : 'them'}.` });
  }
  const ambiguous = valid.filter((entry) => entry.ambiguous).length;
  if (ambiguous > 0) {
    found.push({ kind: 'ambiguous', message: `${n(ambiguous)} ambiguous number${ambiguous === 1 ? '' : 's'}: read as national, ${ambiguous === 1 ? 'it is' : 'they are'} also valid international numbers of another country; check ${ambiguous === 1 ? 'it' : 'them'} (a message to the wrong person is charged all the same).` });
  }
  const segments = analyseSegments(text);
  if (!isMms && segments.encoding === 'UCS-2') {
    let gsmText = text;
    for (const ch of segments.nonGsmCharacters) gsmText = gsmText.split(ch).join('?');
    const gsmParts = Math.max(1, analyseSegments(gsmText).parts);
    if (gsmParts < parts) {
      const shown = segments.nonGsmCharacters.slice(0, 5).map((ch) => JSON.stringify(ch)).join(', ');
      const which = segments.nonGsmCharacters.length === 1 ? `The character ${shown} forces` : `The characters ${shown}${segments.nonGsmCharacters.length > 5 ? ', …' : ''} force`;
      found.push({ kind: 'ucs2', message: `${which} UCS-2: ${n(parts)} parts per message instead of ${n(gsmParts)}, ${n(parts * destinations)} units instead of ${n(gsmParts * destinations)}.` });
    }
  }
  return found;
}
