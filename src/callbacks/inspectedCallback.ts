// A received status callback as the inspector shows it: the request as signed, the fields Plivo
// documents, which send it belongs to, the signatures' verdicts and where it was forwarded.
import type { CallbackVerification, SignedRequest } from '../core/signatures/verifyCallback';
import type { ReceivedRequest } from './callbackReceiver';

/** One forward (or replay) of a callback to the user's handler. */
export interface ForwardResult {
  at: string;
  url: string;
  /** HTTP status of the handler's answer; 0 when it could not be reached. */
  status: number;
  error?: string;
}

export interface InspectedCallback {
  id: number;
  receivedAt: string;
  request: SignedRequest;
  /** Every field, in the order received (the first value of a repeated one). */
  params: Record<string, string>;
  messageUuid: string;
  status: string;
  errorCode: string;
  units: string;
  totalAmount: string;
  totalRate: string;
  to: string;
  /** The send that holds this MessageUUID, when the history has it. */
  sendId?: string;
  /** The destination the UUID is paired with in that send. */
  destination?: string;
  /** Whose token checked the signatures, e.g. the send's profile name. */
  checkedWith?: string;
  verification: CallbackVerification;
  forwards: ForwardResult[];
}

/** Headers never kept: credentials a tunnel or proxy in front of the receiver may add. */
const DROPPED_HEADERS = new Set(['authorization', 'proxy-authorization', 'cookie']);

const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * The URL the sender signed. A tunnel (ngrok, cloudflared) keeps the public Host or says it in
 * X-Forwarded-Host / -Proto; when it rewrote the Host to this machine, the pasted public URL tells.
 */
export function signedUrlOf(request: Pick<ReceivedRequest, 'headers' | 'target'>, publicUrl?: string): string {
  const { headers } = request;
  const host = headers['x-forwarded-host']?.split(',')[0].trim() || headers.host || '127.0.0.1';
  const hostname = host.replace(/:\d+$/, '');
  const forwardedProto = headers['x-forwarded-proto']?.split(',')[0].trim();
  if (LOCAL_HOSTS.has(hostname) && !headers['x-forwarded-host']) {
    if (publicUrl && headers['x-forwarded-for']) return new URL(request.target, new URL(publicUrl).origin).href;
    return `http://${host}${request.target}`;
  }
  const proto = forwardedProto ?? (publicUrl && new URL(publicUrl).host === host ? new URL(publicUrl).protocol.replace(':', '') : 'http');
  return `${proto}://${host}${request.target}`;
}

/** The callback's fields: the form body of a POST, the query of a GET. */
export function fieldsOf(request: Pick<ReceivedRequest, 'method' | 'body' | 'target'>): URLSearchParams {
  if (request.method === 'POST') return new URLSearchParams(request.body);
  return new URL(request.target, 'http://x').searchParams;
}

/** Reads a received request into an inspected callback (not yet matched or verified). */
export function inspect(id: number, request: ReceivedRequest, publicUrl?: string): Omit<InspectedCallback, 'verification' | 'forwards'> {
  const fields = fieldsOf(request);
  const params: Record<string, string> = {};
  const bodyParams: Record<string, string[]> = {};
  for (const [key, value] of fields) {
    if (!(key in params)) params[key] = value;
    (bodyParams[key] ??= []).push(value);
  }
  const method = request.method === 'GET' ? 'GET' : 'POST';
  const headers = Object.fromEntries(Object.entries(request.headers).filter(([name]) => !DROPPED_HEADERS.has(name)));
  const field = (name: string) => params[name] ?? '';
  return {
    id,
    receivedAt: request.receivedAt.toISOString(),
    request: { method, url: signedUrlOf(request, publicUrl), bodyParams: method === 'POST' ? bodyParams : {}, headers },
    params,
    messageUuid: field('MessageUUID'),
    status: field('Status'),
    errorCode: field('ErrorCode'),
    units: field('Units'),
    totalAmount: field('TotalAmount'),
    totalRate: field('TotalRate'),
    to: field('To'),
  };
}

/** The raw request as a JSON document: what came over the wire, the signature headers included. */
export function rawDocument(callback: InspectedCallback): string {
  const { request } = callback;
  return `${JSON.stringify({ receivedAt: callback.receivedAt, method: request.method, url: request.url, headers: request.headers, fields: callback.params }, null, 2)}\n`;
}
