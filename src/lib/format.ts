// Display formatting for numbers, durations and times. Pure: `now` is always passed in.

const EM_DASH = '—';
const SIGNIFICANT_DIGITS = 4;

/** Mantissa without trailing zeros and a bare exponent: 1.235e6, 1e-7, -2.5e-4. */
function exponentForm(n: number): string {
  const [mantissa = '', exponent = ''] = n.toExponential(SIGNIFICANT_DIGITS - 1).split('e');
  const trimmed = mantissa.includes('.') ? mantissa.replace(/\.?0+$/, '') : mantissa;
  return `${trimmed}e${exponent.replace('+', '')}`;
}

/**
 * A metric value in ~4 significant digits. NaN and ±Infinity are real metric values in MLflow, so
 * they are spelled out rather than hidden; very small or very large magnitudes use exponent form.
 */
export function formatMetric(n: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (n === Number.POSITIVE_INFINITY) return 'Infinity';
  if (n === Number.NEGATIVE_INFINITY) return '-Infinity';
  if (n === 0) return '0';
  const abs = Math.abs(n);
  if (abs < 1e-3 || abs >= 1e6) return exponentForm(n);
  // Never round away integer digits: 123456.7 reads better as 123457 than as 1.235e5.
  if (abs >= 10 ** SIGNIFICANT_DIGITS) return String(Math.round(n));
  return String(Number(n.toPrecision(SIGNIFICANT_DIGITS)));
}

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const pad2 = (n: number) => String(n).padStart(2, '0');

/** "450ms", "3.4s", "42s", "5m 07s", "1h 02m", "2d 03h"; "—" when unknown or negative. */
export function formatDuration(ms: number | undefined): string {
  if (ms === undefined || !Number.isFinite(ms) || ms < 0) return EM_DASH;
  if (ms < SECOND) return `${Math.round(ms)}ms`;
  // Units are floored so the carry never shows as "1m 60s".
  if (ms < 10 * SECOND) return `${Math.floor(ms / 100) / 10}s`;
  if (ms < MINUTE) return `${Math.floor(ms / SECOND)}s`;
  if (ms < HOUR) return `${Math.floor(ms / MINUTE)}m ${pad2(Math.floor((ms % MINUTE) / SECOND))}s`;
  if (ms < DAY) return `${Math.floor(ms / HOUR)}h ${pad2(Math.floor((ms % HOUR) / MINUTE))}m`;
  return `${Math.floor(ms / DAY)}d ${pad2(Math.floor((ms % DAY) / HOUR))}h`;
}

/** Local date as "2024-05-01": sortable and unambiguous across locales. */
export function formatDate(ms: number | undefined): string {
  if (ms === undefined || !Number.isFinite(ms)) return EM_DASH;
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad2(d.getMonth() + 1)}-${pad2(d.getDate())}`;
}

/** Local time as "2024-05-01 13:04:05": sortable, unambiguous, and the same in every locale. */
export function formatTimestamp(ms: number | undefined): string {
  if (ms === undefined || !Number.isFinite(ms)) return EM_DASH;
  const d = new Date(ms);
  return `${formatDate(ms)} ${pad2(d.getHours())}:${pad2(d.getMinutes())}:${pad2(d.getSeconds())}`;
}

const RELATIVE_UNITS: readonly [limit: number, size: number, unit: string, plural: string][] = [
  [HOUR, MINUTE, 'min', 'min'],
  [DAY, HOUR, 'h', 'h'],
  [30 * DAY, DAY, 'day', 'days'],
  [365 * DAY, 30 * DAY, 'month', 'months'],
  [Number.POSITIVE_INFINITY, 365 * DAY, 'year', 'years'],
];

/** "just now", "3 min ago", "5 h ago", "2 days ago", "in 4 min" (clock skew), "—" when unknown. */
export function formatRelative(ms: number | undefined, now: number): string {
  if (ms === undefined || !Number.isFinite(ms)) return EM_DASH;
  const diff = now - ms;
  const abs = Math.abs(diff);
  if (abs < MINUTE) return 'just now';
  for (const [limit, size, unit, plural] of RELATIVE_UNITS) {
    if (abs < limit) {
      const count = Math.floor(abs / size);
      const text = `${count} ${count === 1 ? unit : plural}`;
      return diff >= 0 ? `${text} ago` : `in ${text}`;
    }
  }
  return EM_DASH;
}
