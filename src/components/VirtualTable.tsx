import { useRef } from 'react';
import type { ReactNode } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { Rect } from '@tanstack/react-virtual';
import { observeRectWithoutLayout, scrollUnlessAtTop } from '@/hooks/virtualizer-options';
import './virtual-table.css';

export interface VirtualColumn<T> {
  header: string;
  /** Width as a CSS length; the last column takes the rest. */
  width?: string;
  numeric?: boolean;
  render: (item: T) => ReactNode;
}

interface VirtualTableProps<T> {
  label: string;
  columns: readonly VirtualColumn<T>[];
  items: readonly T[];
  rowKey: (item: T) => string;
}

const ROW_HEIGHT = 30;
/** The scroller's CSS max-height (28rem): the first render shows as many rows as will fit. */
const INITIAL_RECT: Rect = { width: 0, height: 448 };

/**
 * A light table that renders only the rows in view, so a run with 1,500 params or a model with
 * thousands of versions stays quick to open and to filter. Spacer rows keep the native table layout and scrollbar honest.
 */
export function VirtualTable<T>({ label, columns, items, rowKey }: VirtualTableProps<T>) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // The virtualizer re-renders this component itself; nothing here is memoized by a compiler.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 15,
    useFlushSync: false,
    initialRect: INITIAL_RECT,
    observeElementRect: observeRectWithoutLayout,
    scrollToFn: scrollUnlessAtTop,
  });
  const rows = virtualizer.getVirtualItems();
  const paddingTop = rows[0]?.start ?? 0;
  const paddingBottom = virtualizer.getTotalSize() - (rows.at(-1)?.end ?? 0);

  return (
    <div ref={scrollRef} className="virtual-table-scroll">
      <table
        aria-label={label}
        aria-rowcount={items.length + 1}
        className="data-table virtual-table"
      >
        <colgroup>
          {columns.map((c) => (
            <col key={c.header} style={c.width ? { width: c.width } : undefined} />
          ))}
        </colgroup>
        <thead>
          <tr aria-rowindex={1}>
            {columns.map((c) => (
              <th key={c.header} scope="col" className={c.numeric ? 'is-numeric' : undefined}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {paddingTop > 0 && <Spacer height={paddingTop} colSpan={columns.length} />}
          {rows.map((row) => {
            const item = items[row.index];
            if (item === undefined) return null;
            return (
              <tr key={rowKey(item)} aria-rowindex={row.index + 2} style={{ height: ROW_HEIGHT }}>
                {columns.map((c) => (
                  <td key={c.header} className={c.numeric ? 'is-numeric' : undefined}>
                    {c.render(item)}
                  </td>
                ))}
              </tr>
            );
          })}
          {paddingBottom > 0 && <Spacer height={paddingBottom} colSpan={columns.length} />}
        </tbody>
      </table>
    </div>
  );
}

function Spacer({ height, colSpan }: { height: number; colSpan: number }) {
  return (
    <tr aria-hidden="true" className="virtual-table-spacer" style={{ height }}>
      <td colSpan={colSpan} />
    </tr>
  );
}
