import { useState } from 'react';
import type { KeyboardEvent } from 'react';
import { CartesianGrid, ResponsiveContainer, Scatter, ScatterChart, XAxis, YAxis } from 'recharts';
import { formatMetric } from '@/lib/format';
import type { ScatterPoint } from '@/lib/run-diff/scatter-points';
import './run-scatter.css';

interface RunScatterProps {
  points: readonly ScatterPoint[];
  xLabel: string;
  yLabel: string;
  colors: ReadonlyMap<string, string>;
  onOpen: (runId: string) => void;
  height?: number;
}

interface DotProps {
  cx?: number;
  cy?: number;
  payload?: ScatterPoint;
}

/**
 * One point per run, in the run's colour; hovering or focusing a point names the run and its
 * values, clicking it (or Enter) opens the run. Shared UI over src/lib's scatter points; recharts
 * draws the axes and places the points, which are our own focusable circles.
 */
export function RunScatter({
  points,
  xLabel,
  yLabel,
  colors,
  onOpen,
  height = 320,
}: RunScatterProps) {
  const [hovered, setHovered] = useState<ScatterPoint>();
  const describe = (p: ScatterPoint) =>
    `${p.name}: ${xLabel} ${formatMetric(p.x)}, ${yLabel} ${formatMetric(p.y)}`;
  const Dot = ({ cx, cy, payload }: DotProps) => {
    if (cx === undefined || cy === undefined || !payload) return <g />;
    const open = () => onOpen(payload.runId);
    const onKeyDown = (e: KeyboardEvent) => {
      if (e.key !== 'Enter' && e.key !== ' ') return;
      e.preventDefault();
      open();
    };
    return (
      <circle
        className="run-scatter-dot"
        data-run={payload.runId}
        cx={cx}
        cy={cy}
        r={6}
        fill={colors.get(payload.runId) ?? 'var(--accent)'}
        tabIndex={0}
        role="link"
        aria-label={describe(payload)}
        onMouseEnter={() => setHovered(payload)}
        onMouseLeave={() => setHovered(undefined)}
        onFocus={() => setHovered(payload)}
        onBlur={() => setHovered(undefined)}
        onClick={open}
        onKeyDown={onKeyDown}
      />
    );
  };
  return (
    <div
      className="run-scatter"
      role="figure"
      aria-label={`${yLabel} against ${xLabel}, ${points.length} runs`}
    >
      <p className="run-scatter-hover" role="status">
        {hovered
          ? describe(hovered)
          : 'Hover or focus a point to name its run; click it to open the run.'}
      </p>
      <ResponsiveContainer width="100%" height={height}>
        <ScatterChart
          margin={{ top: 12, right: 20, bottom: 28, left: 12 }}
          accessibilityLayer={false}
        >
          <CartesianGrid stroke="var(--border)" strokeDasharray="3 3" />
          <XAxis
            type="number"
            dataKey="x"
            name={xLabel}
            domain={['auto', 'auto']}
            tickFormatter={formatMetric}
            stroke="var(--text-muted)"
            label={{
              value: xLabel,
              position: 'insideBottom',
              offset: -16,
              fill: 'var(--text-muted)',
            }}
          />
          <YAxis
            type="number"
            dataKey="y"
            name={yLabel}
            domain={['auto', 'auto']}
            tickFormatter={formatMetric}
            stroke="var(--text-muted)"
            label={{ value: yLabel, angle: -90, position: 'insideLeft', fill: 'var(--text-muted)' }}
          />
          <Scatter data={points as ScatterPoint[]} isAnimationActive={false} shape={Dot} />
        </ScatterChart>
      </ResponsiveContainer>
    </div>
  );
}
