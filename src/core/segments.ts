export type TextEncoding = 'GSM-7' | 'UCS-2';

export interface SegmentInfo {
  encoding: TextEncoding;
  /** Characters as a person counts them (code points). */
  characters: number;
  /** Units the encoding spends: septets for GSM-7 (extension chars cost 2), UTF-16 code units for UCS-2. */
  units: number;
  /** Number of SMS parts (0 for empty text). */
  parts: number;
  /** Units one part holds at this length (160/153 or 70/67). */
  perPart: number;
  /** Units left in the last part before another part is needed. */
  remainingInPart: number;
  /** Distinct characters that forced UCS-2, in order of first appearance. */
  nonGsmCharacters: string[];
  /** The API's limit for this encoding (1,600 GSM-7 characters, 737 UCS-2 units); see `lengthForLimit`. */
  limit: number;
  /** The length compared with `limit`: characters for GSM-7, UTF-16 units for UCS-2. */
  lengthForLimit: number;
  /** True when the text is longer than the API accepts. */
  overLimit: boolean;
}

// GSM 03.38 default alphabet (the escape code 0x1B omitted). Only these cost one septet.
const GSM_BASIC = new Set(
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?' +
    '¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
);
// Extension table: each is sent as ESC + code, so it costs two septets.
const GSM_EXTENSION = new Set('\f^{}\\[~]|€');

const GSM_SINGLE_PART = 160;
const GSM_MULTI_PART = 153;
const UCS2_SINGLE_PART = 70;
const UCS2_MULTI_PART = 67;
/** Plivo's documented maximum text length for GSM-7, in characters. */
export const GSM_CHARACTER_LIMIT = 1600;
/** Plivo's documented maximum for UCS-2 ("737 unicode characters" = 11 parts × 67 units). */
export const UCS2_UNIT_LIMIT = 737;

/** Encoding and part count of an SMS text. */
export function analyseSegments(text: string): SegmentInfo {
  const chars = Array.from(text);
  const nonGsm = new Set<string>();
  for (const ch of chars) {
    if (!GSM_BASIC.has(ch) && !GSM_EXTENSION.has(ch)) nonGsm.add(ch);
  }
  const encoding: TextEncoding = nonGsm.size === 0 ? 'GSM-7' : 'UCS-2';
  const costs = chars.map(encoding === 'GSM-7' ? gsmCost : (ch: string) => ch.length);
  const units = costs.reduce((sum, cost) => sum + cost, 0);
  const single = encoding === 'GSM-7' ? GSM_SINGLE_PART : UCS2_SINGLE_PART;
  const multi = encoding === 'GSM-7' ? GSM_MULTI_PART : UCS2_MULTI_PART;
  const { parts, usedInLast } = units <= single ? { parts: units === 0 ? 0 : 1, usedInLast: units } : pack(costs, multi);
  const perPart = parts > 1 ? multi : single;
  // Unconfirmed which length Plivo compares: 737 = 11 × 67 reads as a UTF-16 unit budget, so an
  // emoji spends two of it; the GSM-7 limit is documented in characters.
  const limit = encoding === 'GSM-7' ? GSM_CHARACTER_LIMIT : UCS2_UNIT_LIMIT;
  const lengthForLimit = encoding === 'GSM-7' ? chars.length : units;
  return {
    encoding,
    characters: chars.length,
    units,
    parts,
    perPart,
    remainingInPart: perPart - usedInLast,
    nonGsmCharacters: [...nonGsm],
    limit,
    lengthForLimit,
    overLimit: lengthForLimit > limit,
  };
}

function gsmCost(ch: string): number {
  return GSM_EXTENSION.has(ch) ? 2 : 1;
}

/**
 * Fills parts of `perPart` units in order. A character never straddles two parts: an extension
 * char (ESC + code) or a UTF-16 surrogate pair that does not fit moves whole to the next part, the
 * way handsets and SMSCs split, so a part may carry one unit less than its capacity.
 */
function pack(costs: number[], perPart: number): { parts: number; usedInLast: number } {
  let parts = 1;
  let used = 0;
  for (const cost of costs) {
    if (used + cost > perPart) {
      parts += 1;
      used = 0;
    }
    used += cost;
  }
  return { parts, usedInLast: used };
}
