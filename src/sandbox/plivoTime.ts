// Plivo's time formats. Everything the sandbox prints is UTC.

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function dateAndTime(ms: number): string {
  const d = new Date(ms);
  return (
    `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ` +
    `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`
  );
}

/** Message resource times, e.g. `2017-05-22 21:36:14+00:00`. */
export function apiTime(ms: number): string {
  return `${dateAndTime(ms)}+00:00`;
}

/** Callback times, `YYYY-mm-dd HH:MM:SS.ffffff`. */
export function callbackTime(ms: number): string {
  return `${dateAndTime(ms)}.${pad((ms % 1000) * 1000, 6)}`;
}

const FILTER_TIME = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,6}))?)?$/;

/** Parses a list filter time `YYYY-MM-DD HH:MM[:SS[.ffffff]]` (UTC) to epoch ms. */
export function parseFilterTime(text: string): number | undefined {
  const m = FILTER_TIME.exec(text.trim());
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, frac] = m;
  const ms = Date.UTC(+y, +mo - 1, +d, +h, +mi, s ? +s : 0, frac ? Math.floor(+frac.padEnd(6, '0') / 1000) : 0);
  return Number.isNaN(ms) ? undefined : ms;
}
