// The Sandbox view's client of the sandbox's control API (an embedded or an external sandbox):
// plain HTTP with the sandbox's Basic auth, and the server-sent event stream. No vscode import.
import { Agent, request } from 'undici';
import type { InboxEvent, InboxMessage, InboxPage, InboxPhonesPage } from '../sandbox/inboxTypes';
import type { ChaosSnapshot } from '../sandbox/types';

export interface SandboxTarget {
  baseUrl: string;
  authId: string;
  authToken: string;
}

/** An answer of the sandbox other than 2xx, with its error text. */
export class SandboxApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

const RECONNECT_MS = 1000;

export class SandboxApi {
  private readonly agent = new Agent({ connections: 4, keepAliveTimeout: 4000 });

  constructor(private readonly target: SandboxTarget) {}

  get baseUrl(): string {
    return this.target.baseUrl;
  }

  private get authorization(): string {
    return 'Basic ' + Buffer.from(`${this.target.authId}:${this.target.authToken}`).toString('base64');
  }

  private async call<T>(method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, body?: unknown): Promise<T> {
    const res = await request(`${this.target.baseUrl}${path}`, {
      method,
      headers: { authorization: this.authorization, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
      dispatcher: this.agent,
      signal: AbortSignal.timeout(10_000),
    });
    const text = await res.body.text();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    if (res.statusCode < 200 || res.statusCode >= 300) {
      const error = (json as { error?: unknown } | undefined)?.error;
      throw new SandboxApiError(res.statusCode, typeof error === 'string' ? error : `HTTP ${res.statusCode}`);
    }
    return json as T;
  }

  phones(search: string, offset: number, limit: number): Promise<InboxPhonesPage> {
    return this.call('GET', `/__sandbox/phones?${new URLSearchParams({ search, offset: String(offset), limit: String(limit) })}`);
  }

  messages(phone: string, offset: number, limit: number): Promise<InboxPage> {
    return this.call('GET', `/__sandbox/messages?${new URLSearchParams({ phone, offset: String(offset), limit: String(limit) })}`);
  }

  steer(uuid: string, action: 'deliver' | 'fail' | 'undeliver', errorCode?: string): Promise<InboxMessage> {
    return this.call('POST', `/__sandbox/messages/${encodeURIComponent(uuid)}/${action}`, errorCode === undefined ? {} : { errorCode });
  }

  clear(): Promise<unknown> {
    return this.call('DELETE', '/__sandbox/messages');
  }

  reply(from: string, text: string): Promise<{ message: InboxMessage; posted: boolean }> {
    return this.call('POST', '/__sandbox/replies', { from, text });
  }

  setInboundUrl(url: string | null): Promise<{ url: string | null }> {
    return this.call('PUT', '/__sandbox/inbound', { url });
  }

  chaos(): Promise<ChaosSnapshot> {
    return this.call('GET', '/__sandbox/chaos');
  }

  putChaos(config: unknown): Promise<ChaosSnapshot> {
    return this.call('PUT', '/__sandbox/chaos', config);
  }

  /**
   * Follows `/__sandbox/events` until `signal` aborts, reconnecting after a drop; `onOpen` runs on
   * each (re)connection so the caller reloads what it may have missed.
   */
  async follow(onEvent: (event: InboxEvent) => void, onOpen: () => void, signal: AbortSignal): Promise<void> {
    while (!signal.aborted) {
      try {
        const res = await request(`${this.target.baseUrl}/__sandbox/events`, { headers: { authorization: this.authorization }, signal, dispatcher: this.agent, bodyTimeout: 0 });
        if (res.statusCode !== 200) {
          await res.body.dump();
          throw new SandboxApiError(res.statusCode, `event stream: HTTP ${res.statusCode}`);
        }
        onOpen();
        let buffer = '';
        for await (const chunk of res.body) {
          buffer += (chunk as Buffer).toString('utf8');
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const data = parseFrame(buffer.slice(0, end));
            buffer = buffer.slice(end + 2);
            if (data !== undefined) onEvent(data);
          }
        }
      } catch {
        // Dropped or refused: try again shortly (the sandbox may be restarting).
      }
      if (!signal.aborted) await new Promise((resolve) => setTimeout(resolve, RECONNECT_MS));
    }
  }

  close(): Promise<void> {
    return this.agent.close();
  }
}

/** The event of one SSE frame (`data:` lines joined), or undefined for a comment or keep-alive. */
export function parseFrame(frame: string): InboxEvent | undefined {
  const data = frame
    .split('\n')
    .filter((line) => line.startsWith('data:'))
    .map((line) => line.slice(5).replace(/^ /, ''))
    .join('\n');
  if (data === '') return undefined;
  try {
    return JSON.parse(data) as InboxEvent;
  } catch {
    return undefined;
  }
}
