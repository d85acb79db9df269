import type { BaseTickContentProps } from 'recharts';
import type { XAxisMode } from '@/lib/chart-axes';
import { formatDuration, formatStep, formatWallTime } from '@/lib/chart-axes';

export function formatX(mode: XAxisMode, x: number, span: number): string {
  if (mode === 'wall') return formatWallTime(x, span);
  if (mode === 'relative') return formatDuration(x);
  return formatStep(x);
}

export function formatY(v: number): string {
  const a = Math.abs(v);
  if (a !== 0 && (a >= 1e5 || a < 1e-3)) return v.toExponential(1);
  return String(+v.toPrecision(4));
}

/**
 * Tick labels as plain SVG text. recharts' own <Text> measures every label in the DOM to wrap it
 * (and `minTickGap` measures them again to thin them out), which was most of the cost of a chart's
 * first draw; our ticks are few and short, and spaced by us.
 */
export function tickLabel(format: (v: number) => string) {
  return function TickLabel({
    x,
    y,
    payload,
    textAnchor,
    verticalAnchor,
    className,
  }: BaseTickContentProps) {
    // A tick recharts could not place has no position to give an attribute.
    if (!Number.isFinite(Number(x)) || !Number.isFinite(Number(y))) return null;
    return (
      <text
        x={x}
        y={y}
        textAnchor={textAnchor}
        dy={verticalAnchor === 'start' ? '0.71em' : '0.32em'}
        className={className}
        fill="var(--text-muted)"
        fontSize={11}
      >
        {format(Number(payload.value))}
      </text>
    );
  };
}
