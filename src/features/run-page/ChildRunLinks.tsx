import { useInfiniteQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { runQueries } from '@/api/queries/runs';
import { paths } from '@/lib/paths';

const MAX_SHOWN = 100;

/** Filter for runs whose `mlflow.parentRunId` tag names this run. */
export function childRunsFilter(runId: string): string {
  return `tags.\`mlflow.parentRunId\` = '${runId.replaceAll("'", "\\'")}'`;
}

/** Links to the runs nested under this one (MLflow has no parent field: the child's tag says it). */
export function ChildRunLinks({ runId, experimentId }: { runId: string; experimentId: string }) {
  const query = useInfiniteQuery(
    runQueries.search({
      experimentIds: [experimentId],
      filter: childRunsFilter(runId),
      orderBy: ['attributes.start_time ASC'],
      maxResults: MAX_SHOWN,
    }),
  );
  const children = query.data?.pages[0]?.runs ?? [];
  if (query.isError)
    return <span className="run-section-empty">Could not load the child runs.</span>;
  if (query.isPending) return <span className="run-section-empty">Loading…</span>;
  if (children.length === 0) return <span>—</span>;
  const more = query.data.pages[0]?.nextPageToken !== undefined;
  return (
    <ul className="run-children" aria-label="Child runs">
      {children.map((child) => (
        <li key={child.runId}>
          <Link to={paths.run.href(child.experimentId, child.runId)} title={child.runId}>
            {child.name}
          </Link>
        </li>
      ))}
      {more && <li className="run-section-empty">and more…</li>}
    </ul>
  );
}
