// Which column of a CSV/TSV holds the phone numbers: by header name first, else by content.

/** Header names (lowercased, letters and digits only), best first: a mobile column beats a landline one. */
const PHONE_HEADERS = [
  'msisdn', 'mobile', 'mobilenumber', 'mobilephone', 'mobileno', 'cell', 'cellphone', 'cellular', 'cellnumber',
  'phone', 'phonenumber', 'phoneno', 'telephone', 'tel', 'number', 'to', 'dst', 'destination', 'recipient',
];
/** Parts that mark a phone column inside longer headers such as `Customer Mobile`. */
const PHONE_HEADER_PARTS = ['msisdn', 'mobile', 'phone'];

/** Share of a column's non-empty sample cells that must look like numbers for content detection. */
const MIN_CONTENT_SHARE = 0.5;

function normaliseHeader(header: string): string {
  return header.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
}

/** True when a header cell on its own names a phone column (`Phone`, `mobile_number`, `To`, …). */
export function isPhoneHeader(header: string): boolean {
  const name = normaliseHeader(header);
  return PHONE_HEADERS.includes(name) || PHONE_HEADER_PARTS.some((part) => name.includes(part));
}

/** Index of the phone column by header name, or -1. */
export function phoneColumnByName(headers: readonly string[]): number {
  const names = headers.map(normaliseHeader);
  for (const wanted of PHONE_HEADERS) {
    const index = names.indexOf(wanted);
    if (index >= 0) return index;
  }
  for (const part of PHONE_HEADER_PARTS) {
    const index = names.findIndex((name) => name.includes(part));
    if (index >= 0) return index;
  }
  return -1;
}

/** `2024-01-31`, `31/01/2024`, `1.2.24`: a date, never a phone number. */
const DATE = /^(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4})$/;
/** Share of sampled rows that must have the table's shape (two cells or more) for a table without a header. */
const MIN_TABLE_SHARE = 0.8;

/** True for a cell that looks like one phone number: optional `+`, 7–18 digits, number punctuation. */
export function looksLikePhoneNumber(cell: string): boolean {
  const trimmed = cell.trim();
  if (trimmed.length > 40 || !/^\+?[\d\s().\-/]+$/.test(trimmed) || DATE.test(trimmed)) return false;
  const digits = trimmed.replace(/\D/g, '').length;
  return digits >= 7 && digits <= 18;
}

/** Index of the column whose sample cells mostly look like phone numbers (most such cells wins), or -1. */
export function phoneColumnByContent(rows: readonly (readonly string[])[]): number {
  let best = -1;
  let bestCount = 0;
  const width = Math.max(0, ...rows.map((row) => row.length));
  for (let column = 0; column < width; column++) {
    let filled = 0;
    let phones = 0;
    for (const row of rows) {
      const cell = row[column];
      if (cell === undefined || cell.trim() === '') continue;
      filled++;
      if (looksLikePhoneNumber(cell)) phones++;
    }
    if (phones > bestCount && phones >= filled * MIN_CONTENT_SHARE) {
      best = column;
      bestCount = phones;
    }
  }
  return best;
}

/** Words or a date: what the other columns of a contact table hold, and no number does. */
function isOtherData(cell: string): boolean {
  const trimmed = cell.trim();
  return /\p{L}/u.test(trimmed) || DATE.test(trimmed);
}

/**
 * The phone column of rows without a header row, or -1: at least two rows of two cells or more, one
 * column that mostly looks like numbers, and another that mostly holds words or dates (names, cities,
 * signup dates). Rows of numbers only are a comma-separated list, not a table.
 */
export function headerlessPhoneColumn(rows: readonly (readonly string[])[]): number {
  const filled = rows.filter((row) => row.some((cell) => cell.trim() !== ''));
  if (filled.length < 2 || filled.filter((row) => row.length >= 2).length < filled.length * MIN_TABLE_SHARE) return -1;
  const phone = phoneColumnByContent(filled);
  if (phone < 0) return -1;
  const width = Math.max(...filled.map((row) => row.length));
  for (let column = 0; column < width; column++) {
    if (column === phone) continue;
    const cells = filled.map((row) => row[column] ?? '').filter((cell) => cell.trim() !== '');
    if (cells.length > 0 && cells.filter(isOtherData).length >= cells.length * MIN_CONTENT_SHARE) return phone;
  }
  return -1;
}
