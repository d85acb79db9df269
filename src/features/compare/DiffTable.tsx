import { useMemo, useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { RunView } from '@/api/runs';
import { observeRectWithoutLayout } from '@/hooks/virtualizer-options';
import type { Direction, EffectiveDirection } from '@/lib/metric-direction';
import type { DiffRow, FilteredSection, SectionId } from '@/lib/run-diff/diff-model';
import { DiffKeyCell, DiffSectionHead } from './DiffKeyCell';
import { DiffHeaderRow } from './DiffHeaderRow';
import { DiffRowCells } from './DiffRowCells';

export type DisplayRow =
  { kind: 'section'; section: FilteredSection; collapsed: boolean } | { kind: 'row'; row: DiffRow };

interface DiffTableProps {
  /** In column order: the baseline first when there is one. */
  runs: readonly RunView[];
  colors: ReadonlyMap<string, string>;
  sections: readonly FilteredSection[];
  collapsed: readonly SectionId[];
  baselineId: string | undefined;
  directionOf: (metric: string) => EffectiveDirection;
  directionsBusy: boolean;
  onChooseDirection: (metric: string, direction: Direction | undefined) => void;
  onToggleSection: (id: SectionId) => void;
  onBaseline: (runId: string | undefined) => void;
  onOpenValue: (row: DiffRow, runIndex: number) => void;
}

const KEY_WIDTH = 280;
const COLUMN_WIDTH = 200;
const ROW_HEIGHT = 34;
const SECTION_HEIGHT = 40;
const HEADER_HEIGHT = 64;

/**
 * The diff as a grid: a row per key, a column per run, both virtualized so 100 runs × 1,000 keys
 * render only what is in view. The key column and the run header stay put while the rest scrolls.
 * ARIA table roles carry the structure the divs cannot (row and column indices count every row and
 * column, drawn or not).
 */
export function DiffTable(props: DiffTableProps) {
  const { runs, sections, collapsed } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const rows = useMemo<DisplayRow[]>(() => {
    const out: DisplayRow[] = [];
    for (const section of sections) {
      const folded = collapsed.includes(section.id);
      out.push({ kind: 'section', section, collapsed: folded });
      if (!folded) for (const row of section.rows) out.push({ kind: 'row', row });
    }
    return out;
  }, [sections, collapsed]);

  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer re-renders this component itself
  const rowVirtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (i) => (rows[i]?.kind === 'section' ? SECTION_HEIGHT : ROW_HEIGHT),
    overscan: 12,
    useFlushSync: false,
    observeElementRect: observeRectWithoutLayout,
    scrollPaddingStart: HEADER_HEIGHT,
  });
  const columnVirtualizer = useVirtualizer({
    horizontal: true,
    count: runs.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => COLUMN_WIDTH,
    overscan: 2,
    useFlushSync: false,
    observeElementRect: observeRectWithoutLayout,
    scrollPaddingStart: KEY_WIDTH,
  });
  const columns = columnVirtualizer.getVirtualItems();
  const width = KEY_WIDTH + columnVirtualizer.getTotalSize();

  return (
    <div
      ref={scrollRef}
      className="diff-scroll"
      role="table"
      aria-label="Run differences"
      aria-rowcount={rows.length + 1}
      aria-colcount={runs.length + 1}
    >
      <DiffHeaderRow
        runs={runs}
        columns={columns}
        keyWidth={KEY_WIDTH}
        width={width}
        height={HEADER_HEIGHT}
        colors={props.colors}
        baselineId={props.baselineId}
        onBaseline={props.onBaseline}
      />
      <div
        role="rowgroup"
        className="diff-body"
        style={{ width, height: rowVirtualizer.getTotalSize() }}
      >
        {rowVirtualizer.getVirtualItems().map((v) => {
          const item = rows[v.index];
          if (!item) return null;
          const style = { top: v.start, height: v.size, width };
          if (item.kind === 'section') {
            return (
              <div
                key={`s:${item.section.id}`}
                data-section={item.section.id}
                role="row"
                aria-rowindex={v.index + 2}
                className="diff-section-row"
                style={style}
              >
                <DiffSectionHead
                  section={item.section}
                  collapsed={item.collapsed}
                  width={KEY_WIDTH}
                  onToggle={() => props.onToggleSection(item.section.id)}
                />
              </div>
            );
          }
          const { row } = item;
          return (
            <div
              key={`${row.section}:${row.key}`}
              data-row={`${row.section}:${row.key}`}
              role="row"
              aria-rowindex={v.index + 2}
              className="diff-row"
              style={style}
            >
              <DiffKeyCell
                row={row}
                width={KEY_WIDTH}
                direction={row.section === 'metrics' ? props.directionOf(row.key) : undefined}
                directionsBusy={props.directionsBusy}
                onChooseDirection={(d) => props.onChooseDirection(row.key, d)}
              />
              <DiffRowCells
                row={row}
                columns={columns}
                offset={KEY_WIDTH}
                hasBaseline={props.baselineId !== undefined}
                direction={
                  row.section === 'metrics' ? props.directionOf(row.key).direction : 'neutral'
                }
                onOpen={(i) => props.onOpenValue(row, i)}
              />
            </div>
          );
        })}
      </div>
    </div>
  );
}
