// Nested runs (`mlflow.parentRunId`) as a tree over the runs loaded so far, in their given order.

export interface TreeRun {
  runId: string;
  parentRunId: string | undefined;
}

export interface TreeEntry<T> {
  item: T;
  depth: number;
  /** Loaded children of this run (0 when it is a leaf). */
  childCount: number;
  expanded: boolean;
}

/**
 * The children of every loaded run, and the runs shown at top level: those without a parent, or
 * whose parent is not among `runs` (not loaded yet, deleted, filtered out). A parent loop (never
 * made by MLflow, but tags are user data) is broken by showing its members at top level.
 */
export function buildRunTree<T extends TreeRun>(
  runs: readonly T[],
): { roots: T[]; children: Map<string, T[]> } {
  const byId = new Map(runs.map((r) => [r.runId, r] as const));
  const children = new Map<string, T[]>();
  const roots: T[] = [];
  for (const run of runs) {
    const parent = run.parentRunId;
    if (parent === undefined || parent === run.runId || !byId.has(parent) || inLoop(run, byId)) {
      roots.push(run);
      continue;
    }
    const list = children.get(parent);
    if (list) list.push(run);
    else children.set(parent, [run]);
  }
  return { roots, children };
}

function inLoop<T extends TreeRun>(run: T, byId: ReadonlyMap<string, T>): boolean {
  const seen = new Set<string>([run.runId]);
  let parent = run.parentRunId;
  while (parent !== undefined) {
    if (seen.has(parent)) return true;
    seen.add(parent);
    parent = byId.get(parent)?.parentRunId;
  }
  return false;
}

/** Depth-first rows: a run, then (when expanded) its children, indented one level deeper. */
export function flattenRunTree<T extends TreeRun>(
  runs: readonly T[],
  expanded: ReadonlySet<string>,
): TreeEntry<T>[] {
  const { roots, children } = buildRunTree(runs);
  const out: TreeEntry<T>[] = [];
  const visit = (run: T, depth: number) => {
    const kids = children.get(run.runId) ?? [];
    const open = kids.length > 0 && expanded.has(run.runId);
    out.push({ item: run, depth, childCount: kids.length, expanded: open });
    if (open) for (const kid of kids) visit(kid, depth + 1);
  };
  for (const root of roots) visit(root, 0);
  return out;
}
