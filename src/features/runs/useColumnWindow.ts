import { useCallback, useMemo } from 'react';
import type { CSSProperties, RefObject } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { Column } from '@tanstack/react-table';
import type { RunColumnMeta, RunsTableFeatures, TableRow } from './runs-table-model';

export type RunColumn = Column<RunsTableFeatures, TableRow, unknown>;

/** A column in view, or a spacer standing for the columns scrolled out of view on one side. */
export interface RenderedColumn {
  key: string;
  id: string;
  spacer?: 'left' | 'right';
  column?: RunColumn;
  className?: string;
  style?: CSSProperties;
  render?: RunColumnMeta['render'];
  title?: RunColumnMeta['title'];
  metricKey?: string;
}

/** The CSS variable holding the width of the rendered column at `position`. */
export const widthVar = (position: number) => `--runs-col-${position}`;

function cellClass(meta: RunColumnMeta | undefined): string {
  return [
    meta?.numeric ? 'is-numeric' : '',
    meta?.sticky ? 'is-sticky' : '',
    meta?.kindStart ? 'is-kind-start' : '',
  ].join(' ');
}

/** A column's width: the user's, else its default. */
export function columnWidth(c: RunColumn, widths: Readonly<Record<string, number>>): number {
  return widths[c.id] ?? c.getSize();
}

/**
 * Column virtualization: the sticky columns (checkbox, name, pinned) always, then only the other
 * columns near the horizontal viewport, with one spacer column each side keeping widths right.
 * Widths vary per column (`widths`, by id, over the defaults). The rendered list, which rows are
 * memoized on, holds no widths: it changes with the visible range and the sticky offsets only, so
 * vertical scrolling and resizing a scrolling column re-render no row. A cell's width is the CSS
 * variable of its place in the list (`widthVar`); `colWidths` gives their values, set on the table.
 */
export function useColumnWindow(
  columns: readonly RunColumn[],
  widths: Readonly<Record<string, number>>,
  scrollRef: RefObject<HTMLDivElement | null>,
): { rendered: RenderedColumn[]; colWidths: number[]; totalWidth: number } {
  const { sticky, scrolling } = useMemo((): Record<
    'sticky' | 'scrolling',
    readonly RunColumn[]
  > => {
    const stickyCount = columns.findIndex((c) => !c.columnDef.meta?.sticky);
    return stickyCount === -1
      ? { sticky: columns, scrolling: [] }
      : { sticky: columns.slice(0, stickyCount), scrolling: columns.slice(stickyCount) };
  }, [columns]);
  const sizes = useMemo(() => scrolling.map((c) => columnWidth(c, widths)), [scrolling, widths]);
  const stickyKey = sticky.map((c) => columnWidth(c, widths)).join(',');
  const stickyWidth = sticky.reduce((sum, c) => sum + columnWidth(c, widths), 0);
  // The virtualizer recomputes its item offsets when getItemKey changes identity, and only then:
  // so it does whenever the widths do, and never on a scroll.
  // eslint-disable-next-line react-hooks/exhaustive-deps -- a new identity per widths is the point
  const getItemKey = useCallback((i: number) => scrolling[i]?.id ?? i, [scrolling, sizes]);
  const estimateSize = useCallback((i: number) => sizes[i] ?? 112, [sizes]);

  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer re-renders its host itself
  const virtualizer = useVirtualizer({
    horizontal: true,
    count: scrolling.length,
    getScrollElement: () => scrollRef.current,
    estimateSize,
    getItemKey,
    paddingStart: stickyWidth,
    // One column each side (columns are ≥ 36 px, most over 100): every extra one is a cell per row.
    overscan: 1,
    useFlushSync: false,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? -1;
  const leftSpace = (items[0]?.start ?? stickyWidth) - stickyWidth;
  const totalWidth = virtualizer.getTotalSize();
  const rightSpace = totalWidth - (items.at(-1)?.end ?? stickyWidth);
  const hasLeft = leftSpace > 0;
  const hasRight = rightSpace > 0;

  const rendered = useMemo(() => {
    const out: RenderedColumn[] = [];
    const width = () => `var(${widthVar(out.length)})`;
    const describe = (c: RunColumn, left?: number): RenderedColumn => ({
      key: c.id,
      id: c.id,
      column: c,
      className: cellClass(c.columnDef.meta),
      style: left === undefined ? { width: width() } : { width: width(), left },
      render: c.columnDef.meta?.render,
      title: c.columnDef.meta?.title,
      metricKey: c.columnDef.meta?.metricKey,
    });
    const spacer = (side: 'left' | 'right'): RenderedColumn => ({
      key: ` ${side}`,
      id: ` ${side}`,
      spacer: side,
      style: { width: width() },
    });
    const stickyWidths = stickyKey.split(',').map(Number);
    let left = 0;
    sticky.forEach((c, i) => {
      out.push(describe(c, left));
      left += stickyWidths[i] ?? 0;
    });
    if (hasLeft) out.push(spacer('left'));
    for (const c of scrolling.slice(first, last + 1)) out.push(describe(c));
    if (hasRight) out.push(spacer('right'));
    return out;
  }, [sticky, scrolling, stickyKey, first, last, hasLeft, hasRight]);

  const colWidths = rendered.map((c) =>
    c.spacer === 'left'
      ? leftSpace
      : c.spacer === 'right'
        ? rightSpace
        : c.column
          ? columnWidth(c.column, widths)
          : 0,
  );
  return { rendered, colWidths, totalWidth };
}
