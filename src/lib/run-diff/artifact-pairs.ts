// Which artifact files two runs share: each run's tree is walked folder by folder (MLflow lists one
// folder per call), a few folders at a time and within a cap, then the two file lists are paired
// by path.
import { mapBounded } from '../bounded';

/** One entry of a folder listing, as the typed client gives it. */
export interface ListedEntry {
  path: string;
  isDir: boolean;
  size: number | undefined;
}

export interface ArtifactFile {
  path: string;
  size: number | undefined;
}

export interface WalkLimits {
  /** Files kept at most; the walk stops listing once it has this many. */
  maxFiles: number;
  /** Folder levels listed, the root being the first: files lie at most this many segments deep. */
  maxDepth: number;
  /** Folder listings in flight at once. */
  concurrency: number;
}

export const DEFAULT_WALK_LIMITS: WalkLimits = { maxFiles: 2000, maxDepth: 6, concurrency: 4 };

export interface ArtifactListing {
  /** By path. */
  files: ArtifactFile[];
  /** Why the listing may be incomplete: the file cap was reached, or folders lay deeper. */
  truncated: 'files' | 'depth' | undefined;
}

/**
 * Every file under the root, level by level. A folder listing that fails fails the walk (with its
 * error), as a partial listing would call files missing that are not.
 */
export async function walkArtifacts(
  list: (folder: string) => Promise<readonly ListedEntry[]>,
  limits: WalkLimits = DEFAULT_WALK_LIMITS,
  signal?: AbortSignal,
): Promise<ArtifactListing> {
  const files: ArtifactFile[] = [];
  let truncated: ArtifactListing['truncated'];
  let folders = [''];
  for (let level = 1; folders.length > 0; level++) {
    const listed = await mapBounded(folders, limits.concurrency, list, { signal });
    const next: string[] = [];
    for (const result of listed) {
      if (!result.ok) throw result.error;
      for (const entry of result.value) {
        if (entry.isDir) {
          next.push(entry.path);
        } else if (files.length < limits.maxFiles) {
          files.push({ path: entry.path, size: entry.size });
        } else {
          truncated = 'files';
        }
      }
    }
    if (truncated === 'files' || files.length >= limits.maxFiles) {
      if (next.length > 0) truncated = 'files';
      break;
    }
    if (next.length > 0 && level >= limits.maxDepth) {
      truncated = 'depth';
      break;
    }
    folders = next;
  }
  return { files: files.sort((a, b) => compareText(a.path, b.path)), truncated };
}

/** A path of either run: in both (offered for a diff), or in one only. */
export type ArtifactPair =
  | { path: string; presence: 'both'; leftSize: number | undefined; rightSize: number | undefined }
  | { path: string; presence: 'left' | 'right'; size: number | undefined };

/** A path both runs have: the one kind of pair a diff is offered for. */
export type SharedArtifact = Extract<ArtifactPair, { presence: 'both' }>;

/** The two runs' files paired by path, in path order. */
export function pairArtifacts(
  left: readonly ArtifactFile[],
  right: readonly ArtifactFile[],
): ArtifactPair[] {
  const rightByPath = new Map(right.map((f) => [f.path, f]));
  const pairs: ArtifactPair[] = [];
  for (const file of left) {
    const other = rightByPath.get(file.path);
    if (other) {
      pairs.push({
        path: file.path,
        presence: 'both',
        leftSize: file.size,
        rightSize: other.size,
      });
      rightByPath.delete(file.path);
    } else {
      pairs.push({ path: file.path, presence: 'left', size: file.size });
    }
  }
  for (const file of rightByPath.values())
    pairs.push({ path: file.path, presence: 'right', size: file.size });
  return pairs.sort((a, b) => compareText(a.path, b.path));
}

// Code-unit order, the same in every locale (a run's paths are compared, not shown in a language).
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
