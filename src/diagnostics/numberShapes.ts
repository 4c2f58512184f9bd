// Cheap shape tests shared by the list heuristic and the `<`-joined string finder. They only decide
// *whether* to validate; the core decides what each number is.

/** A cell that looks like one phone number: optional `+`, 7–18 digits, number punctuation and spaces. */
export function looksLikeNumber(cell: string): boolean {
  const trimmed = cell.trim().replace(/^["']|["']$/g, '');
  if (trimmed.length === 0 || trimmed.length > 40 || !/^\+?[\d\s().\-/]+$/.test(trimmed)) return false;
  const digits = countDigits(trimmed);
  return digits >= 7 && digits <= 18;
}

/** True when the text contains a letter (any script). */
export function hasLetter(text: string): boolean {
  return /\p{L}/u.test(text);
}

function countDigits(text: string): number {
  let digits = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code >= 48 && code <= 57) digits++;
  }
  return digits;
}
