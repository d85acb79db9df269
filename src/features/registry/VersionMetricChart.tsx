import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { runQueries } from '@/api/queries/runs';
import { ErrorNotice } from '@/components/ErrorNotice';
import { RunScatter } from '@/components/RunScatter';
import { Skeleton } from '@/components/Skeleton';
import { paths } from '@/lib/paths';
import { versionMetricKeys, versionMetricPoints } from '@/lib/registry/version-metric';
import { useModelVersions } from './useModelVersions';

const NO_COLORS: ReadonlyMap<string, string> = new Map();

/**
 * A source-run metric across the model's versions: one point per version (aliases in its name);
 * clicking a point opens the version. The metric lives in the URL (`metric`).
 */
export function VersionMetricChart({ name }: { name: string }) {
  const { query: versionsQuery, versions } = useModelVersions(name);
  const runIds = useMemo(
    () => [...new Set(versions.flatMap((v) => (v.run_id ? [v.run_id] : [])))],
    [versions],
  );
  const runs = useQuery({ ...runQueries.compare(runIds, []), enabled: runIds.length > 0 });
  const byId = useMemo(
    () => new Map((runs.data?.runs ?? []).map((r) => [r.runId, r] as const)),
    [runs.data],
  );
  const keys = useMemo(() => versionMetricKeys(versions, byId), [versions, byId]);
  const [search, setSearch] = useSearchParams();
  const navigate = useNavigate();
  const asked = search.get('metric');
  const metric = asked && keys.includes(asked) ? asked : keys[0];
  const data = useMemo(
    () => (metric ? versionMetricPoints(versions, byId, metric) : undefined),
    [versions, byId, metric],
  );

  let body;
  if (versionsQuery.isPending || (runIds.length > 0 && runs.isPending))
    body = <Skeleton rows={4} label="Loading the source runs' metrics…" />;
  else if (runs.isError)
    body = (
      <ErrorNotice
        error={runs.error}
        title="The source runs could not be loaded"
        onRetry={() => void runs.refetch()}
      />
    );
  else if (!metric || !data)
    body = <p className="detail-section-empty">No version has a source run with metrics.</p>;
  else
    body = (
      <>
        <div className="toolbar">
          <label>
            Metric{' '}
            <select
              className="input version-metric-select"
              value={metric}
              onChange={(e) =>
                setSearch(
                  (prev) => {
                    const next = new URLSearchParams(prev);
                    next.set('metric', e.target.value);
                    return next;
                  },
                  { replace: true, preventScrollReset: true },
                )
              }
            >
              {keys.map((k) => (
                <option key={k} value={k}>
                  {k}
                </option>
              ))}
            </select>
          </label>
          {data.missing > 0 && (
            <span role="status">
              {data.missing} {data.missing === 1 ? 'version has' : 'versions have'} no {metric}{' '}
              value and {data.missing === 1 ? 'is' : 'are'} not plotted.
            </span>
          )}
        </div>
        <RunScatter
          points={data.points}
          xLabel="version"
          yLabel={metric}
          colors={NO_COLORS}
          height={260}
          noun={['version', 'versions']}
          onOpen={(version) => void navigate(paths.modelVersion.href(name, version))}
        />
      </>
    );
  return (
    <section className="detail-section" aria-labelledby="version-metric-title">
      <h2 id="version-metric-title">Metric across versions</h2>
      {body}
    </section>
  );
}
