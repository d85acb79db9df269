import { useQuery } from '@tanstack/react-query';
import { configQueries } from '@/api/queries/config';
import type { ParallaxConfig } from '@/api/types';

function describe(config: ParallaxConfig): string {
  const product = config.backend === 'databricks' ? 'Databricks' : 'MLflow';
  const version = config.mlflow_version ? ` ${config.mlflow_version}` : '';
  return `${product}${version} · ${config.tracking_uri_host}`;
}

/** Which MLflow this Parallax talks to, e.g. "MLflow 3.17.2 · 127.0.0.1:5000". */
export function BackendLabel() {
  const { data, isError } = useQuery(configQueries.detail());
  if (isError) return <span className="backend-label backend-label-unknown">Backend unknown</span>;
  if (!data) return <span className="backend-label" aria-hidden="true" />;
  const text = describe(data);
  return (
    <span
      className="backend-label"
      title={data.user ? `${text} · signed in as ${data.user}` : text}
    >
      {text}
    </span>
  );
}

/** A discreet mark that this Parallax offers no changes (PARALLAX_READ_ONLY=1 on its server). */
export function ReadOnlyLabel() {
  const { data } = useQuery(configQueries.detail());
  if (data?.read_only !== true) return null;
  return (
    <span
      className="read-only-label"
      title="This Parallax is read-only: it shows experiments and runs but changes nothing."
    >
      Read-only
    </span>
  );
}
