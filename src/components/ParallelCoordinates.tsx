import { useCallback, useId, useMemo, useRef, useState } from 'react';
import type { PointerEvent } from 'react';
import { useElementWidth } from '@/hooks/useElementWidth';
import { axisColumn, buildAxes, moveAxis } from '@/lib/parcoords/axes';
import { withBrush } from '@/lib/parcoords/brush';
import { axisX, nearestRun, plotLayout, projectRuns } from '@/lib/parcoords/layout';
import { paintRuns } from '@/lib/parcoords/paint';
import type { AxisKey, AxisSpec, Brush, Brushes, ParcoordsRun } from '@/lib/parcoords/types';
import { parseAxisKey } from '@/lib/parcoords/types';
import { ParcoordsAxis } from './ParcoordsAxis';
import { ParcoordsLegend } from './ParcoordsLegend';
import { ParcoordsTitles } from './ParcoordsTitles';
import { useDevicePixelRatio, useParcoordsCanvas, useParcoordsColors } from './useParcoordsCanvas';
import type { ParcoordsScene } from '@/lib/parcoords/draw';
import './parcoords.css';

export interface ParallelCoordinatesProps {
  runs: readonly ParcoordsRun[];
  /** The axes in order. */
  axes: readonly AxisSpec[];
  brushes: Brushes;
  /** The metric colouring the lines; undefined for each run's colour in `runColors`. */
  colorBy: AxisKey | undefined;
  /** Each run's own colour by id; the accent colour for a run not in it. */
  runColors?: ReadonlyMap<string, string>;
  onAxesChange: (axes: AxisSpec[]) => void;
  /** Called when a brush is kept (at the end of a drag, or a key), not during a drag. */
  onBrushesChange: (brushes: Brushes) => void;
  /** A run drawn on top, thicker (e.g. hovered elsewhere on the page). */
  highlightedId?: string;
  onHoverRun?: (id: string | undefined) => void;
  /** The plot's accessible name. */
  label: string;
  /** Of the plot, without the titles; 320 by default. */
  height?: number;
}

/** Within this many pixels of a line, the pointer is on it. */
const HOVER_REACH = 6;

/** The name an axis shows: its field's own key. */
const nameOf = (key: AxisKey) => parseAxisKey(key)?.key ?? key;

/**
 * Parallel coordinates: one vertical axis per param or metric, one line per run across them. Lines
 * are drawn on a canvas (1,000 runs stay fast); axes, ticks and brushes are SVG over it, titles
 * HTML above. Drag along an axis to brush it (the runs outside every brush fade), double-click or
 * Escape clears; drag a title sideways to move its axis. Keys: see the help text below.
 */
