// Prices as Plivo writes them ("0.00500" USD): kept as whole 1/100,000 dollars so sums are exact.

const SCALE = 100_000;

/** "0.00500" → 500. Digits past the fifth decimal are rounded. */
export function toMicroDollars(rate: string): number {
  const [whole, fraction = ''] = rate.split('.');
  const exact = Number(whole) * SCALE + Number(fraction.slice(0, 5).padEnd(5, '0'));
  return fraction.length > 5 && Number(fraction[5]) >= 5 ? exact + 1 : exact;
}

/** 1234 → "0.01234": five decimals, as Plivo's amounts. */
export function formatMicroDollars(value: number): string {
  const whole = Math.floor(value / SCALE);
  return `${whole}.${String(value % SCALE).padStart(5, '0')}`;
}

/** 123456789 → "$1,234.57" for people; the exact amount stays available as five decimals. */
export function formatUsd(value: number): string {
  return `$${(value / SCALE).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: value < SCALE ? 5 : 2 })}`;
}
