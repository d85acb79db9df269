import { useMemo } from 'react';
import { buildAxes, defaultAxisKeysOf, fieldsOf, varyingParams } from '@/lib/parcoords/axes';
import { activeBrushes, brushedRuns } from '@/lib/parcoords/brush';
import type { AxisKey, AxisSpec, Brushes, ParcoordsRun } from '@/lib/parcoords/types';

export interface ParcoordsModel {
  /** The params and metrics the runs have, each in natural order. */
  fields: { params: AxisKey[]; metrics: AxisKey[] };
  /** The params that vary across the runs. */
  varying: ReadonlySet<AxisKey>;
  /** The default axes: the varying params, then the metrics (defaultAxisKeys). */
  defaults: readonly AxisSpec[];
  /** The axes shown: the chosen ones, else the defaults. */
  axes: readonly AxisSpec[];
  /** The runs inside every brush; undefined when no brush applies. */
  brushedIds: ReadonlySet<string> | undefined;
}

/** What a page around ParallelCoordinates derives from its runs, chosen axes and brushes. */
export function useParcoordsModel(
  runs: readonly ParcoordsRun[],
  chosen: readonly AxisSpec[] | undefined,
  brushes: Brushes,
): ParcoordsModel {
  const fields = useMemo(() => fieldsOf(runs), [runs]);
  // Ranking the params reads every run's every param: done once, for both uses.
  const ranked = useMemo(() => varyingParams(runs, fields.params), [runs, fields]);
  const varying = useMemo(() => new Set(ranked.map((p) => p.key)), [ranked]);
  const defaults = useMemo(
    () =>
      defaultAxisKeysOf(fields.metrics, ranked).map((key): AxisSpec => ({ key, scale: 'linear' })),
    [fields, ranked],
  );
  const axes = chosen ?? defaults;
  const brushedIds = useMemo(() => {
    const built = buildAxes(axes, runs);
    if (activeBrushes(built, brushes).length === 0) return undefined;
    return new Set(brushedRuns(runs, built, brushes).map((r) => r.id));
  }, [axes, brushes, runs]);
  return { fields, varying, defaults, axes, brushedIds };
}

/** The brushes kept when the axes change: a brush on an axis taken off goes with it. */
export function brushesOnAxes(brushes: Brushes, axes: readonly AxisSpec[]): Brushes {
  const kept = new Set(axes.map((a) => a.key));
  return new Map([...brushes].filter(([key]) => kept.has(key)));
}
