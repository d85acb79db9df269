import { formatDateTime, formatRelativeTime } from '@/lib/time';

interface RelativeTimeProps {
  /** Milliseconds since the epoch; nothing is shown when absent. */
  ms: number | undefined;
  /** The reference time; pass a shared, periodically updated value to keep a table consistent. */
  now?: number;
}

/** "5 minutes ago", with the exact local time on hover and in the `datetime` attribute. */
export function RelativeTime({ ms, now }: RelativeTimeProps) {
  if (ms === undefined) return null;
  return (
    <time dateTime={new Date(ms).toISOString()} title={formatDateTime(ms)}>
      {formatRelativeTime(ms, now)}
    </time>
  );
}
