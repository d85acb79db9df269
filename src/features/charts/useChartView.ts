import { useCallback, useMemo, useRef } from 'react';
import { useSearchParams } from 'react-router';
import type { StepWindow } from '@/api/metrics';
import { chartParam, historyModeOf, readChartView, writeChartView } from '@/lib/chart-view';
import type { ChartSetting, ChartView } from '@/lib/chart-view';

const SETTINGS: ChartSetting[] = ['xMode', 'yScale', 'smoothing', 'hidden', 'zoom'];

/**
 * A chart's view (x axis, y scale, smoothing, hidden runs, zoom) kept in the URL, so a reload or a
 * shared link draws the same chart and Back undoes a zoom or an axis change (src/lib/chart-view.ts
 * says which changes push and which replace).
 */
export function useChartView(metricKey: string) {
  const [params, setParams] = useSearchParams();
  // Parsed again only when this chart's own parameters change: the hidden set and the zoom keep
  // their identity through other charts' changes, so nothing downstream recomputes for them.
  const own = SETTINGS.map((s) => params.get(chartParam(s, metricKey)) ?? '').join('\n');
  const view = useMemo(
    () => readChartView(params, metricKey),
    // `own` is every parameter readChartView reads.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [own, metricKey],
  );
  const hidden = useMemo(() => new Set(view.hidden), [view.hidden]);
  const zoom = useMemo(
    (): StepWindow | undefined =>
      view.zoom ? { startStep: view.zoom.startStep, endStep: view.zoom.endStep } : undefined,
    [view.zoom],
  );
  // The URL as this chart's last smoothing change left it: the next change replaces that entry
  // while nothing else has been written since (one drag of the slider is one Back).
  const lastSmoothing = useRef<string | null>(null);
  const search = params.toString();
  const set = useCallback(
    <S extends ChartSetting>(setting: S, value: ChartView[S]) => {
      const sameSlider = setting === 'smoothing' && lastSmoothing.current === search;
      const next = writeChartView(params, metricKey, { [setting]: value });
      lastSmoothing.current = setting === 'smoothing' ? next.toString() : null;
      setParams((prev) => writeChartView(prev, metricKey, { [setting]: value }), {
        replace: historyModeOf(setting, sameSlider) === 'replace',
        preventScrollReset: true,
      });
    },
    // `search` stands for `params`, a new object on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [search, metricKey, setParams],
  );
  const setZoom = useCallback((next: StepWindow | undefined) => set('zoom', next ?? null), [set]);
  return { view, hidden, zoom, set, setZoom };
}
