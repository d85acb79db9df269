import {
  columnSizingFeature,
  metaHelper,
  rowSortingFeature,
  tableFeatures,
} from '@tanstack/react-table';
import type { ReactNode } from 'react';
import type { RunView } from '@/api/runs';
import type { MetricStats } from '@/lib/run-groups';

/** Metric and param columns shown per kind until the user chooses columns. */
export const MAX_KEY_COLUMNS = 12;

export const ROW_HEIGHT = 32;

/** Pages loaded one after another without asking; beyond this a "Load more" button takes over. */
export const AUTO_LOAD_LIMIT = 50_000;

export interface RunColumnMeta {
  /** Right-aligned, tabular digits. */
  numeric?: boolean;
  /** Kept in view while scrolling sideways (the checkbox, the name, pinned columns). */
  sticky?: boolean;
  /** The small label above a metric, param or tag key in its header. */
  kind?: 'metric' | 'param' | 'tag';
  /** The first column of its kind: a rule on its left separates the kinds. */
  kindStart?: boolean;
  /** The metric key whose group statistics this column shows on group rows. */
  metricKey?: string;
  /** The cell of a run row: rows render only the columns in view, so they call this directly. */
  render?: (run: RunView) => ReactNode;
  /** The cell's hover text, set on the cell itself: one element less per cell than a titled span. */
  title?: (run: RunView) => string | undefined;
}

/** A run in the table, with its place in the nested-run tree. */
export interface RunRow {
  type: 'run';
  id: string;
  run: RunView;
  depth: number;
  childCount: number;
  expanded: boolean;
}

/** A group header row when grouping by a param or tag. */
export interface GroupRow {
  type: 'group';
  id: string;
  /** The param or tag value; null for the runs that do not have it. */
  value: string | null;
  label: string;
  count: number;
  collapsed: boolean;
  stats: ReadonlyMap<string, MetricStats>;
}

export type TableRow = RunRow | GroupRow;

// Sorting happens outside the table (server order_by, or the same order client-side once every run
// is loaded), so no sorted row model is registered: the table only renders rows in the given order.
export const runsTableFeatures = tableFeatures({
  rowSortingFeature,
  columnSizingFeature,
  columnMeta: metaHelper<RunColumnMeta>(),
});

export type RunsTableFeatures = typeof runsTableFeatures;

export const KIND_LABEL = { metrics: 'metric', params: 'param', tags: 'tag' } as const;
