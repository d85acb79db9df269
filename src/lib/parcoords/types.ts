// The vocabulary of parallel coordinates: which field an axis shows, a run as the plot reads it, and
// a brush. Framework-free; the component (src/components/ParallelCoordinates.tsx) draws these.

/** Where an axis's values come from. */
export type AxisSource = 'param' | 'metric';

/**
 * An axis's identity: `p:<param key>` or `m:<metric key>` (a param and a metric may share a key).
 * The key after the two-character prefix is the field's own key, whatever characters it holds.
 */
export type AxisKey = string;

export type AxisScale = 'linear' | 'log';

/** A chosen axis, as the URL keeps it. */
export interface AxisSpec {
  key: AxisKey;
  /** What was asked for; a log axis over values that are not all > 0 is drawn linear. */
  scale: AxisScale;
}

/** A param's text or a metric's number; undefined where the run does not have the field. */
export type AxisValue = number | string | undefined;

/** One run as the plot reads it: a value per axis key. */
export interface ParcoordsRun {
  id: string;
  /** Its label (user data: shown as text only). */
  name: string;
  values: ReadonlyMap<AxisKey, AxisValue>;
}

/**
 * The runs a brush keeps on its axis. A range is in value space (inclusive ends) and fits numeric
 * axes; a set names categories and fits categorical ones. `missing` keeps the runs drawn on the
 * axis's "missing" slot too; a brush on that slot alone is `{ kind: 'missing' }`.
 */
export type Brush =
  | { kind: 'range'; lo: number; hi: number; missing: boolean }
  | { kind: 'set'; values: readonly string[]; missing: boolean }
  | { kind: 'missing' };

/** At most one brush per axis. */
export type Brushes = ReadonlyMap<AxisKey, Brush>;

const PREFIX: Record<AxisSource, string> = { param: 'p:', metric: 'm:' };

export function axisKey(source: AxisSource, key: string): AxisKey {
  return PREFIX[source] + key;
}

/** The source and field key of an axis key; undefined for a string that is none. */
export function parseAxisKey(axis: string): { source: AxisSource; key: string } | undefined {
  const key = axis.slice(2);
  if (key === '') return undefined;
  if (axis.startsWith(PREFIX.param)) return { source: 'param', key };
  if (axis.startsWith(PREFIX.metric)) return { source: 'metric', key };
  return undefined;
}
