import type { ModelVersion } from '@/api/types';

const LABELS: Record<string, string> = {
  READY: 'Ready',
  PENDING_REGISTRATION: 'Pending registration',
  FAILED_REGISTRATION: 'Failed registration',
};

/**
 * A version's registration status. A failed one carries MLflow's message: in full on the version
 * page, as the cell's tooltip in the table.
 */
export function VersionStatus({
  version,
  compact = false,
}: {
  version: ModelVersion;
  compact?: boolean;
}) {
  const status = version.status ?? 'READY';
  const label = LABELS[status] ?? status;
  const message = version.status_message?.trim();
  return (
    <span className={`version-status version-status-${status.toLowerCase()}`} title={message}>
      {label}
      {!compact && message && status !== 'READY' && (
        <span className="version-status-message">: {message}</span>
      )}
    </span>
  );
}
