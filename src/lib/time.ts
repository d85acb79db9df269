// Timestamps as people read them: "5 minutes ago" in a cell, the exact local time on hover.

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });

/** "just now", "5 minutes ago", "yesterday", "3 months ago"; a date further than a year back. */
export function formatRelativeTime(ms: number, now: number = Date.now()): string {
  const diff = ms - now;
  const abs = Math.abs(diff);
  // A few seconds of clock skew between MLflow and the browser should not read "in 3 seconds".
  if (abs < 45 * SECOND) return 'just now';
  if (abs < 45 * MINUTE) return relative.format(Math.round(diff / MINUTE), 'minute');
  if (abs < 22 * HOUR) return relative.format(Math.round(diff / HOUR), 'hour');
  if (abs < 26 * DAY) return relative.format(Math.round(diff / DAY), 'day');
  if (abs < 320 * DAY) return relative.format(Math.round(diff / (30 * DAY)), 'month');
  return formatDate(ms);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Local date, `2025-03-04`: sortable and unambiguous across locales. */
export function formatDate(ms: number): string {
  const d = new Date(ms);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Local date and time to the second, `2025-03-04 14:05:09`. */
export function formatDateTime(ms: number): string {
  const d = new Date(ms);
  return `${formatDate(ms)} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}`;
}
