import type { ChartSeries } from '@/workers/protocol';

const ids = new WeakMap<ChartSeries, number>();
let nextId = 1;

/** A number per series object: hooks key their memos on these, since arrays of series are rebuilt each render. */
export function seriesId(s: ChartSeries | undefined): number {
  if (!s) return 0;
  let id = ids.get(s);
  if (id === undefined) {
    id = nextId++;
    ids.set(s, id);
  }
  return id;
}
