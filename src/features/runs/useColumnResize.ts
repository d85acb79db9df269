import { useState } from 'react';
import type { PointerEvent as ReactPointerEvent } from 'react';
import { clampColumnWidth } from '@/lib/runs-view-state';

interface Draft {
  id: string;
  /** The width shown while dragging, and until the URL has the committed one. */
  width: number;
  /** Committed: the width the URL will hold (undefined: the default), on its way there. */
  pending: boolean;
  target: number | undefined;
}

/** Keyboard steps of a focused resize handle. */
export const RESIZE_STEP = 16;

/**
 * Column widths while resizing: a local draft follows the pointer (one update per frame, listeners
 * on the window only during a drag), then the width is committed to the URL on release. The draft
 * stays until the URL has it, so the column does not flash back while the URL update lands.
 */
export function useColumnResize(
  committed: Readonly<Record<string, number>>,
  commit: (id: string, width: number | undefined) => void,
) {
  const [draft, setDraft] = useState<Draft | null>(null);
  // Adjusting state while rendering (React's documented pattern): the URL caught up.
  if (draft?.pending && committed[draft.id] === draft.target) setDraft(null);

  const widths =
    draft && committed[draft.id] !== draft.width
      ? { ...committed, [draft.id]: draft.width }
      : committed;

  const commitWidth = (id: string, width: number | undefined, shown: number) => {
    setDraft({ id, width: shown, pending: true, target: width });
    commit(id, width);
  };

  const startResize = (e: ReactPointerEvent<HTMLElement>, id: string, start: number) => {
    if (e.button !== 0) return;
    e.preventDefault();
    e.stopPropagation();
    const startX = e.clientX;
    let latest = start;
    let frame = 0;
    const onMove = (ev: PointerEvent) => {
      latest = clampColumnWidth(start + ev.clientX - startX);
      if (frame) return;
      frame = requestAnimationFrame(() => {
        frame = 0;
        setDraft({ id, width: latest, pending: false, target: undefined });
      });
    };
    const end = (ev: PointerEvent) => {
      cancelAnimationFrame(frame);
      window.removeEventListener('pointermove', onMove);
      window.removeEventListener('pointerup', end);
      window.removeEventListener('pointercancel', end);
      document.documentElement.classList.remove('runs-resizing');
      if (ev.type === 'pointerup' && latest !== start) commitWidth(id, latest, latest);
      else setDraft(null);
    };
    window.addEventListener('pointermove', onMove);
    window.addEventListener('pointerup', end);
    window.addEventListener('pointercancel', end);
    document.documentElement.classList.add('runs-resizing');
  };

  /** Keyboard and double-click: straight to the URL; a width of undefined is the default. */
  const resizeTo = (id: string, width: number | undefined, fallback: number) =>
    commitWidth(id, width === undefined ? undefined : clampColumnWidth(width), width ?? fallback);

  return {
    widths,
    resizing: draft?.pending === false ? draft.id : undefined,
    startResize,
    resizeTo,
  };
}
