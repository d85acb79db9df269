import { useNow } from '@/hooks/useNow';
import { formatRelative, formatTimestamp } from '@/lib/format';

/** "5 min ago", with the exact local time on hover and in the `datetime` attribute. */
export function RelativeTime({ ms }: { ms: number | undefined }) {
  const now = useNow();
  if (ms === undefined) return null;
  return (
    <time dateTime={new Date(ms).toISOString()} title={formatTimestamp(ms)}>
      {formatRelative(ms, now)}
    </time>
  );
}
