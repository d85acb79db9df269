import { useMemo } from 'react';
import type { CSSProperties, RefObject } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { Column } from '@tanstack/react-table';
import type { RunColumnMeta, RunsTableFeatures, TableRow } from './runs-table-model';

type RunColumn = Column<RunsTableFeatures, TableRow, unknown>;

/** A column in view, or a spacer standing for the columns scrolled out of view on one side. */
export interface RenderedColumn {
  key: string;
  id: string;
  width: number;
  spacer?: 'left' | 'right';
  column?: RunColumn;
  className?: string;
  style?: CSSProperties;
  render?: RunColumnMeta['render'];
  metricKey?: string;
}

function cellClass(meta: RunColumnMeta | undefined): string {
  return [
    meta?.numeric ? 'is-numeric' : '',
    meta?.sticky ? 'is-sticky' : '',
    meta?.kindStart ? 'is-kind-start' : '',
  ].join(' ');
}

/**
 * Column virtualization: the sticky columns (checkbox, name, pinned) always, then only the other
 * columns near the horizontal viewport, with one spacer column each side keeping widths right.
 * The list is memoized on the visible range, so vertical scrolling passes rows the same array.
 */
export function useColumnWindow(
  columns: readonly RunColumn[],
  scrollRef: RefObject<HTMLDivElement | null>,
): { rendered: RenderedColumn[]; totalWidth: number } {
  const stickyCount = columns.findIndex((c) => !c.columnDef.meta?.sticky);
  const sticky = stickyCount === -1 ? columns : columns.slice(0, stickyCount);
  const scrolling = stickyCount === -1 ? [] : columns.slice(stickyCount);
  const stickyWidth = sticky.reduce((sum, c) => sum + c.getSize(), 0);

  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer re-renders its host itself
  const virtualizer = useVirtualizer({
    horizontal: true,
    count: scrolling.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (i) => scrolling[i]?.getSize() ?? 112,
    getItemKey: (i) => scrolling[i]?.id ?? i,
    paddingStart: stickyWidth,
    overscan: 3,
    useFlushSync: false,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? -1;
  const leftSpace = (items[0]?.start ?? stickyWidth) - stickyWidth;
  const totalWidth = virtualizer.getTotalSize();
  const rightSpace = totalWidth - (items.at(-1)?.end ?? stickyWidth);

  const rendered = useMemo(() => {
    const out: RenderedColumn[] = [];
    let left = 0;
    const describe = (c: RunColumn, style?: CSSProperties): RenderedColumn => ({
      key: c.id,
      id: c.id,
      width: c.getSize(),
      column: c,
      className: cellClass(c.columnDef.meta),
      style,
      render: c.columnDef.meta?.render,
      metricKey: c.columnDef.meta?.metricKey,
    });
    for (const c of sticky) {
      out.push(describe(c, { left }));
      left += c.getSize();
    }
    if (leftSpace > 0) out.push({ key: ' left', id: ' left', width: leftSpace, spacer: 'left' });
    for (const c of scrolling.slice(first, last + 1)) out.push(describe(c));
    if (rightSpace > 0)
      out.push({ key: ' right', id: ' right', width: rightSpace, spacer: 'right' });
    return out;
    // The column objects change only with the column defs; the window with first/last.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [columns, first, last, leftSpace, rightSpace]);

  return { rendered, totalWidth };
}
