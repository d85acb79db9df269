import { describe, expect, it } from 'vitest';
import { buildRunTree, flattenRunTree } from './run-tree';

const run = (runId: string, parentRunId?: string) => ({ runId, parentRunId });

describe('buildRunTree', () => {
  it('puts children under their loaded parent, in the given order', () => {
    const { roots, children } = buildRunTree([run('a'), run('c', 'a'), run('b', 'a'), run('d')]);
    expect(roots.map((r) => r.runId)).toEqual(['a', 'd']);
    expect(children.get('a')?.map((r) => r.runId)).toEqual(['c', 'b']);
  });

  it('shows a child whose parent is not loaded at top level', () => {
    const { roots } = buildRunTree([run('c', 'missing'), run('d')]);
    expect(roots.map((r) => r.runId)).toEqual(['c', 'd']);
  });

  it('joins a child loaded before its parent once the parent arrives', () => {
    const page1 = [run('c', 'p')];
    expect(buildRunTree(page1).roots.map((r) => r.runId)).toEqual(['c']);
    const both = [...page1, run('p')];
    const { roots, children } = buildRunTree(both);
    expect(roots.map((r) => r.runId)).toEqual(['p']);
    expect(children.get('p')?.map((r) => r.runId)).toEqual(['c']);
  });

  it('breaks parent loops and self-parents by showing the runs at top level', () => {
    const { roots } = buildRunTree([run('a', 'b'), run('b', 'a'), run('s', 's')]);
    expect(roots.map((r) => r.runId)).toEqual(['a', 'b', 's']);
  });
});

describe('flattenRunTree', () => {
  const runs = [run('p'), run('c1', 'p'), run('g', 'c1'), run('c2', 'p'), run('x')];

  it('hides children of collapsed runs but counts them', () => {
    const rows = flattenRunTree(runs, new Set());
    expect(rows.map((r) => [r.item.runId, r.depth, r.childCount, r.expanded])).toEqual([
      ['p', 0, 2, false],
      ['x', 0, 0, false],
    ]);
  });

  it('indents expanded children depth-first', () => {
    const rows = flattenRunTree(runs, new Set(['p', 'c1']));
    expect(rows.map((r) => [r.item.runId, r.depth])).toEqual([
      ['p', 0],
      ['c1', 1],
      ['g', 2],
      ['c2', 1],
      ['x', 0],
    ]);
  });

  it('ignores expanded ids of leaves', () => {
    expect(flattenRunTree([run('a')], new Set(['a']))[0]?.expanded).toBe(false);
  });
});
