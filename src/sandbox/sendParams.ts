import { analyseSegments, type TextEncoding } from '../core/segments';
import type { Params } from './body';

/** A send request after the sandbox's checks (destinations are checked separately). */
export interface SendRequest {
  /** Sender as stored: digits (no `+`) or the alphanumeric id. */
  src: string | undefined;
  powerpackUuid: string | undefined;
  dst: string;
  type: 'sms' | 'mms';
  /** The text as the phone shows it ('' for an MMS without text). */
  text: string;
  /** GSM-7 or UCS-2 for an SMS; undefined for an MMS. */
  encoding: TextEncoding | undefined;
  units: number;
  url: string | undefined;
  method: 'GET' | 'POST';
  expirySeconds: number;
}

export const DEFAULT_EXPIRY_SECONDS = 10_800;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A scalar parameter as text (JSON numbers and booleans are accepted, as Plivo's parser does). */
function text(params: Params, key: string): string | undefined {
  const value = params[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return undefined;
}

function present(value: string | undefined): value is string {
  return value !== undefined && value.trim() !== '';
}

// Error wordings below are the sandbox's own where Plivo's exact wording is unconfirmed:
// short, lower-case, naming the parameter, like the documented ones.
function readSender(params: Params): { src?: string; powerpackUuid?: string } | string {
  const src = text(params, 'src');
  const powerpack = text(params, 'powerpack_uuid');
  if (present(src) && present(powerpack)) return 'both src and powerpack_uuid cannot be specified';
  if (!present(src) && !present(powerpack)) return 'either src or powerpack_uuid is required';
  if (present(powerpack)) return UUID.test(powerpack.trim()) ? { powerpackUuid: powerpack.trim() } : `'${powerpack}' is not a valid powerpack_uuid`;
  const given = src as string;
  const alphanumerics = given.replace(/[^A-Za-z0-9]/g, '');
  if (/^[0-9]+$/.test(alphanumerics)) {
    return alphanumerics.length <= 14 ? { src: alphanumerics } : `'${given}' is not a valid source number`;
  }
  if (alphanumerics !== '' && /^[A-Za-z0-9 ]+$/.test(given) && given.length <= 11) return { src: given };
  return `'${given}' is not a valid source number`;
}

function readText(params: Params, type: 'sms' | 'mms'): { text: string; encoding?: TextEncoding; units: number } | string {
  const raw = params.text;
  if (raw !== undefined && raw !== null && typeof raw !== 'string') return 'text must be a string';
  const body = typeof raw === 'string' ? raw : '';
  if (type === 'mms') {
    const media = params.media_urls ?? params.media_ids;
    const count = Array.isArray(media) ? media.length : typeof media === 'string' && media !== '' ? 1 : 0;
    if (count > 10) return 'a maximum of 10 media_urls or media_ids is allowed';
    if (count === 0 && body.trim() === '') return 'media_urls or media_ids is required for mms';
    return { text: body, units: 1 };
  }
  if (body.trim() === '') return 'text is required';
  const info = analyseSegments(body);
  if (info.overLimit) {
    return info.encoding === 'UCS-2'
      ? `text parameter length exceeds ${info.limit} unicode characters`
      : `text parameter length exceeds ${info.limit} characters`;
  }
  return { text: body, encoding: info.encoding, units: info.parts };
}

function readCallback(params: Params): { url?: string; method: 'GET' | 'POST' } | string {
  const url = text(params, 'url');
  const method = (text(params, 'method') ?? 'POST').trim().toUpperCase();
  if (method !== 'GET' && method !== 'POST') return 'method should be GET or POST';
  if (!present(url)) return { method };
  try {
    const parsed = new URL(url.trim());
    if ((parsed.protocol === 'http:' || parsed.protocol === 'https:') && parsed.hostname !== '') return { url: url.trim(), method };
  } catch {
    // falls through to the error
  }
  return `'${url}' is not a valid url`;
}

function readExpiry(params: Params): number | string {
  const raw = text(params, 'message_expiry');
  if (!present(raw)) return DEFAULT_EXPIRY_SECONDS;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 5 || value > 10_799) return 'message_expiry should be an integer between 5 and 10799';
  return value;
}

/** Checks the send parameters other than the destinations; returns the error text on the first problem. */
export function readSendRequest(params: Params): SendRequest | string {
  const dst = text(params, 'dst');
  if (!present(dst)) return 'dst is required';
  const sender = readSender(params);
  if (typeof sender === 'string') return sender;
  const type = (text(params, 'type') ?? 'sms').trim().toLowerCase();
  if (type === 'whatsapp') return 'type whatsapp is not supported by the sandbox';
  if (type !== 'sms' && type !== 'mms') return 'type should be one of sms, mms, whatsapp';
  const body = readText(params, type);
  if (typeof body === 'string') return body;
  const callback = readCallback(params);
  if (typeof callback === 'string') return callback;
  const expirySeconds = readExpiry(params);
  if (typeof expirySeconds === 'string') return expirySeconds;
  return {
    src: sender.src,
    powerpackUuid: sender.powerpackUuid,
    dst,
    type,
    text: body.text,
    encoding: body.encoding,
    units: body.units,
    url: callback.url,
    method: callback.method,
    expirySeconds,
  };
}
