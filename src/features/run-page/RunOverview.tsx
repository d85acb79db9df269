import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { experimentQueries } from '@/api/queries/experiments';
import type { RunView } from '@/api/runs';
import { TAGS } from '@/api/types';
import { formatDuration, formatTimestamp } from '@/lib/format';
import { paths } from '@/lib/paths';
import { shortCommit } from '@/lib/run-fields';
import { ChildRunLinks } from './ChildRunLinks';
import { CopyButton } from '@/components/CopyButton';
import { ParentRunLink } from './ParentRunLink';

/** Who ran what, when, and from where: the facts above the params and metrics. */
export function RunOverview({ run }: { run: RunView }) {
  const experiment = useQuery(experimentQueries.detail(run.experimentId));
  const source = run.tags.get(TAGS.sourceName);
  const commit = run.tags.get(TAGS.gitCommit);

  return (
    <dl className="run-details">
      <Detail term="Run ID" wide>
        <code>{run.runId}</code> <CopyButton text={run.runId} label="Copy run ID" />
      </Detail>
      <Detail term="Experiment">
        <Link to={paths.experiment.href(run.experimentId)}>
          {experiment.data?.name ?? `Experiment ${run.experimentId}`}
        </Link>
      </Detail>
      {run.parentRunId && (
        <Detail term="Parent run">
          <ParentRunLink parentRunId={run.parentRunId} experimentId={run.experimentId} />
        </Detail>
      )}
      <Detail term="Child runs">
        <ChildRunLinks runId={run.runId} experimentId={run.experimentId} />
      </Detail>
      <Detail term="Started">{formatTimestamp(run.startTime)}</Detail>
      <Detail term="Ended">
        {run.endTime === undefined && run.status === 'RUNNING'
          ? 'Still running'
          : formatTimestamp(run.endTime)}
      </Detail>
      <Detail term="Duration">{formatDuration(run.durationMs)}</Detail>
      <Detail term="User">{run.user ?? '—'}</Detail>
      <Detail term="Source">{source ? <span title={source}>{source}</span> : '—'}</Detail>
      {commit && (
        <Detail term="Git commit">
          <code title={commit}>{shortCommit(commit)}</code>
        </Detail>
      )}
    </dl>
  );
}

function Detail({ term, wide, children }: { term: string; wide?: boolean; children: ReactNode }) {
  return (
    <div className={wide ? 'run-detail run-detail-wide' : 'run-detail'}>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}
