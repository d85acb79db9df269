import { useQueries } from '@tanstack/react-query';
import { Link } from 'react-router';
import { experimentQueries } from '@/api/queries/experiments';
import { useCanEdit } from '@/components/useCanEdit';
import { paths } from '@/lib/paths';

/**
 * Where a direction chosen in the promotion view goes: the source runs' experiment, or both of
 * them when the two versions come from different experiments (each gets the same tag, so the
 * compare page and the runs table of either agree). Names come from the reads the directions
 * already made.
 */
export function DirectionScope({ experimentIds }: { experimentIds: readonly string[] }) {
  const canEdit = useCanEdit();
  const experiments = useQueries({
    queries: experimentIds.map((id) => experimentQueries.detail(id)),
  });
  if (experimentIds.length === 0) return null;
  const named = experimentIds.map((id, i) => (
    <Link key={id} className="break-anywhere" to={paths.experiment.href(id)}>
      {experiments[i]?.data?.name ?? `experiment ${id}`}
    </Link>
  ));
  const tag = <code>parallax.metric_direction.&lt;metric&gt;</code>;
  return (
    <p className="promotion-direction-scope">
      {!canEdit ? (
        <>This Parallax is read-only: a direction chosen with ↑/↓ is kept in this browser only.</>
      ) : named.length === 1 ? (
        <>
          A direction chosen with ↑/↓ is shared with the team as the tag {tag} of the source
          runs&apos; experiment, {named[0]}.
        </>
      ) : (
        <>
          The two source runs live in different experiments: a direction chosen with ↑/↓ is written
          as the tag {tag} to both, {named[0]} and {named[1]}.
        </>
      )}
    </p>
  );
}
