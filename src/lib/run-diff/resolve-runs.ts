// Finds the runs a comparison names, with as few requests as MLflow allows: runs/search takes
// `attributes.run_id IN (…)` but only within given experiments, so the experiments come first.
//   1. The experiments the link names (a hint, written by the runs table): one search each.
//   2. Any id still unfound: one runs/get, which tells its experiment; that experiment is then
//      searched for every id still unfound. So N runs in E experiments cost about 2E requests,
//      not N; only ids that exist nowhere cost one runs/get each.
// Decisions:
// - A named experiment that fails with "not found" or "bad id" was a stale hint: its ids are
//   looked up the slow way. Any other failure (MLflow down, 429 after the server's retries) ends
//   the whole load, since the page cannot tell a missing run from an unreachable one.
// - A runs/get that says the run does not exist makes that id a problem of its own; the others
//   still load. Deleted runs are found by the search (it asks for every lifecycle stage) and
//   reported apart, as a deleted run is not what a comparison of live results wants to show.
// - Ids are searched in chunks, so one filter never grows past what a server accepts in a body.
// - Searches run a few at a time (bounded), never all experiments at once.
import { mapBounded } from '../bounded';

/** Ids per `run_id IN (…)` filter. MLflow's own UI sends 100 at most. */
export const IDS_PER_SEARCH = 100;
/** Searches in flight at once. */
export const SEARCHES_IN_FLIGHT = 4;

export interface ResolveDeps<R> {
  /** Runs of `experimentId` among `runIds`, of any lifecycle stage. */
  searchByIds: (experimentId: string, runIds: readonly string[]) => Promise<readonly R[]>;
  getRun: (runId: string) => Promise<R>;
  idOf: (run: R) => string;
  experimentOf: (run: R) => string;
  isDeleted: (run: R) => boolean;
  /** 'missing' for MLflow's "does not exist" (and a malformed id), else 'other'. */
  classify: (error: unknown) => 'missing' | 'other';
  /** Error code and message of a failure, for the page to show. */
  describe: (error: unknown) => { errorCode: string; message: string };
}

export type RunProblem =
  | { runId: string; kind: 'missing'; errorCode: string; message: string }
  | { runId: string; kind: 'deleted'; experimentId: string };

export interface ResolvedRuns<R> {
  /** The live runs found, in the order they were asked for. */
  runs: R[];
  /** One per id that is not shown, in the order asked. */
  problems: RunProblem[];
  /** Requests made: the bench and the tests count them. */
  requests: number;
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export async function resolveRuns<R>(
  runIds: readonly string[],
  experimentHint: readonly string[],
  deps: ResolveDeps<R>,
): Promise<ResolvedRuns<R>> {
  const found = new Map<string, R>();
  const problems = new Map<string, RunProblem>();
  const searched = new Set<string>();
  let requests = 0;
  const pending = () => runIds.filter((id) => !found.has(id) && !problems.has(id));

  const searchExperiments = async (experimentIds: readonly string[]) => {
    const ids = pending();
    if (ids.length === 0) return;
    const jobs = experimentIds
      .filter((e) => !searched.has(e))
      .flatMap((e) => (searched.add(e), chunks(ids, IDS_PER_SEARCH).map((c) => [e, c] as const)));
    const settled = await mapBounded(jobs, SEARCHES_IN_FLIGHT, ([e, c]) => {
      requests++;
      return deps.searchByIds(e, c);
    });
    for (const s of settled) {
      if (!s.ok) {
        if (deps.classify(s.error) === 'missing') continue;
        throw s.error;
      }
      for (const run of s.value) found.set(deps.idOf(run), run);
    }
  };

  await searchExperiments(experimentHint);
  for (let id = pending()[0]; id !== undefined; id = pending()[0]) {
    let run: R;
    try {
      requests++;
      run = await deps.getRun(id);
    } catch (error) {
      if (deps.classify(error) !== 'missing') throw error;
      problems.set(id, { runId: id, kind: 'missing', ...deps.describe(error) });
      continue;
    }
    found.set(id, run);
    await searchExperiments([deps.experimentOf(run)]);
  }

  const runs: R[] = [];
  const ordered: RunProblem[] = [];
  for (const id of runIds) {
    const run = found.get(id);
    const problem = problems.get(id);
    if (problem) ordered.push(problem);
    else if (run && deps.isDeleted(run)) {
      ordered.push({ runId: id, kind: 'deleted', experimentId: deps.experimentOf(run) });
    } else if (run) runs.push(run);
  }
  return { runs, problems: ordered, requests };
}
