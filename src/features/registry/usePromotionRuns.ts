import { useQuery } from '@tanstack/react-query';
import { runQueries } from '@/api/queries/runs';
import type { RunView } from '@/api/runs';
import type { ModelVersion } from '@/api/types';
import type { RunProblem } from '@/lib/run-diff/resolve-runs';

/** One side of the promotion view: a version, its source run, or why that run cannot be shown. */
export interface PromotionSide {
  role: 'champion' | 'candidate';
  version: ModelVersion | undefined;
  run: RunView | undefined;
  /** Why there is no run to show (none registered, gone, deleted); undefined while it loads. */
  problem:
    | { kind: 'no-run' }
    | { kind: 'missing'; runId: string; errorCode: string; message: string }
    | { kind: 'deleted'; runId: string; experimentId: string }
    | undefined;
}

function side(
  role: PromotionSide['role'],
  version: ModelVersion | undefined,
  runs: ReadonlyMap<string, RunView>,
  problems: readonly RunProblem[],
): PromotionSide {
  const runId = version?.run_id;
  if (!version) return { role, version, run: undefined, problem: undefined };
  if (!runId) return { role, version, run: undefined, problem: { kind: 'no-run' } };
  const problem = problems.find((p) => p.runId === runId);
  return { role, version, run: runs.get(runId), problem };
}

/**
 * The source runs of the champion and the candidate, read together (one search per experiment,
 * as the compare page reads its runs), each side with the reason it has none.
 */
export function usePromotionRuns(
  champion: ModelVersion | undefined,
  candidate: ModelVersion | undefined,
) {
  const ids = [
    ...new Set([champion?.run_id, candidate?.run_id].filter((id): id is string => !!id)),
  ];
  const query = useQuery({ ...runQueries.compare(ids, []), enabled: ids.length > 0 });
  const runs = new Map((query.data?.runs ?? []).map((r) => [r.runId, r] as const));
  const problems = query.data?.problems ?? [];
  return {
    query,
    loading: ids.length > 0 && query.isPending,
    champion: side('champion', champion, runs, problems),
    candidate: side('candidate', candidate, runs, problems),
  };
}
