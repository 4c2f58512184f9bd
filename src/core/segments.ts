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
  /** The API's limit for this encoding, in characters (1,600 GSM-7, 737 UCS-2). */
  limit: number;
  /** True when the text is longer than the API accepts. */
  overLimit: boolean;
}

/** Encoding and part count of an SMS text. */
export function analyseSegments(_text: string): SegmentInfo {
  throw new Error('not implemented yet');
}
