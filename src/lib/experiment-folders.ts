// Experiments named like workspace paths (`/Users/<email>/churn`, `/Shared/team/churn`), as
// Databricks names them, grouped into their folders for the experiments list's folder view.

export interface ExperimentFolder<T> {
  kind: 'folder';
  /** The last segment, e.g. `team`. */
  name: string;
  /** The whole path, e.g. `/Shared/team`: a stable key for the folder's open state. */
  path: string;
  children: FolderEntry<T>[];
  /** Experiments anywhere below this folder. */
  count: number;
}

export interface FolderExperiment<T> {
  kind: 'experiment';
  /** The leaf shown in the tree; the full name for an experiment outside any folder. */
  name: string;
  item: T;
}

export type FolderEntry<T> = ExperimentFolder<T> | FolderExperiment<T>;

/**
 * The folder tree of `items`. Only names starting with `/` are paths; any other name (MLflow's
 * `Default`, `team/churn`) stays whole at the top, as does a path with an empty segment or a
 * trailing slash, whose folders would be guesswork. Folders come first, A→Z; experiments keep the
 * order they were given in (the list's sort).
 */
export function buildExperimentFolders<T>(
  items: readonly T[],
  nameOf: (item: T) => string,
): ExperimentFolder<T> {
  const root = folder<T>('', '');
  const folders = new Map<string, ExperimentFolder<T>>([['', root]]);
  for (const item of items) {
    const name = nameOf(item);
    const segments = pathSegments(name);
    if (segments === undefined) {
      root.children.push({ kind: 'experiment', name, item });
      root.count++;
      continue;
    }
    let parent = root;
    parent.count++;
    for (const segment of segments.slice(0, -1)) {
      const path = `${parent.path}/${segment}`;
      let next = folders.get(path);
      if (next === undefined) {
        next = folder<T>(segment, path);
        folders.set(path, next);
        parent.children.push(next);
      }
      next.count++;
      parent = next;
    }
    parent.children.push({ kind: 'experiment', name: segments.at(-1) ?? name, item });
  }
  for (const f of folders.values()) f.children.sort(foldersFirst);
  return root;
}

/** Every folder path in the tree, e.g. to open them all while a search is shown. */
export function folderPaths<T>(tree: ExperimentFolder<T>): string[] {
  const paths: string[] = [];
  const walk = (f: ExperimentFolder<T>) => {
    for (const child of f.children) {
      if (child.kind === 'folder') {
        paths.push(child.path);
        walk(child);
      }
    }
  };
  walk(tree);
  return paths;
}

function folder<T>(name: string, path: string): ExperimentFolder<T> {
  return { kind: 'folder', name, path, children: [], count: 0 };
}

/** `/Shared/a/b` → `['Shared', 'a', 'b']`; undefined for a name that is not a clean path. */
function pathSegments(name: string): string[] | undefined {
  if (!name.startsWith('/')) return undefined;
  const segments = name.slice(1).split('/');
  if (segments.length < 2 || segments.some((s) => s === '')) return undefined;
  return segments;
}

// Stable: experiments keep their relative order; folders sort by name among themselves.
function foldersFirst<T>(a: FolderEntry<T>, b: FolderEntry<T>): number {
  if (a.kind === 'folder' && b.kind === 'folder') return a.name.localeCompare(b.name);
  if (a.kind === 'folder') return -1;
  if (b.kind === 'folder') return 1;
  return 0;
}
