// Forward to… / replay: sends a received callback to the user's own handler, signed again with the
// account's token for the handler's URL, so the handler's signature check passes as for Plivo's.
import { Agent, request } from 'undici';
import { signatureHeaders } from '../core/signatures/plivoSignatures';
import type { ForwardResult, InspectedCallback } from './inspectedCallback';

const TIMEOUT_MS = 10_000;

/** A forward target must be an http(s) URL without credentials in it. Returns why not, or undefined. */
export function forwardTargetProblem(value: string): string | undefined {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    return 'Enter a full URL, e.g. http://localhost:3000/plivo/status';
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'The URL must start with http:// or https://';
  if (url.username || url.password) return 'Leave credentials out of the URL: the signature is what your handler checks.';
  return undefined;
}

/** Every field of the callback with all its values, as signed. */
function fieldsOf(callback: InspectedCallback): Record<string, string[]> {
  if (callback.request.method === 'POST') return callback.request.bodyParams as Record<string, string[]>;
  const fields: Record<string, string[]> = {};
  for (const [key, value] of new URL(callback.request.url).searchParams) (fields[key] ??= []).push(value);
  return fields;
}

export class CallbackForwarder {
  private readonly agent = new Agent({ connections: 4, keepAliveTimeout: 4000 });

  /** Posts (or gets) the callback to `targetUrl`, re-signed with `authToken`; never throws. */
  async forward(callback: InspectedCallback, targetUrl: string, authToken: string): Promise<ForwardResult> {
    const at = new Date().toISOString();
    const { method } = callback.request;
    const fields = fieldsOf(callback);
    const headers: Record<string, string> = { ...signatureHeaders(authToken, method, targetUrl, fields), 'user-agent': 'BulkMessagingWorkbench-CallbackInspector' };
    let target = targetUrl;
    let body: string | undefined;
    const form = new URLSearchParams();
    for (const [key, values] of Object.entries(fields)) for (const value of values) form.append(key, value);
    if (method === 'POST') {
      body = form.toString();
      headers['content-type'] = 'application/x-www-form-urlencoded';
    } else {
      const url = new URL(targetUrl);
      for (const [key, value] of form) url.searchParams.append(key, value);
      target = url.href;
    }
    try {
      const response = await request(target, { method, headers, body, dispatcher: this.agent, signal: AbortSignal.timeout(TIMEOUT_MS) });
      await response.body.dump();
      const ok = response.statusCode >= 200 && response.statusCode < 300;
      return { at, url: targetUrl, status: response.statusCode, error: ok ? undefined : `HTTP ${response.statusCode}` };
    } catch (error) {
      const reason = error instanceof Error && error.name === 'TimeoutError' ? `no answer within ${TIMEOUT_MS / 1000} s` : error instanceof Error ? error.message : String(error);
      return { at, url: targetUrl, status: 0, error: reason };
    }
  }

  async close(): Promise<void> {
    await this.agent.close().catch(() => undefined);
  }
}
