import { Link } from 'react-router';
import { paths } from '@/lib/paths';
import type { PromotionSide } from './usePromotionRuns';

/** Why one side's source run is not compared: said once per section that needs the run. */
export function RunProblemNote({ side }: { side: PromotionSide }) {
  const { problem, version } = side;
  if (!problem || !version) return null;
  const who = `v${version.version} (${side.role})`;
  if (problem.kind === 'no-run')
    return (
      <p className="promotion-note" role="note">
        {who} was registered without a source run: it has no metrics, params or curves to compare.
      </p>
    );
  if (problem.kind === 'missing')
    return (
      <p className="promotion-note" role="note">
        The source run <code>{problem.runId}</code> of {who} no longer exists (
        <code>{problem.errorCode}</code>: {problem.message}).
      </p>
    );
  return (
    <p className="promotion-note" role="note">
      The source run <code>{problem.runId}</code> of {who} is deleted; restore it from{' '}
      <Link to={`${paths.experiment.href(problem.experimentId)}?lifecycle=deleted`}>
        its experiment&apos;s deleted runs
      </Link>{' '}
      to compare it.
    </p>
  );
}
