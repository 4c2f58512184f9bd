import type { IncomingMessage } from 'node:http';

/** The request body as text, or a note that it was larger than allowed. */
export type BodyResult = { ok: true; text: string } | { ok: false; tooLarge: true; drained: boolean };

/**
 * Reads the whole body, keeping at most `maxBytes`. An oversized body is still drained (so the
 * client sees the 413 rather than a broken pipe) unless it passes ten times the cap; then `drained`
 * is false and the caller must close the connection.
 */
export function readBody(req: IncomingMessage, maxBytes: number): Promise<BodyResult> {
  const drainLimit = maxBytes * 10;
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const settle = (result: BodyResult) => {
      if (!settled) resolve(result);
      settled = true;
    };
    if (Number(req.headers['content-length']) > drainLimit) {
      settle({ ok: false, tooLarge: true, drained: false });
      return;
    }
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > drainLimit) settle({ ok: false, tooLarge: true, drained: false });
      else if (size <= maxBytes) chunks.push(chunk);
      else chunks.length = 0;
    });
    req.on('end', () => {
      settle(size > maxBytes ? { ok: false, tooLarge: true, drained: true } : { ok: true, text: Buffer.concat(chunks).toString('utf8') });
    });
    req.on('error', (err) => {
      if (!settled) reject(err);
      settled = true;
    });
  });
}

/** Request parameters: JSON object values or form strings. */
export type Params = Record<string, unknown>;

/** Parses a POST body: JSON (what the SDKs send) or form-encoded; a 2-byte `""` reads as empty. */
export function parseParams(text: string, contentType: string | undefined): { ok: true; params: Params } | { ok: false; error: string } {
  const trimmed = text.trim();
  if (trimmed === '' || trimmed === '""') return { ok: true, params: {} };
  const type = (contentType ?? '').toLowerCase();
  const looksJson = type.includes('json') || (!type.includes('form') && trimmed.startsWith('{'));
  if (looksJson) {
    try {
      const value: unknown = JSON.parse(trimmed);
      if (typeof value === 'object' && value !== null && !Array.isArray(value)) return { ok: true, params: value as Params };
      return { ok: false, error: 'request body must be a JSON object' };
    } catch {
      return { ok: false, error: 'request body is not valid JSON' };
    }
  }
  return { ok: true, params: Object.fromEntries(new URLSearchParams(trimmed)) };
}
