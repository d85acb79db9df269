import {
  columnSizingFeature,
  metaHelper,
  rowSortingFeature,
  tableFeatures,
} from '@tanstack/react-table';

/** Metric and param columns shown per kind until the column chooser exists. */
export const MAX_KEY_COLUMNS = 12;

export const ROW_HEIGHT = 32;

export interface RunColumnMeta {
  /** Right-aligned, tabular digits. */
  numeric?: boolean;
  /** Kept in view while scrolling sideways. */
  sticky?: boolean;
  /** The small label above a metric or param key in its header. */
  kind?: 'metric' | 'param';
  /** The first column of its kind: a rule on its left separates the kinds. */
  kindStart?: boolean;
}

// Sorting is server-side (manualSorting), so no sorted row model is registered.
export const runsTableFeatures = tableFeatures({
  rowSortingFeature,
  columnSizingFeature,
  columnMeta: metaHelper<RunColumnMeta>(),
});

export type RunsTableFeatures = typeof runsTableFeatures;
