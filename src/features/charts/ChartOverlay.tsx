import { useState } from 'react';
import type { PointerEvent } from 'react';
import type { XAxisMode } from '@/lib/chart-axes';
import { nearestIndex } from '@/lib/chart-axes';
import { formatMetric } from '@/lib/format';
import { formatX } from './axis-labels';
import type { DrawnRun } from './chart-types';
import { plotBox } from './chart-types';

interface ChartOverlayProps {
  runs: readonly DrawnRun[];
  width: number;
  height: number;
  xMode: XAxisMode;
  xDomain: [number, number];
  /** A drag selected x coordinates [x0, x1] (any order). */
  onZoom: (x0: number, x1: number) => void;
}

const MIN_DRAG_PX = 6;

/**
 * Pointer handling above the plot: the hover tooltip (each run's value at the hovered step) and
 * drag-to-zoom with a shaded selection. Kept out of the recharts tree so it redraws alone.
 */
export function ChartOverlay({ runs, width, height, xMode, xDomain, onZoom }: ChartOverlayProps) {
  const [hoverPx, setHoverPx] = useState<number | null>(null);
  const [drag, setDrag] = useState<{ from: number; to: number } | null>(null);
  const { left, top, width: plotWidth, height: plotHeight } = plotBox(width, height);
  const toX = (px: number) => xDomain[0] + (px / plotWidth) * (xDomain[1] - xDomain[0]);
  const localPx = (e: PointerEvent<HTMLDivElement>) =>
    Math.max(0, Math.min(plotWidth, e.clientX - e.currentTarget.getBoundingClientRect().left));

  const onDown = (e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    const px = localPx(e);
    setDrag({ from: px, to: px });
  };
  const onMove = (e: PointerEvent<HTMLDivElement>) => {
    const px = localPx(e);
    setHoverPx(px);
    if (drag) setDrag({ ...drag, to: px });
  };
  const onUp = () => {
    if (drag && Math.abs(drag.to - drag.from) >= MIN_DRAG_PX) {
      onZoom(toX(drag.from), toX(drag.to));
    }
    setDrag(null);
  };

  const hoverX = hoverPx === null ? null : toX(hoverPx);
  const rows =
    hoverX === null || drag
      ? []
      : runs.flatMap((r) => {
          const i = nearestIndex(r.x, hoverX);
          if (i < 0) return [];
          return [
            {
              run: r,
              step: r.series.step[i] as number,
              value: r.series.value[i] as number,
              smoothed: r.smoothed ? (r.smoothed[i] as number) : null,
            },
          ];
        });
  const first = rows[0];

  return (
    <div
      className="metric-chart-overlay"
      style={{ left, top, width: plotWidth, height: plotHeight }}
      onPointerDown={onDown}
      onPointerMove={onMove}
      onPointerUp={onUp}
      onPointerCancel={() => setDrag(null)}
      onPointerLeave={() => !drag && setHoverPx(null)}
      data-testid="metric-chart-plot"
    >
      {drag && (
        <div
          className="metric-chart-selection"
          style={{ left: Math.min(drag.from, drag.to), width: Math.abs(drag.to - drag.from) }}
        />
      )}
      {hoverPx !== null && !drag && (
        <div className="metric-chart-cursor" style={{ left: hoverPx }} />
      )}
      {first && hoverPx !== null && (
        <div
          className="metric-chart-tooltip"
          role="tooltip"
          style={
            hoverPx > plotWidth / 2 ? { right: plotWidth - hoverPx + 12 } : { left: hoverPx + 12 }
          }
        >
          <div className="metric-chart-tooltip-x">
            {xMode === 'step'
              ? `Step ${first.step.toLocaleString('en')}`
              : formatX(xMode, first.run.x[nearestIndex(first.run.x, hoverX ?? 0)] ?? 0, 0)}
          </div>
          {rows.map((row) => (
            <div key={row.run.runId} className="metric-chart-tooltip-row">
              <span className="metric-chart-swatch" style={{ background: row.run.color }} />
              <span className="metric-chart-tooltip-name">{row.run.name}</span>
              <span className="metric-chart-tooltip-value">
                {formatMetric(row.smoothed ?? row.value)}
                {row.smoothed !== null && (
                  <span className="metric-chart-tooltip-raw"> (raw {formatMetric(row.value)})</span>
                )}
                {xMode !== 'step' && (
                  <span className="metric-chart-tooltip-raw">
                    {' '}
                    · step {row.step.toLocaleString('en')}
                  </span>
                )}
              </span>
            </div>
          ))}
        </div>
      )}
    </div>
  );
}
