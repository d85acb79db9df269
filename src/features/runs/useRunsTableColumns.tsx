import { useMemo } from 'react';
import { createColumnHelper } from '@tanstack/react-table';
import type { RunView } from '@/api/runs';
import { formatDuration } from '@/lib/format';
import { topKeys } from '@/lib/run-fields';
import { parseRunFieldId, runFieldId } from '@/lib/run-sort';
import { RelativeTime } from '@/components/RelativeTime';
import { MetricValue, ParamValue, RunNameLink, RunStatusBadge } from './RunCells';
import { MAX_KEY_COLUMNS } from './runs-table-model';
import type { RunsTableFeatures } from './runs-table-model';

const helper = createColumnHelper<RunsTableFeatures, RunView>();

// Column ids are the server sort ids (`<kind>.<key>`), so a header click maps straight to order_by.
const runColumns = helper.columns([
  helper.accessor('name', {
    id: 'attributes.run_name',
    header: 'Name',
    size: 240,
    meta: { sticky: true },
    cell: (info) => <RunNameLink run={info.row.original} />,
  }),
  helper.accessor('status', {
    id: 'attributes.status',
    header: 'Status',
    size: 104,
    cell: (info) => <RunStatusBadge status={info.getValue()} />,
  }),
  helper.accessor('startTime', {
    id: 'attributes.start_time',
    header: 'Started',
    size: 124,
    sortDescFirst: true,
    cell: (info) => <RelativeTime ms={info.getValue()} />,
  }),
  helper.accessor('durationMs', {
    id: 'duration',
    header: 'Duration',
    size: 96,
    // MLflow cannot order by duration; a client-side sort would only order the loaded pages.
    enableSorting: false,
    meta: { numeric: true },
    cell: (info) => formatDuration(info.getValue()),
  }),
  helper.accessor('user', {
    id: runFieldId('tags', 'mlflow.user'),
    header: 'User',
    size: 128,
  }),
]);

function metricColumn(key: string, index: number) {
  return helper.accessor((run) => run.metrics.get(key), {
    id: runFieldId('metrics', key),
    header: key,
    size: 112,
    sortDescFirst: true,
    meta: { numeric: true, kind: 'metric', kindStart: index === 0 },
    cell: (info) => <MetricValue metric={info.getValue()} />,
  });
}

function paramColumn(key: string, index: number) {
  return helper.accessor((run) => run.params.get(key), {
    id: runFieldId('params', key),
    header: key,
    size: 112,
    meta: { kind: 'param', kindStart: index === 0 },
    cell: (info) => <ParamValue value={info.getValue()} />,
  });
}

// Keys cannot contain NUL (MLflow allows only [/\w.\- ]), so a joined string is a safe memo key.
const SEP = '\u0000';
const splitKeys = (joined: string) => (joined ? joined.split(SEP) : []);

/**
 * Run attributes, then up to MAX_KEY_COLUMNS metric and param columns found in the loaded runs,
 * metrics first. The sorted column is always kept. Columns are rebuilt only when the chosen keys
 * change, not on every page load.
 */
export function useRunsTableColumns(runs: readonly RunView[], sortId: string) {
  const sorted = parseRunFieldId(sortId);
  const pinMetric = sorted?.kind === 'metrics' ? sorted.key : undefined;
  const pinParam = sorted?.kind === 'params' ? sorted.key : undefined;

  const metricKeys = useMemo(() => {
    const keys = topKeys(
      runs.map((r) => r.metrics.keys()),
      MAX_KEY_COLUMNS,
      pinMetric === undefined ? [] : [pinMetric],
    );
    return keys.join(SEP);
  }, [runs, pinMetric]);
  const paramKeys = useMemo(() => {
    const keys = topKeys(
      runs.map((r) => r.params.keys()),
      MAX_KEY_COLUMNS,
      pinParam === undefined ? [] : [pinParam],
    );
    return keys.join(SEP);
  }, [runs, pinParam]);

  return useMemo(() => {
    // One header row, so header and cell indexes line up; the kind is a label inside each header.
    return helper.columns([
      ...runColumns,
      ...splitKeys(metricKeys).map(metricColumn),
      ...splitKeys(paramKeys).map(paramColumn),
    ]);
  }, [metricKeys, paramKeys]);
}
