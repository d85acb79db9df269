import { useEffect, useRef, useState } from 'react';
import type { KeyboardEvent, PointerEvent } from 'react';
import type { Axis } from '@/lib/parcoords/axes';
import { axisIndexAt } from '@/lib/parcoords/layout';
import type { PlotLayout } from '@/lib/parcoords/layout';

interface ParcoordsTitlesProps {
  axes: readonly Axis[];
  names: readonly string[];
  xs: readonly number[];
  layout: PlotLayout;
  onMove: (from: number, to: number) => void;
  onToggleLog: (index: number) => void;
}

/** Less than this is a click on a title, not a drag. */
const MIN_DRAG = 4;
const MAX_WIDTH = 150;

/**
 * The axes' titles, above the plot: drag one sideways (or focus it and press Alt+← / Alt+→) to move
 * its axis; a numeric axis whose values are all > 0 has a log toggle. Names are cut with an
 * ellipsis; the whole name is the title's tooltip.
 */
export function ParcoordsTitles(props: ParcoordsTitlesProps) {
  const { axes, xs, layout, names } = props;
  const [drag, setDrag] = useState<{ index: number; x0: number; dx: number } | null>(null);
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const refocus = useRef<string | null>(null);

  // A moved title is another slot's element now: give it focus back after the move.
  useEffect(() => {
    const key = refocus.current;
    if (key === null) return;
    refocus.current = null;
    buttons.current.get(key)?.focus();
  });

  const gap = axes.length > 1 ? (layout.right - layout.left) / (axes.length - 1) : MAX_WIDTH;
  const width = Math.max(48, Math.min(MAX_WIDTH, gap - 8));

  const onPointerDown = (e: PointerEvent<HTMLButtonElement>, index: number) => {
    if (e.button !== 0) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    setDrag({ index, x0: e.clientX, dx: 0 });
  };
  const onPointerMove = (e: PointerEvent<HTMLButtonElement>) => {
    if (drag) setDrag({ ...drag, dx: e.clientX - drag.x0 });
  };
  const onPointerUp = (e: PointerEvent<HTMLButtonElement>) => {
    if (!drag) return;
    setDrag(null);
    const dx = e.clientX - drag.x0;
    if (Math.abs(dx) < MIN_DRAG) return;
    const to = axisIndexAt(layout, axes.length, (xs[drag.index] ?? 0) + dx);
    if (to !== drag.index) {
      refocus.current = axes[drag.index]?.key ?? null;
      props.onMove(drag.index, to);
    }
  };
  const onKeyDown = (e: KeyboardEvent<HTMLButtonElement>, index: number) => {
    if (!e.altKey || (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight')) return;
    e.preventDefault();
    const to = index + (e.key === 'ArrowLeft' ? -1 : 1);
    if (to < 0 || to >= axes.length) return;
    refocus.current = axes[index]?.key ?? null;
    props.onMove(index, to);
  };

  const dropAt =
    drag && Math.abs(drag.dx) >= MIN_DRAG
      ? axisIndexAt(layout, axes.length, (xs[drag.index] ?? 0) + drag.dx)
      : undefined;

  return (
    <div className="parcoords-titles" style={{ height: 44 }}>
      {dropAt !== undefined && dropAt !== drag?.index && (
        <div className="parcoords-drop" style={{ left: xs[dropAt] }} aria-hidden="true" />
      )}
      {axes.map((axis, i) => {
        const name = names[i] ?? axis.field;
        const dragging = drag?.index === i && dropAt !== undefined;
        const kind = axis.source === 'param' ? 'param' : 'metric';
        return (
          <div
            key={axis.key}
            className={`parcoords-title${dragging ? ' is-dragging' : ''}`}
            style={{
              // Centred over its axis, but kept inside the plot at either end.
              left: Math.max(0, Math.min(layout.width - width, (xs[i] ?? 0) - width / 2)),
              width,
              transform: dragging ? `translateX(${drag.dx}px)` : undefined,
            }}
          >
            <button
              type="button"
              ref={(el) => {
                if (el) buttons.current.set(axis.key, el);
                else buttons.current.delete(axis.key);
              }}
              className="parcoords-title-button"
              title={`${kind} ${name}`}
              aria-label={`${kind} ${name}, axis ${i + 1} of ${axes.length}; Alt+Left or Alt+Right moves it`}
              onPointerDown={(e) => onPointerDown(e, i)}
              onPointerMove={onPointerMove}
              onPointerUp={onPointerUp}
              onPointerCancel={() => setDrag(null)}
              onKeyDown={(e) => onKeyDown(e, i)}
            >
              <span className="parcoords-title-kind" aria-hidden="true">
                {kind}
              </span>
              <span className="parcoords-title-name">{name}</span>
            </button>
            {axis.kind === 'numeric' && axis.logAllowed && (
              <button
                type="button"
                className="parcoords-log"
                aria-pressed={axis.scale === 'log'}
                aria-label={`Log scale for ${name}`}
                title="Log scale"
                onClick={() => props.onToggleLog(i)}
              >
                log
              </button>
            )}
          </div>
        );
      })}
    </div>
  );
}
