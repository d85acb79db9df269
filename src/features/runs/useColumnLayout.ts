import { useLayoutEffect, useRef } from 'react';
import type { RefObject } from 'react';
import type { DropSide } from '@/lib/column-order';
import type { HeaderControls } from './RunsHeaderCell';
import { useColumnDrag } from './useColumnDrag';
import { useColumnResize } from './useColumnResize';
import { useColumnWindow } from './useColumnWindow';
import type { RunColumn } from './useColumnWindow';

export interface ColumnActions {
  resizeColumn: (id: string, width: number | undefined) => void;
  moveColumn: (from: string, to: string, side: DropSide) => void;
  stepColumn: (id: string, delta: -1 | 1) => void;
}

/**
 * The columns in view with their widths, and what the headers do to them: resize (drag or keys),
 * move (drag, or Alt+←/→ on a focused header, which keeps the focus on it).
 */
export function useColumnLayout(
  columns: readonly RunColumn[],
  widths: Readonly<Record<string, number>>,
  actions: ColumnActions,
  scrollRef: RefObject<HTMLDivElement | null>,
) {
  const resize = useColumnResize(widths, actions.resizeColumn);
  const { rendered, colWidths, totalWidth } = useColumnWindow(columns, resize.widths, scrollRef);
  const { drag, startMove } = useColumnDrag(scrollRef, actions.moveColumn);

  // The header's cell moves in the DOM, which drops the focus: it is put back once the order shows.
  const refocus = useRef<{ id: string; order: string } | null>(null);
  const order = rendered.map((c) => c.id).join('\u0000');
  useLayoutEffect(() => {
    const want = refocus.current;
    if (!want || want.order === order) return;
    refocus.current = null;
    const th = scrollRef.current?.querySelector(
      `thead th[data-column-id="${CSS.escape(want.id)}"]`,
    );
    const button = th?.querySelector<HTMLElement>('.runs-sort-button');
    button?.focus();
    button?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [order, scrollRef]);

  const controls: HeaderControls = {
    startMove,
    step: (id, delta) => {
      // Columns of a group are neighbours; past the group's edge there is nothing to do.
      const at = columns.findIndex((c) => c.id === id);
      const here = columns[at]?.columnDef.meta;
      const there = columns[at + delta]?.columnDef.meta;
      if (!there?.kind || Boolean(there.sticky) !== Boolean(here?.sticky)) return;
      refocus.current = { id, order };
      actions.stepColumn(id, delta);
    },
    startResize: resize.startResize,
    resizeTo: resize.resizeTo,
  };

  return { rendered, colWidths, totalWidth, drag, resizing: resize.resizing, controls };
}
