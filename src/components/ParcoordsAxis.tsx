import { memo, useRef } from 'react';
import type { KeyboardEvent, PointerEvent } from 'react';
import { formatMetric } from '@/lib/format';
import { positionOf } from '@/lib/parcoords/axes';
import type { Axis } from '@/lib/parcoords/axes';
import { brushSpans, keyboardBrush } from '@/lib/parcoords/brush';
import type { BrushKey } from '@/lib/parcoords/brush';
import { brushFromDrag, yOf } from '@/lib/parcoords/layout';
import type { PlotLayout } from '@/lib/parcoords/layout';
import type { Brush } from '@/lib/parcoords/types';

interface ParcoordsAxisProps {
  axis: Axis;
  /** Its name on screen (user data). */
  name: string;
  x: number;
  layout: PlotLayout;
  /** The brush shown: the one being dragged, else the committed one. */
  brush: Brush | undefined;
  /** The id of the text explaining the keys. */
  helpId: string;
  /** A brush being dragged, shown but not yet kept. */
  onDraft: (key: string, brush: Brush | undefined) => void;
  /** A brush kept (undefined: cleared). */
  onCommit: (key: string, brush: Brush | undefined) => void;
  /** The drag was abandoned: back to the kept brush. */
  onCancel: () => void;
}

/** Tick labels are cut to this many characters; the whole text is the label's tooltip. */
const LABEL_CHARS = 14;
/** Room per categorical label: beyond that many, every k-th is labelled. */
const LABEL_SPACING = 14;
/** A drag shorter than this is a click, which changes nothing. */
const MIN_DRAG = 3;
const HALF_WIDTH = 12;

const cut = (text: string) =>
  text.length > LABEL_CHARS ? `${text.slice(0, LABEL_CHARS - 1)}…` : text;

function ticksOf(axis: Axis, layout: PlotLayout): { y: number; text: string; full: string }[] {
  if (axis.kind === 'numeric') {
    return axis.ticks.map((t) => ({
      y: yOf(layout, positionOf(axis, t)),
      text: formatMetric(t),
      full: String(t),
    }));
  }
  const n = axis.categories.length;
  const room = Math.max(1, Math.floor((layout.bottom - layout.top) / LABEL_SPACING) + 1);
  const every = Math.max(1, Math.ceil(n / room));
  const out: { y: number; text: string; full: string }[] = [];
  axis.categories.forEach((c, i) => {
    if (i % every === 0 || i === n - 1)
      out.push({ y: yOf(layout, positionOf(axis, i)), text: cut(c) || '(empty)', full: c });
  });
  return out;
}

/** The brush's extent in words, for the brush area's accessible name. */
export function describeBrush(brush: Brush | undefined): string {
  if (!brush) return 'no brush';
  if (brush.kind === 'missing') return 'brushed: missing values only';
  const missing = brush.missing ? ', and missing values' : '';
  if (brush.kind === 'range')
    return `brushed from ${formatMetric(brush.lo)} to ${formatMetric(brush.hi)}${missing}`;
  const shown = brush.values.slice(0, 5).join(', ');
  const more = brush.values.length > 5 ? ` and ${brush.values.length - 5} more` : '';
  return `brushed: ${shown}${more}${missing}`;
}

const KEYS: Record<string, [BrushKey, BrushKey]> = {
  ArrowUp: ['up', 'grow-up'],
  ArrowDown: ['down', 'grow-down'],
};

/**
 * One axis: its line, ticks and missing slot, its brush, and the strip over it that takes a drag
 * (or, focused, the keys) to brush. SVG only; the title above is HTML (ParcoordsTitles).
 */
