import { describe, expect, it } from 'vitest';
import { IDS_PER_SEARCH, resolveRuns } from './resolve-runs';
import type { ResolveDeps } from './resolve-runs';

interface FakeRun {
  id: string;
  exp: string;
  deleted?: boolean;
}

class NotFound extends Error {}

/** A fake store: runs by id, a log of every call, and experiments that fail on demand. */
function fakeStore(runs: FakeRun[], failing: Record<string, Error> = {}) {
  const calls: string[] = [];
  const byId = new Map(runs.map((r) => [r.id, r]));
  const deps: ResolveDeps<FakeRun> = {
    searchByIds: async (exp, ids) => {
      calls.push(`search ${exp} ${ids.join(',')}`);
      const failure = failing[exp];
      if (failure) throw failure;
      return ids.flatMap((id) => {
        const run = byId.get(id);
        return run && run.exp === exp ? [run] : [];
      });
    },
    getRun: async (id) => {
      calls.push(`get ${id}`);
      const run = byId.get(id);
      if (!run) throw new NotFound(`Run '${id}' not found`);
      return run;
    },
    idOf: (r) => r.id,
    experimentOf: (r) => r.exp,
    isDeleted: (r) => r.deleted === true,
    classify: (e) => (e instanceof NotFound ? 'missing' : 'other'),
    describe: (e) => ({ errorCode: 'RESOURCE_DOES_NOT_EXIST', message: (e as Error).message }),
  };
  return { deps, calls };
}

describe('resolveRuns', () => {
  it('with the experiments named, costs one search per experiment and keeps the asked order', async () => {
    const { deps, calls } = fakeStore([
      { id: 'a', exp: '1' },
      { id: 'b', exp: '2' },
      { id: 'c', exp: '1' },
    ]);
    const out = await resolveRuns(['c', 'b', 'a'], ['1', '2'], deps);
    expect(out.runs.map((r) => r.id)).toEqual(['c', 'b', 'a']);
    expect(out.problems).toEqual([]);
    expect(calls).toEqual(['search 1 c,b,a', 'search 2 c,b,a']);
    expect(out.requests).toBe(2);
  });

  it('without them, one runs/get reveals an experiment, whose search finds the rest', async () => {
    const { deps, calls } = fakeStore([
      { id: 'a', exp: '1' },
      { id: 'b', exp: '1' },
      { id: 'c', exp: '1' },
      { id: 'd', exp: '2' },
    ]);
    const out = await resolveRuns(['a', 'b', 'c', 'd'], [], deps);
    expect(out.runs.map((r) => r.id)).toEqual(['a', 'b', 'c', 'd']);
    expect(calls).toEqual(['get a', 'search 1 b,c,d', 'get d']);
  });

  it('a missing id is its own problem; a deleted run is reported apart; the others show', async () => {
    const { deps } = fakeStore([
      { id: 'a', exp: '1' },
      { id: 'gone', exp: '1', deleted: true },
    ]);
    const out = await resolveRuns(['nope', 'a', 'gone'], ['1'], deps);
    expect(out.runs.map((r) => r.id)).toEqual(['a']);
    expect(out.problems).toEqual([
      {
        runId: 'nope',
        kind: 'missing',
        errorCode: 'RESOURCE_DOES_NOT_EXIST',
        message: "Run 'nope' not found",
      },
      { runId: 'gone', kind: 'deleted', experimentId: '1' },
    ]);
  });

  it('a stale experiment hint falls back to runs/get; any other failure ends the load', async () => {
    const stale = fakeStore([{ id: 'a', exp: '1' }], { '9': new NotFound('no experiment 9') });
    const out = await resolveRuns(['a'], ['9'], stale.deps);
    expect(out.runs.map((r) => r.id)).toEqual(['a']);
    expect(stale.calls).toEqual(['search 9 a', 'get a']);

    const down = fakeStore([{ id: 'a', exp: '1' }], { '1': new Error('MLflow is down') });
    await expect(resolveRuns(['a'], ['1'], down.deps)).rejects.toThrow('MLflow is down');
  });

  it('splits long id lists into searches of at most IDS_PER_SEARCH ids', async () => {
    const ids = Array.from({ length: IDS_PER_SEARCH + 5 }, (_, i) => `r${i}`);
    const { deps, calls } = fakeStore(ids.map((id) => ({ id, exp: '1' })));
    const out = await resolveRuns(ids, ['1'], deps);
    expect(out.runs).toHaveLength(IDS_PER_SEARCH + 5);
    expect(calls.map((c) => c.split(' ')[2]?.split(',').length)).toEqual([100, 5]);
  });
});
