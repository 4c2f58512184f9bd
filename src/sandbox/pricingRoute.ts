// `GET /v1/Account/{auth_id}/Pricing/?country_iso=XX`: Plivo's pricing shape with sample rates.
// The rates are fixed examples for estimates against the sandbox (US is the one in Plivo's docs),
// not Plivo's price list; any other valid ISO code gets DEFAULT_RATE.
import { newApiId } from './reply';
import { reply, replyError, type ApiRequest } from './routes';

/** Sample outbound SMS rates (USD per part) by country; documented in the README. */
export const SAMPLE_SMS_RATES: Readonly<Record<string, { name: string; code: string; rate: string }>> = {
  US: { name: 'United States', code: '1', rate: '0.00500' },
  CA: { name: 'Canada', code: '1', rate: '0.00350' },
  GB: { name: 'United Kingdom', code: '44', rate: '0.04000' },
  DE: { name: 'Germany', code: '49', rate: '0.08000' },
  FR: { name: 'France', code: '33', rate: '0.07500' },
  IN: { name: 'India', code: '91', rate: '0.00250' },
  AU: { name: 'Australia', code: '61', rate: '0.04500' },
  BR: { name: 'Brazil', code: '55', rate: '0.02500' },
};
export const DEFAULT_RATE = '0.05000';

export function handlePricing(api: ApiRequest): void {
  const iso = (api.url.searchParams.get('country_iso') ?? '').toUpperCase();
  if (!/^[A-Z]{2}$/.test(iso)) return replyError(api, 400, 'country_iso is required: a 2-letter ISO code such as US.');
  const sample = SAMPLE_SMS_RATES[iso] ?? { name: iso, code: '', rate: DEFAULT_RATE };
  reply(api, 200, {
    api_id: newApiId(),
    country: sample.name,
    country_code: sample.code,
    country_iso: iso,
    message: {
      inbound: { rate: '0.00000' },
      outbound: { rate: sample.rate },
      outbound_networks_list: [{ group_name: `${sample.name} (all networks)`, rate: sample.rate }],
    },
    mms: { inbound: { rate: '0.00000' }, outbound: { rate: '0.02000' }, outbound_networks_list: [] },
  });
}
