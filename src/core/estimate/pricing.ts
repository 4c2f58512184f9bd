// Outbound SMS prices per country from Plivo's Pricing API
// (`GET /v1/Account/{auth_id}/Pricing/?country_iso=XX`): one call per country, then cached.
import { request } from 'undici';

/** One country's outbound SMS rate, in USD per part. */
export interface CountryPrice {
  country: string;
  /** As the API gives it, e.g. "0.00500". */
  rate: string;
}

/** Where prices come from; `undefined` rate with a reason when one cannot be had. */
export type PriceLookup = (countryIso: string) => Promise<CountryPrice>;

export interface PricingConnection {
  baseUrl: string;
  authId: string;
  authToken: string;
  timeoutMs?: number;
}

/** The API refused or could not be reached; the message never holds a credential. */
export class PricingError extends Error {
  override readonly name = 'PricingError';
}

/** Reads one country's outbound SMS rate (`message.outbound.rate`). */
export function pricingApi(connection: PricingConnection): PriceLookup {
  const origin = connection.baseUrl.replace(/\/+$/, '');
  const authorization = `Basic ${Buffer.from(`${connection.authId}:${connection.authToken}`).toString('base64')}`;
  const timeout = connection.timeoutMs ?? 10_000;
  return async (countryIso) => {
    const url = `${origin}/v1/Account/${encodeURIComponent(connection.authId)}/Pricing/?country_iso=${encodeURIComponent(countryIso)}`;
    let status: number;
    let text: string;
    try {
      const res = await request(url, { method: 'GET', headers: { authorization, accept: 'application/json' }, headersTimeout: timeout, bodyTimeout: timeout });
      status = res.statusCode;
      text = await res.body.text();
    } catch (error) {
      throw new PricingError(`the Pricing API could not be reached (${(error as { code?: string }).code ?? (error as Error).message})`);
    }
    if (status !== 200) throw new PricingError(`the Pricing API answered ${status} for ${countryIso}`);
    const rate = readRate(text);
    if (rate === undefined) throw new PricingError(`the Pricing API gave no outbound SMS rate for ${countryIso}`);
    return { country: countryIso, rate };
  };
}

function readRate(text: string): string | undefined {
  try {
    const rate = (JSON.parse(text) as { message?: { outbound?: { rate?: unknown } } }).message?.outbound?.rate;
    return typeof rate === 'string' && /^\d+(\.\d+)?$/.test(rate) ? rate : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Caches a lookup per country for `ttlMs` (prices change rarely; an estimate asks once per country).
 * A failed lookup is not kept, so the next estimate tries again.
 */
export class PriceCache {
  private readonly entries = new Map<string, { at: number; price: Promise<CountryPrice> }>();

  constructor(
    private readonly lookup: PriceLookup,
    private readonly ttlMs = 60 * 60 * 1000,
    private readonly now: () => number = Date.now,
  ) {}

  get(countryIso: string): Promise<CountryPrice> {
    const key = countryIso.toUpperCase();
    const cached = this.entries.get(key);
    if (cached && this.now() - cached.at < this.ttlMs) return cached.price;
    const price = this.lookup(key);
    this.entries.set(key, { at: this.now(), price });
    price.catch(() => {
      if (this.entries.get(key)?.price === price) this.entries.delete(key);
    });
    return price;
  }
}
