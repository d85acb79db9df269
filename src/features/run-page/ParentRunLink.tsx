import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { runQueries } from '@/api/queries/runs';
import { paths } from '@/lib/paths';

interface ParentRunLinkProps {
  parentRunId: string;
  /** Where the child lives; a parent normally shares it, and is used until the parent loads. */
  experimentId: string;
}

/** A link to the parent of a nested run, named once the parent has loaded (its id until then). */
export function ParentRunLink({ parentRunId, experimentId }: ParentRunLinkProps) {
  const parent = useQuery(runQueries.detail(parentRunId));
  const name = parent.data?.name ?? parentRunId;
  return (
    <Link
      to={paths.run.href(parent.data?.experimentId ?? experimentId, parentRunId)}
      title={parentRunId}
    >
      {name}
    </Link>
  );
}
