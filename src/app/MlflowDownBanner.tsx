import { useMlflowOutage } from './useMlflowOutage';

/** Says when MLflow cannot be reached and offers to try every visible query again. */
export function MlflowDownBanner() {
  const { outage, retry, retrying } = useMlflowOutage();
  if (!outage) return null;
  return (
    <div role="alert" className="outage-banner">
      <p>
        <strong>MLflow is unreachable:</strong> {outage.message}
      </p>
      <button type="button" className="btn" disabled={retrying} onClick={() => void retry()}>
        {retrying ? 'Retrying…' : 'Retry'}
      </button>
    </div>
  );
}
