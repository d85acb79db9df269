import { useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { useElementWidth } from '@/hooks/useElementWidth';
import { formatMetric } from '@/lib/format';
import type { ScatterPoint } from '@/lib/run-diff/scatter-points';
import { scatterScale } from '@/lib/scatter-scale';
import './run-scatter.css';

interface RunScatterProps {
  points: readonly ScatterPoint[];
  xLabel: string;
  yLabel: string;
  colors: ReadonlyMap<string, string>;
  onOpen: (runId: string) => void;
  height?: number;
  /** What a point is, singular and plural (runs by default; a model's chart plots versions). */
  noun?: readonly [string, string];
}

// Room for the tick labels and the axis titles around the plot.
const MARGIN = { top: 12, right: 20, bottom: 44, left: 64 };

/**
 * One point per run, in the run's colour; hovering or focusing a point names the run and its
 * values, clicking it (or Enter) opens the run. Plain SVG over src/lib's scatter scale: a few
 * hundred circles and two axes need no chart library (recharts made this a 150 ms task).
 */
export function RunScatter({
  points,
  xLabel,
  yLabel,
  colors,
  onOpen,
  height = 320,
  noun = ['run', 'runs'],
}: RunScatterProps) {
  const [hovered, setHovered] = useState<ScatterPoint>();
  const ref = useRef<HTMLDivElement>(null);
  const width = useElementWidth(ref);
  const describe = (p: ScatterPoint) =>
    `${p.name}: ${xLabel} ${formatMetric(p.x)}, ${yLabel} ${formatMetric(p.y)}`;
  const plotW = Math.max(0, width - MARGIN.left - MARGIN.right);
  const plotH = height - MARGIN.top - MARGIN.bottom;
  const xs = scatterScale(points.map((p) => p.x));
  const ys = scatterScale(points.map((p) => p.y));
  const px = (v: number) => MARGIN.left + xs.at(v) * plotW;
  const py = (v: number) => MARGIN.top + (1 - ys.at(v)) * plotH;
  const onKeyDown = (e: KeyboardEvent, runId: string) => {
    if (e.key !== 'Enter' && e.key !== ' ') return;
    e.preventDefault();
    onOpen(runId);
  };
  return (
    <div
      className="run-scatter"
      role="figure"
      aria-label={`${yLabel} against ${xLabel}, ${points.length} ${points.length === 1 ? noun[0] : noun[1]}`}
      ref={ref}
    >
      <p className="run-scatter-hover" role="status">
        {hovered
          ? describe(hovered)
          : `Hover or focus a point to name its ${noun[0]}; click it to open the ${noun[0]}.`}
      </p>
      {width > 0 && (
        <svg width={width} height={height} className="run-scatter-svg">
          <g className="run-scatter-grid" aria-hidden="true">
            {xs.ticks.map((t) => (
              <g key={`x${t}`}>
                <line x1={px(t)} x2={px(t)} y1={MARGIN.top} y2={MARGIN.top + plotH} />
                <text x={px(t)} y={MARGIN.top + plotH + 16} textAnchor="middle">
                  {formatMetric(t)}
                </text>
              </g>
            ))}
            {ys.ticks.map((t) => (
              <g key={`y${t}`}>
                <line x1={MARGIN.left} x2={MARGIN.left + plotW} y1={py(t)} y2={py(t)} />
                <text x={MARGIN.left - 6} y={py(t)} textAnchor="end" dominantBaseline="middle">
                  {formatMetric(t)}
                </text>
              </g>
            ))}
            <text
              className="run-scatter-title"
              x={MARGIN.left + plotW / 2}
              y={height - 6}
              textAnchor="middle"
            >
              {xLabel}
            </text>
            <text
              className="run-scatter-title"
              transform={`translate(14 ${MARGIN.top + plotH / 2}) rotate(-90)`}
              textAnchor="middle"
            >
              {yLabel}
            </text>
          </g>
          {points.map((p) => (
            <circle
              key={p.runId}
              className="run-scatter-dot"
              data-run={p.runId}
              cx={px(p.x)}
              cy={py(p.y)}
              r={6}
              fill={colors.get(p.runId) ?? 'var(--accent)'}
              tabIndex={0}
              role="link"
              aria-label={describe(p)}
              onMouseEnter={() => setHovered(p)}
              onMouseLeave={() => setHovered(undefined)}
              onFocus={() => setHovered(p)}
              onBlur={() => setHovered(undefined)}
              onClick={() => onOpen(p.runId)}
              onKeyDown={(e) => onKeyDown(e, p.runId)}
            />
          ))}
        </svg>
      )}
    </div>
  );
}
