import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useMemo, useRef } from 'react';
import type { ReactNode } from 'react';
import { metricQueries } from '@/api/queries/metrics';
import { stepWindowOf, unionWindow } from '@/lib/chart-axes';
import { runColors } from '@/lib/run-colors';
import { ChartBadge } from './ChartBadge';
import { ChartControls } from './ChartControls';
import { ChartCover } from './ChartCover';
import { ChartLegend } from './ChartLegend';
import { ChartMessages } from './ChartMessages';
import { ChartOverlay } from './ChartOverlay';
import { ChartPlot } from './ChartPlot';
import type { ChartRun } from './chart-types';
import { useChartExport } from './useChartExport';
import { useChartKeys } from './useChartKeys';
import { useChartSeries } from './useChartSeries';
import { useChartView } from './useChartView';
import { useDrawnRuns } from './useDrawnRuns';
import { useElementWidth } from '@/hooks/useElementWidth';
import { usePublishedSeries } from './published-series';
import { useSmoothedValues } from './useSmoothedValues';
import './charts.css';

interface MetricChartProps {
  runs: readonly ChartRun[];
  metricKey: string;
  height?: number;
  /** Shown in the header; the metric key by default. */
  title?: ReactNode;
}

/** One metric of one or more runs, every spike kept: sample first, full fidelity when it lands. */
export function MetricChart({ runs, metricKey, height = 260, title }: MetricChartProps) {
  const rootRef = useRef<HTMLDivElement>(null);
  const plotRef = useRef<HTMLDivElement>(null);
  const width = useElementWidth(plotRef);
  // Axis, scale, smoothing, hidden runs and zoom live in the URL: a reload or a shared link
  // draws the same chart.
  const { view, hidden, zoom: window, set, setZoom: setWindow } = useChartView(metricKey);
  const { xMode, yScale, smoothing } = view;
  const data = useChartSeries(runs, metricKey, width, window);
  const smoothed = useSmoothedValues(
    data.states.map((s) => s.series),
    smoothing,
  );
  const colors = useMemo(() => runColors(runs.map((r) => r.runId)), [runs]);
  const { runs: drawn, summary } = useDrawnRuns(
    data.states,
    hidden,
    colors,
    xMode,
    yScale,
    smoothed,
  );
  usePublishedSeries(drawn);
  const queryClient = useQueryClient();
  const onExport = useChartExport(rootRef, runs, metricKey, window);
  const keys = useChartKeys(runs, drawn, metricKey, window, setWindow);

  const onZoom = useCallback(
    (x0: number, x1: number) => {
      const w = unionWindow(drawn.map((r) => stepWindowOf(r.x, r.series.step, x0, x1)));
      if (w) setWindow(w);
    },
    [drawn, setWindow],
  );
  const refresh = () => {
    for (const r of runs)
      void queryClient.invalidateQueries({ queryKey: metricQueries.ofRun(r.runId) });
    void queryClient.invalidateQueries({ queryKey: metricQueries.sampledAll() });
  };
  const toggle = (runId: string) =>
    set(
      'hidden',
      hidden.has(runId) ? view.hidden.filter((id) => id !== runId) : [...view.hidden, runId],
    );
  const fullError = data.states.find((s) => s.fullError)?.fullError;

  return (
    <div
      ref={rootRef}
      className="metric-chart"
      data-testid="metric-chart"
      data-metric-key={metricKey}
      data-points-drawn={summary.drawnPoints}
      data-raw-count={summary.rawCount ?? ''}
      data-exact={String(summary.exact)}
      data-source={summary.source}
      // The drawn axes' domains: the bench maps a spike to its pixel with them.
      data-x-domain={summary.xDomain.join(',')}
      data-y-domain={summary.yDomain.join(',')}
      aria-busy={data.fetching}
    >
      <div className="metric-chart-header">
        <h3 className="metric-chart-title" title={metricKey}>
          {title ?? metricKey}
        </h3>
        {drawn.length > 0 && <ChartBadge summary={summary} window={window} />}
      </div>
      <ChartControls
        xMode={xMode}
        onXMode={(mode) => set('xMode', mode)}
        yScale={yScale}
        onYScale={(scale) => set('yScale', scale)}
        smoothing={smoothing}
        onSmoothing={(weight) => set('smoothing', weight)}
        zoomed={window !== undefined}
        onResetZoom={() => setWindow(undefined)}
        onRefresh={refresh}
        refreshing={data.fetching}
        onExport={onExport}
        zoomAnnouncement={keys.announcement}
      />
      <div
        ref={plotRef}
        className="metric-chart-plot"
        style={{ height }}
        {...keys.plotProps}
        // An "application" only with a line to zoom: it would hide a loading or error message
        // inside it from screen readers' reading mode. Focus stays either way.
        role={drawn.length > 0 ? 'application' : 'group'}
      >
        {width > 0 && (
          // Mounted before the series arrive: building recharts' frame is the costly part of a
          // first draw, and done here it is not added to the task that draws the lines.
          <ChartPlot
            runs={drawn}
            width={width}
            height={height}
            xMode={xMode}
            yScale={yScale}
            xDomain={summary.xDomain}
            yDomain={summary.yDomain}
          />
        )}
        {data.loading || width === 0 ? (
          <ChartCover metricKey={metricKey} />
        ) : drawn.length === 0 && (data.sampledError || fullError) ? (
          <ChartCover metricKey={metricKey} error={data.sampledError ?? fullError} />
        ) : (
          <ChartOverlay
            runs={drawn}
            width={width}
            height={height}
            xMode={xMode}
            xDomain={summary.xDomain}
            onZoom={onZoom}
          />
        )}
      </div>
      <ChartMessages summary={summary} yScale={yScale} fullError={fullError} />
      {runs.length > 1 && (
        <ChartLegend runs={runs} colors={colors} hidden={hidden} onToggle={toggle} />
      )}
    </div>
  );
}
