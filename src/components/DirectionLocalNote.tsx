import type { LocalOnly } from '@/hooks/useMetricDirections';
import './direction-menu.css';

/** The last direction chosen is kept in this browser only: says so, and why MLflow refused it. */
export function DirectionLocalNote({ localOnly }: { localOnly: LocalOnly | undefined }) {
  if (!localOnly) return null;
  return (
    <p className="notice direction-local-note" role="status">
      The direction of <code>{localOnly.metric}</code> is kept in this browser only:{' '}
      {localOnly.reason}
    </p>
  );
}
