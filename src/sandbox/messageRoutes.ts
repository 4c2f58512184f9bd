import { parseListQuery } from './listQuery';
import { messageResource } from './messageView';
import { newApiId } from './reply';
import { reply, replyError, type ApiRequest } from './routes';

/** `GET /v1/Account/{auth_id}/Message/{message_uuid}/`. */
export function handleGetMessage(api: ApiRequest): void {
  const message = api.state.store.get(api.match.uuid ?? '');
  if (!message || message.authId !== api.account.authId) return replyError(api, 404, 'not found');
  reply(api, 200, { api_id: newApiId(), ...messageResource(message) });
}

function pageLink(authId: string, limit: number, offset: number, filters: Array<[string, string]>): string {
  const query = new URLSearchParams([['limit', String(limit)], ['offset', String(offset)], ...filters]);
  return `/v1/Account/${authId}/Message/?${query.toString()}`;
}

/** `GET /v1/Account/{auth_id}/Message/`: newest first, documented filters, limit ≤ 20. */
export function handleListMessages(api: ApiRequest): void {
  const query = parseListQuery(api.url.searchParams);
  if (typeof query === 'string') return replyError(api, 400, query);
  const authId = api.account.authId;
  const objects: Array<Record<string, unknown>> = [];
  let total = 0;
  for (const message of api.state.store.newestFirst()) {
    if (message.authId !== authId || !query.matches(message)) continue;
    if (total >= query.offset && objects.length < query.limit) objects.push(messageResource(message));
    total++;
  }
  const { limit, offset, filters } = query;
  reply(api, 200, {
    api_id: newApiId(),
    meta: {
      limit,
      next: offset + limit < total ? pageLink(authId, limit, offset + limit, filters) : null,
      offset,
      previous: offset > 0 ? pageLink(authId, limit, Math.max(0, offset - limit), filters) : null,
      total_count: total,
    },
    objects,
  });
}
