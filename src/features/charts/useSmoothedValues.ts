import { useEffect, useState } from 'react';
import type { ChartSeries } from '@/workers/protocol';
import { seriesClient } from '@/workers/series-client';
import { seriesId } from './series-ids';

const EMPTY: ReadonlyMap<ChartSeries, Float64Array> = new Map();

/**
 * Debiased EMA of each series, computed in the worker. Results are keyed by the series object, so
 * a new fetch or a new weight recomputes and nothing stale is shown against fresh data.
 */
export function useSmoothedValues(
  series: readonly (ChartSeries | undefined)[],
  weight: number,
): ReadonlyMap<ChartSeries, Float64Array> {
  const [result, setResult] = useState<{
    key: string;
    map: ReadonlyMap<ChartSeries, Float64Array>;
  }>({ key: '', map: EMPTY });
  const list = series.filter((s): s is ChartSeries => s !== undefined);
  // The series objects are rebuilt into a new array each render; their identities say what changed.
  const key = `${weight}|${list.map(seriesId).join(',')}`;

  useEffect(() => {
    if (weight <= 0) return;
    let cancelled = false;
    void Promise.all(
      list.map(async (s) => [s, await seriesClient.smooth(s.step, s.value, weight)] as const),
    ).then((pairs) => {
      if (!cancelled) setResult({ key, map: new Map(pairs) });
    });
    return () => {
      cancelled = true;
    };
    // `key` names the series objects in `list`, which is a new array every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, weight]);

  return weight > 0 && result.key === key ? result.map : EMPTY;
}