export const ParcoordsAxis = memo(function ParcoordsAxis(props: ParcoordsAxisProps) {
  const { axis, x, layout, brush, name } = props;
  const drag = useRef<{ y0: number; moved: boolean } | null>(null);

  const yAt = (e: PointerEvent<SVGRectElement>) => {
    const svg = e.currentTarget.ownerSVGElement;
    return e.clientY - (svg?.getBoundingClientRect().top ?? 0);
  };
  const onPointerDown = (e: PointerEvent<SVGRectElement>) => {
    if (e.button !== 0) return;
    e.preventDefault();
    e.currentTarget.focus({ preventScroll: true });
    e.currentTarget.setPointerCapture(e.pointerId);
    drag.current = { y0: yAt(e), moved: false };
  };
  const onPointerMove = (e: PointerEvent<SVGRectElement>) => {
    const d = drag.current;
    if (!d) return;
    const y = yAt(e);
    if (!d.moved && Math.abs(y - d.y0) < MIN_DRAG) return;
    d.moved = true;
    props.onDraft(axis.key, brushFromDrag(axis, layout, d.y0, y));
  };
  const onPointerUp = (e: PointerEvent<SVGRectElement>) => {
    const d = drag.current;
    drag.current = null;
    if (e.currentTarget.hasPointerCapture(e.pointerId))
      e.currentTarget.releasePointerCapture(e.pointerId);
    if (d?.moved) props.onCommit(axis.key, brushFromDrag(axis, layout, d.y0, yAt(e)));
  };
  const onPointerCancel = () => {
    if (drag.current?.moved) props.onCancel();
    drag.current = null;
  };
  const onKeyDown = (e: KeyboardEvent<SVGRectElement>) => {
    if (e.key === 'Escape' || e.key === 'Delete' || e.key === 'Backspace') {
      if (drag.current?.moved) {
        drag.current = null;
        props.onCancel();
      } else if (brush) props.onCommit(axis.key, undefined);
      else return;
      e.preventDefault();
      return;
    }
    const keys = KEYS[e.key];
    if (!keys || e.altKey || e.ctrlKey || e.metaKey) return;
    e.preventDefault();
    props.onCommit(axis.key, keyboardBrush(axis, brush, e.shiftKey ? keys[1] : keys[0]));
  };

  const spans = brush ? brushSpans(axis, brush) : { spans: [], missing: false };
  const top = layout.top - 6;
  const bottom = layout.missingY + 8;
  return (
    <g className="parcoords-axis">
      <line className="parcoords-axis-line" x1={x} x2={x} y1={layout.top} y2={layout.bottom} />
      {ticksOf(axis, layout).map((t, i) => (
        <g key={i} className="parcoords-tick">
          <line x1={x - 4} x2={x} y1={t.y} y2={t.y} />
          <text x={x - 7} y={t.y} dy="0.32em" textAnchor="end">
            <title>{t.full}</title>
            {t.text}
          </text>
        </g>
      ))}
      {axis.missing > 0 && (
        <g className="parcoords-missing">
          <circle cx={x} cy={layout.missingY} r={2.5} />
          <text x={x - 7} y={layout.missingY} dy="0.32em" textAnchor="end">
            <title>{`No value, or not a finite number: ${axis.missing.toLocaleString('en')} ${axis.missing === 1 ? 'run' : 'runs'}`}</title>
            missing
          </text>
        </g>
      )}
      {spans.spans.map(([p0, p1], i) => {
        const y0 = yOf(layout, p1);
        const y1 = yOf(layout, p0);
        const pad = axis.kind === 'categorical' ? 5 : 0;
        return (
          <rect
            key={i}
            className="parcoords-brush"
            x={x - 7}
            width={14}
            y={y0 - pad}
            height={Math.max(3, y1 - y0 + 2 * pad)}
          />
        );
      })}
      {spans.missing && (
        <rect
          className="parcoords-brush"
          x={x - 7}
          width={14}
          y={layout.missingY - 6}
          height={12}
        />
      )}
      <rect
        className="parcoords-brush-area"
        data-axis={axis.key}
        x={x - HALF_WIDTH}
        width={2 * HALF_WIDTH}
        y={top}
        height={bottom - top}
        tabIndex={0}
        role="button"
        aria-roledescription="brush"
        aria-label={`${name}: ${describeBrush(brush)}`}
        aria-describedby={props.helpId}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerCancel}
        onLostPointerCapture={onPointerCancel}
        onDoubleClick={() => brush && props.onCommit(axis.key, undefined)}
        onKeyDown={onKeyDown}
      />
    </g>
  );
});
