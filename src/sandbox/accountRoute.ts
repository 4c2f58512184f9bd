import { newApiId } from './reply';
import { reply, type ApiRequest } from './routes';

/** `GET /v1/Account/{auth_id}/`: a Plivo-shaped account with generous, unchanging credit. */
export function handleGetAccount(api: ApiRequest): void {
  const authId = api.account.authId;
  reply(api, 200, {
    account_type: 'standard',
    address: '',
    api_id: newApiId(),
    auth_id: authId,
    auto_recharge: false,
    billing_mode: 'prepaid',
    cash_credits: '1000.00000',
    city: '',
    name: 'Plivo sandbox',
    resource_uri: `/v1/Account/${authId}/`,
    state: '',
    timezone: 'UTC',
  });
}