export function ParallelCoordinates(props: ParallelCoordinatesProps) {
  const { runs, brushes, colorBy, runColors, onBrushesChange, onAxesChange, onHoverRun } = props;
  const height = props.height ?? 320;
  const helpId = useId();
  const rootRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const width = useElementWidth(rootRef);
  const colors = useParcoordsColors();
  const dpr = useDevicePixelRatio();
  const [draft, setDraft] = useState<{ key: string; brush: Brush | undefined } | null>(null);
  const [hovered, setHovered] = useState<{ index: number; x: number; y: number } | null>(null);

  const axes = useMemo(() => buildAxes(props.axes, runs), [props.axes, runs]);
  const columns = useMemo(() => axes.map((a) => axisColumn(a, runs)), [axes, runs]);
  const layout = useMemo(() => plotLayout(width, height), [width, height]);
  const xs = useMemo(() => axes.map((_, i) => axisX(layout, i, axes.length)), [axes, layout]);
  const ys = useMemo(
    () => projectRuns(axes, columns, runs.length, layout),
    [axes, columns, runs.length, layout],
  );
  const paint = useMemo(
    () => paintRuns(runs, colorBy, runColors, colors),
    [runs, colorBy, runColors, colors],
  );
  const shown = useMemo(
    () => (draft ? withBrush(brushes, draft.key, draft.brush) : brushes),
    [brushes, draft],
  );
  const highlighted = useMemo(() => {
    if (props.highlightedId !== undefined)
      return runs.findIndex((r) => r.id === props.highlightedId);
    return hovered?.index ?? -1;
  }, [runs, props.highlightedId, hovered]);

  const scene = useMemo<ParcoordsScene>(
    () => ({
      width,
      height,
      axes,
      columns,
      ys,
      xs,
      runs: runs.length,
      colorOf: paint.colorOf,
      palette: paint.palette,
      order: paint.order,
      brushes: shown,
      highlighted,
    }),
    [width, height, axes, columns, ys, xs, runs.length, paint, shown, highlighted],
  );
  useParcoordsCanvas(canvasRef, scene, colors, dpr);

  const onDraft = useCallback(
    (key: string, brush: Brush | undefined) => setDraft({ key, brush }),
    [],
  );
  const onCommit = useCallback(
    (key: string, brush: Brush | undefined) => {
      onBrushesChange(withBrush(brushes, key, brush));
      setDraft(null);
    },
    [brushes, onBrushesChange],
  );
  const onCancel = useCallback(() => setDraft(null), []);

  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    if (e.buttons !== 0 || axes.length === 0) return;
    const box = e.currentTarget.getBoundingClientRect();
    const x = e.clientX - box.left;
    const y = e.clientY - box.top;
    const index = nearestRun(ys, xs, x, y, HOVER_REACH);
    if (index === (hovered?.index ?? -1)) {
      if (hovered) setHovered({ index, x, y });
      return;
    }
    setHovered(index < 0 ? null : { index, x, y });
    onHoverRun?.(index < 0 ? undefined : runs[index]?.id);
  };
  const onPointerLeave = () => {
    if (!hovered) return;
    setHovered(null);
    onHoverRun?.(undefined);
  };

  const names = axes.map((a) => nameOf(a.key));
  const hoveredRun = hovered ? runs[hovered.index] : undefined;
  return (
    <div className="parcoords" ref={rootRef} role="group" aria-label={props.label}>
      <p id={helpId} className="visually-hidden">
        Drag along an axis to brush it. Focused on an axis: Shift+Up grows the brush upward,
        Shift+Down downward, Up and Down move it, Escape clears it.
      </p>
      {axes.length === 0 ? (
        <p className="parcoords-empty">No axes chosen.</p>
      ) : (
        <>
          <ParcoordsTitles
            axes={axes}
            names={names}
            xs={xs}
            layout={layout}
            onMove={(from, to) => onAxesChange(moveAxis(props.axes, from, to))}
            onToggleLog={(i) =>
              onAxesChange(
                props.axes.map((a, k) =>
                  k === i ? { ...a, scale: a.scale === 'log' ? 'linear' : 'log' } : a,
                ),
              )
            }
          />
          <div
            className="parcoords-plot"
            style={{ height }}
            onPointerMove={onPointerMove}
            onPointerLeave={onPointerLeave}
            onPointerDown={onPointerLeave}
          >
            <canvas
              ref={canvasRef}
              className="parcoords-canvas"
              style={{ width, height }}
              aria-hidden="true"
            />
            {width > 0 && (
              <svg className="parcoords-svg" width={width} height={height}>
                {axes.map((axis, i) => (
                  <ParcoordsAxis
                    key={axis.key}
                    axis={axis}
                    name={names[i] ?? axis.field}
                    x={xs[i] ?? 0}
                    layout={layout}
                    brush={shown.get(axis.key)}
                    helpId={helpId}
                    onDraft={onDraft}
                    onCommit={onCommit}
                    onCancel={onCancel}
                  />
                ))}
              </svg>
            )}
            {hovered && hoveredRun && (
              <div
                className="parcoords-tooltip"
                style={{ left: hovered.x + 12, top: Math.max(0, hovered.y - 28) }}
                aria-hidden="true"
              >
                {hoveredRun.name}
              </div>
            )}
          </div>
        </>
      )}
      {colorBy && <ParcoordsLegend name={nameOf(colorBy)} range={paint.range} />}
    </div>
  );
}
