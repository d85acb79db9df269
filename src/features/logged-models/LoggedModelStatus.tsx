import type { LoggedModelView } from '@/api/logged-models';
import { loggedModelStatusLabel } from '@/lib/logged-models/logged-model';

/** Ready, pending or failed upload; MLflow's status message, if any, as the tooltip. */
export function LoggedModelStatus({ model }: { model: LoggedModelView }) {
  const status = (model.status ?? 'unknown').toLowerCase();
  return (
    <span
      className={`logged-model-status logged-model-status-${status}`}
      title={model.statusMessage}
    >
      {loggedModelStatusLabel(model.status)}
    </span>
  );
}
