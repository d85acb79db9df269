import { describe, expect, it } from 'vitest';
import { DEFAULT_WALK_LIMITS, pairArtifacts, walkArtifacts } from './artifact-pairs';
import type { ListedEntry } from './artifact-pairs';

const file = (path: string, size: number): ListedEntry => ({ path, isDir: false, size });
const dir = (path: string): ListedEntry => ({ path, isDir: true, size: undefined });

// A run's tree, folder by folder, as artifacts/list answers it (not in path order).
const TREE: Record<string, ListedEntry[]> = {
  '': [dir('model'), file('a.txt', 10), dir('plots')],
  plots: [file('plots/loss.png', 5)],
  model: [file('model/MLmodel', 3), dir('model/data')],
  'model/data': [file('model/data/w.bin', 100)],
};

function fakeList(tree = TREE) {
  const calls: string[] = [];
  const list = async (folder: string) => {
    calls.push(folder);
    const entries = tree[folder];
    if (!entries) throw new Error(`no folder ${folder}`);
    return entries;
  };
  return { list, calls };
}

const limits = (over: Partial<typeof DEFAULT_WALK_LIMITS>) => ({ ...DEFAULT_WALK_LIMITS, ...over });

describe('walkArtifacts', () => {
  it('lists every folder once and answers the files in path order', async () => {
    const { list, calls } = fakeList();
    expect(await walkArtifacts(list)).toEqual({
      files: [
        { path: 'a.txt', size: 10 },
        { path: 'model/MLmodel', size: 3 },
        { path: 'model/data/w.bin', size: 100 },
        { path: 'plots/loss.png', size: 5 },
      ],
      truncated: undefined,
    });
    expect([...calls].sort()).toEqual(['', 'model', 'model/data', 'plots']);
  });

  it('stops at the depth cap and says so', async () => {
    const { list, calls } = fakeList();
    const listing = await walkArtifacts(list, limits({ maxDepth: 2 }));
    expect(listing.files.map((f) => f.path)).toEqual(['a.txt', 'model/MLmodel', 'plots/loss.png']);
    expect(listing.truncated).toBe('depth');
    expect(calls).not.toContain('model/data');
  });

  it('stops at the file cap and says so, but not when the last file is exactly the cap', async () => {
    const two = await walkArtifacts(fakeList().list, limits({ maxFiles: 2 }));
    // Level 1 gives a.txt; level 2 lists model before plots (the root's order), so MLmodel is kept.
    expect(two).toEqual({
      files: [
        { path: 'a.txt', size: 10 },
        { path: 'model/MLmodel', size: 3 },
      ],
      truncated: 'files',
    });
    const four = await walkArtifacts(fakeList().list, limits({ maxFiles: 4 }));
    expect(four.files).toHaveLength(4);
    expect(four.truncated).toBeUndefined();
  });

  it('calls the listing cut short when the cap is reached with folders still to list', async () => {
    const tree = { '': [file('a', 1), dir('d')], d: [file('d/b', 1)] };
    const listing = await walkArtifacts(fakeList(tree).list, limits({ maxFiles: 1 }));
    expect(listing).toEqual({ files: [{ path: 'a', size: 1 }], truncated: 'files' });
  });

  it('fails with the error of a folder that could not be listed', async () => {
    const tree = { '': [dir('gone'), file('a', 1)] };
    await expect(walkArtifacts(fakeList(tree).list)).rejects.toThrow('no folder gone');
  });

  it('keeps at most `concurrency` listings in flight', async () => {
    const folders = Array.from({ length: 9 }, (_, i) => dir(`d${i}`));
    let inFlight = 0;
    let most = 0;
    const list = async (folder: string) => {
      inFlight++;
      most = Math.max(most, inFlight);
      await new Promise((resolve) => setTimeout(resolve, 5));
      inFlight--;
      return folder === '' ? folders : [file(`${folder}/f`, 1)];
    };
    const listing = await walkArtifacts(list, limits({ concurrency: 3 }));
    expect(listing.files).toHaveLength(9);
    expect(most).toBe(3);
  });
});

describe('pairArtifacts', () => {
  it('pairs by path; a path in one run only says which', () => {
    const left = [
      { path: 'c', size: 3 },
      { path: 'a', size: 1 },
      { path: 'b', size: 2 },
    ];
    const right = [
      { path: 'd', size: 5 },
      { path: 'b', size: 2 },
      { path: 'c', size: undefined },
    ];
    expect(pairArtifacts(left, right)).toEqual([
      { path: 'a', presence: 'left', size: 1 },
      { path: 'b', presence: 'both', leftSize: 2, rightSize: 2 },
      { path: 'c', presence: 'both', leftSize: 3, rightSize: undefined },
      { path: 'd', presence: 'right', size: 5 },
    ]);
  });

  it('pairs nothing with nothing', () => {
    expect(pairArtifacts([], [])).toEqual([]);
    expect(pairArtifacts([{ path: 'x', size: 1 }], [])).toEqual([
      { path: 'x', presence: 'left', size: 1 },
    ]);
  });
});
