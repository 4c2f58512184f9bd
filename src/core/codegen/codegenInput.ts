// What a snippet sends: the request fields (everything but `dst`), the destinations in batches of
// at most 1,000, and where to send them. Never credentials: every snippet reads
// PLIVO_AUTH_ID / PLIVO_AUTH_TOKEN from the environment.
import { toBatches, toDstParam } from '../destinations/wireForm';
import { MAX_DESTINATIONS } from '../request';
import { DEFAULT_BASE_URL } from '../client/plivoClient';
import { toRequestBody, type MessageRequest } from '../request';

export interface CodegenInput {
  /** The profile's API origin (Plivo's, the sandbox's, a custom one); a trailing slash is ignored. */
  baseUrl: string;
  request: Omit<MessageRequest, 'dst'>;
  /** Unique valid destinations in E.164, in send order. */
  numbers: readonly string[];
}

/** One body field in the API's order; values are the request's own JSON types. */
export type BodyValue = string | number | boolean | string[];

/** The facts every language's snippet is written from. */
export interface SnippetPlan {
  origin: string;
  /** True for Plivo's own API: the SDKs need no URL then. */
  isPlivo: boolean;
  /** `dst` of each request: numbers without `+`, joined by `<`. */
  dsts: string[];
  /** Body fields other than `dst`, in the API's order. */
  fields: Array<[string, BodyValue]>;
  destinations: number;
}

/** Normalises the input into what the generators write out. */
export function planSnippet(input: CodegenInput): SnippetPlan {
  const origin = input.baseUrl.replace(/\/+$/, '') || DEFAULT_BASE_URL;
  const batches = toBatches(input.numbers, MAX_DESTINATIONS);
  const body = toRequestBody({ ...input.request, dst: '' }) as Record<string, BodyValue | undefined>;
  const fields: Array<[string, BodyValue]> = [];
  for (const [key, value] of Object.entries(body)) {
    if (key !== 'dst' && value !== undefined) fields.push([key, value]);
  }
  return {
    origin,
    isPlivo: origin.toLowerCase() === DEFAULT_BASE_URL,
    dsts: batches.map((batch) => toDstParam(batch)),
    fields,
    destinations: batches.reduce((sum, batch) => sum + batch.length, 0),
  };
}

/** The body of one request as a plain object: the fields in order, `dst` after the sender. */
export function requestBody(plan: SnippetPlan, dst: string): Record<string, BodyValue> {
  const body: Record<string, BodyValue> = {};
  for (const [key, value] of plan.fields) {
    body[key] = value;
    if (key === 'src' || key === 'powerpack_uuid') body.dst = dst;
  }
  if (!('dst' in body)) body.dst = dst;
  return body;
}

/** "2,500 destinations in 3 requests of at most 1,000" — the first comment line of every snippet. */
export function summaryLine(plan: SnippetPlan): string {
  const n = plan.destinations.toLocaleString('en-US');
  const requests = plan.dsts.length;
  return `Sends one message to ${n} destination${plan.destinations === 1 ? '' : 's'} in ${requests} request${requests === 1 ? '' : 's'} (Plivo accepts at most 1,000 unique numbers per request, joined by "<").`;
}

export const CREDENTIALS_LINE = 'Credentials come from the environment: PLIVO_AUTH_ID and PLIVO_AUTH_TOKEN.';
export const RERUN_LINE = 'Running it again sends every request again: after a failure, send only the batches that did not get a 202.';

/** The text field, for generators that pass it on its own. */
export function fieldValue(plan: SnippetPlan, key: string): BodyValue | undefined {
  return plan.fields.find(([k]) => k === key)?.[1];
}
