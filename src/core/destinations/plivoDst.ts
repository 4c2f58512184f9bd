/** How Plivo itself reads one `dst` entry: sanitised, international digits only (no national inference). */
export type PlivoDstReading =
  | { ok: true; sanitised: string; e164: string; country?: string }
  | { ok: false; sanitised: string; reason: string };

/** Reads one raw `dst` entry (already split on `<`) the way the Plivo API does. */
export function readPlivoDst(_raw: string): PlivoDstReading {
  throw new Error('not implemented yet');
}
