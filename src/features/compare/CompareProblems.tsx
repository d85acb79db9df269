import { Link } from 'react-router';
import { paths } from '@/lib/paths';
import type { RunProblem } from '@/lib/run-diff/resolve-runs';

interface CompareProblemsProps {
  problems: readonly RunProblem[];
  /** Entries of the link that are no run id at all. */
  rejected: readonly string[];
  /** Runs the link named beyond the cap, and the cap. */
  truncated: { total: number; shown: number } | undefined;
}

/**
 * What the link asked for that is not shown, each with its own reason, so one bad id never hides
 * the other runs. Names and ids are user data and render as text.
 */
export function CompareProblems({ problems, rejected, truncated }: CompareProblemsProps) {
  if (problems.length === 0 && rejected.length === 0 && !truncated) return null;
  return (
    <div className="compare-problems notice" role="status">
      <ul>
        {truncated && (
          <li>
            Showing the first {truncated.shown.toLocaleString('en')} of{' '}
            {truncated.total.toLocaleString('en')} runs: a comparison holds at most{' '}
            {truncated.shown.toLocaleString('en')}.
          </li>
        )}
        {problems.map((p) => (
          <li key={p.runId}>
            {p.kind === 'missing' ? (
              <>
                Run <code>{p.runId}</code> was not found: <code>{p.errorCode}</code> {p.message}
              </>
            ) : (
              <>
                Run <code>{p.runId}</code> is deleted; restore it from{' '}
                <Link to={`${paths.experiment.href(p.experimentId)}?lifecycle=deleted`}>
                  its experiment&apos;s deleted runs
                </Link>{' '}
                to compare it.
              </>
            )}
          </li>
        ))}
        {rejected.map((text) => (
          <li key={text}>
            <code>{text}</code> is not a run id and was left out.
          </li>
        ))}
      </ul>
    </div>
  );
}
