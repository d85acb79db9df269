import { useMemo } from 'react';
import { createColumnHelper } from '@tanstack/react-table';
import type { ReactNode } from 'react';
import type { RunView } from '@/api/runs';
import { RelativeTime } from '@/components/RelativeTime';
import { formatDuration, formatMetric } from '@/lib/format';
import { runFieldId } from '@/lib/run-sort';
import type { ColumnChoice } from '@/lib/runs-view-state';
import { RunStatusBadge } from './RunCells';
import type { RunColumnMeta, RunsTableFeatures, TableRow } from './runs-table-model';

const helper = createColumnHelper<RunsTableFeatures, TableRow>();

type RenderRunCell = (run: RunView) => ReactNode;

export const SELECT_COLUMN_ID = 'select';
export const NAME_COLUMN_ID = 'attributes.run_name';

function column(
  id: string,
  header: string,
  size: number,
  meta: RunColumnMeta,
  value: (run: RunView) => unknown,
  render: RenderRunCell,
  opts: { enableSorting?: boolean; sortDescFirst?: boolean } = {},
) {
  const def = helper.accessor((row) => (row.type === 'run' ? value(row.run) : undefined), {
    id,
    header,
    size,
    // The renderer rides in meta so a row can render any subset of columns (column virtualization).
    meta: { ...meta, render },
    ...opts,
  });
  return def;
}

// Column ids are the server sort ids (`<kind>.<key>`), so a header click maps straight to order_by.
const selectColumn = column(
  SELECT_COLUMN_ID,
  'Select',
  36,
  { sticky: true },
  () => 0,
  () => null,
  {
    enableSorting: false,
  },
);
const nameColumn = column(
  NAME_COLUMN_ID,
  'Name',
  240,
  { sticky: true },
  (r) => r.name,
  () => null,
);
const attributeColumns = [
  column(
    'attributes.status',
    'Status',
    104,
    {},
    (r) => r.status,
    (r) => <RunStatusBadge status={r.status} />,
  ),
  column(
    'attributes.start_time',
    'Started',
    124,
    {},
    (r) => r.startTime,
    (r) => <RelativeTime ms={r.startTime} />,
    { sortDescFirst: true },
  ),
  // MLflow cannot order by duration; a client-side sort would only order the loaded pages.
  column(
    'duration',
    'Duration',
    96,
    { numeric: true },
    (r) => r.durationMs,
    (r) => formatDuration(r.durationMs),
    { enableSorting: false },
  ),
  column(
    runFieldId('tags', 'mlflow.user'),
    'User',
    128,
    {},
    (r) => r.user,
    (r) => r.user,
  ),
];

// One def per key, cached: the same key keeps the same column object across renders and pages.
const keyColumns = new Map<string, ReturnType<typeof column>>();

function keyColumn(choice: ColumnChoice, kindStart: boolean) {
  const id = runFieldId(choice.kind, choice.key);
  const cacheKey = `${kindStart ? 1 : 0}${choice.pinned ? 1 : 0}${id}`;
  const cached = keyColumns.get(cacheKey);
  if (cached) return cached;
  const { key } = choice;
  const def =
    choice.kind === 'metrics'
      ? column(
          id,
          key,
          112,
          {
            numeric: true,
            kind: 'metric',
            kindStart,
            sticky: choice.pinned,
            metricKey: key,
            // The full value and its step on hover: the cell shows only ~4 significant digits.
            title: (r) => {
              const m = r.metrics.get(key);
              return m && `${m.value} (step ${m.step})`;
            },
          },
          (r) => r.metrics.get(key)?.value,
          (r) => {
            const m = r.metrics.get(key);
            return m && formatMetric(m.value);
          },
          { sortDescFirst: true },
        )
      : column(
          id,
          key,
          120,
          {
            kind: choice.kind === 'params' ? 'param' : 'tag',
            kindStart,
            sticky: choice.pinned,
            title: (r) => (choice.kind === 'tags' ? r.tags : r.params).get(key),
          },
          (r) => (choice.kind === 'tags' ? r.tags : r.params).get(key),
          (r) => (choice.kind === 'tags' ? r.tags : r.params).get(key),
        );
  keyColumns.set(cacheKey, def);
  return def;
}

/**
 * Checkbox and name (always pinned), the pinned chosen columns, the run attributes, then the other
 * chosen columns in the chosen order. Rebuilt only when the choice changes, never per page.
 */
export function useRunsTableColumns(choices: readonly ColumnChoice[]) {
  return useMemo(() => {
    const pinned = choices.filter((c) => c.pinned);
    const rest = choices.filter((c) => !c.pinned);
    return helper.columns([
      selectColumn,
      nameColumn,
      ...pinned.map((c) => keyColumn(c, false)),
      ...attributeColumns,
      ...rest.map((c, i) => keyColumn(c, i === 0 || rest[i - 1]?.kind !== c.kind)),
    ]);
  }, [choices]);
}
