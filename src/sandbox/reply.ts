import { randomUUID } from 'node:crypto';
import type { ServerResponse } from 'node:http';

/** A fresh `api_id`, as Plivo puts in every response. */
export function newApiId(): string {
  return randomUUID();
}

/** Per-response options: extra headers, and whether to cut the JSON short (fault injection). */
export interface ReplyOptions {
  headers?: Record<string, string>;
  truncate?: boolean;
}

/** Sends a JSON body with an exact Content-Length. */
export function sendJson(res: ServerResponse, status: number, body: unknown, options: ReplyOptions = {}): void {
  let text = JSON.stringify(body);
  // A "truncated JSON" fault: a complete HTTP response whose body stops halfway.
  if (options.truncate) text = text.slice(0, Math.floor(text.length / 2));
  const headers = { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(text)) };
  res.writeHead(status, options.headers ? { ...headers, ...options.headers } : headers);
  // A string body goes out in one write together with the headers; a Buffer costs a writev.
  res.end(text);
}

/** Sends Plivo's error shape `{"api_id": …, "error": …}`. */
export function sendError(res: ServerResponse, status: number, error: string, options: ReplyOptions = {}): void {
  sendJson(res, status, { api_id: newApiId(), error }, options);
}

/** The HTML page a load balancer answers with when the service is down. */
export function sendUnavailableHtml(res: ServerResponse): void {
  const html =
    '<html>\r\n<head><title>503 Service Temporarily Unavailable</title></head>\r\n<body>\r\n' +
    '<center><h1>503 Service Temporarily Unavailable</h1></center>\r\n</body>\r\n</html>\r\n';
  res.writeHead(503, { 'content-type': 'text/html', 'content-length': String(Buffer.byteLength(html)) });
  res.end(html);
}
