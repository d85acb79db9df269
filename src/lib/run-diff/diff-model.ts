// The run diff as rows, one per key, in sections, with one cell per run (in the order the runs are
// given: the caller pins a baseline first by ordering them). A row knows whether every run holds the
// same value, and for numbers their spread. Framework-free; the compare page renders it and the CSV
// export writes it.
//
// Decisions:
// - Cells compare by their text. Params are text in MLflow, and `1` and `1.0` may mean int and float
//   to the code that read them, so they differ. Metric text is the number's shortest round-trip
//   spelling, so equal numbers read equal (NaN equals NaN: both runs logged the same non-number).
// - A run without the key is "missing", which differs from any value, so a key only some runs have
//   is never hidden by "differences only".
// - MLflow's own tags (`mlflow.*`) are left out of the tags section by default: the useful ones show
//   as attributes (user, source, git commit; the run name heads the column), and the rest are
//   bookkeeping (`mlflow.log-model.history` is a long JSON blob in every run that logged a model).
// - Metrics are whatever value the caller's map holds per run: the latest by default; the page puts
//   the value at a chosen step there instead (see metric-at-step).
import { compareKeys } from '../run-fields';
import { flattenParams } from './param-literal';
import { compareByVariation, variationOf } from './rank';
import type { Variation } from './rank';

export type SectionId = 'params' | 'metrics' | 'tags' | 'attributes' | 'datasets';

/** The sections in the order the page shows them: what a comparison is usually about first. */
export const SECTIONS: readonly SectionId[] = [
  'params',
  'metrics',
  'tags',
  'attributes',
  'datasets',
];

export interface DiffDataset {
  name: string;
  digest: string | undefined;
  /** The `mlflow.data.context` input tag: training, validation, eval… */
  context: string | undefined;
}

/** What the diff reads of a run; RunView (src/api/runs.ts) has it all but datasets. */
export interface DiffRunInput {
  runId: string;
  experimentId: string;
  status: string | undefined;
  startTime: number | undefined;
  durationMs: number | undefined;
  user: string | undefined;
  params: ReadonlyMap<string, string>;
  metrics: ReadonlyMap<string, { value: number }>;
  tags: ReadonlyMap<string, string>;
  /** The run's dataset inputs (see datasetsFromInputs); undefined or empty when it logged none. */
  datasets?: readonly DiffDataset[];
}

export interface DiffCell {
  /** The value as text: what is compared, searched and exported. */
  text: string;
  /** The value as a number, when it is one (params that read as decimals, metrics, times). */
  num: number | undefined;
}

export interface NumericSpread {
  /** Over the finite values only. */
  min: number;
  max: number;
}

export interface DiffRow {
  section: SectionId;
  /** Unique within its section; a flattened param's is dotted: `optimizer.lr`. */
  key: string;
  /** For a key flattened out of a param value: that param's key (`optimizer`), whose whole value it was. */
  origin: string | undefined;
  /** One per run, null where the run does not have the key. */
  cells: readonly (DiffCell | null)[];
  /** Every run has the key, all with the same text. */
  equal: boolean;
  /** Every present value is a number (NaN and ±Infinity included). */
  numeric: boolean;
  spread: NumericSpread | undefined;
  variation: Variation;
}

export interface DiffSection {
  id: SectionId;
  rows: readonly DiffRow[];
}

export interface RunDiff {
  runIds: readonly string[];
  sections: readonly DiffSection[];
}

export interface DiffOptions {
  /** Show `mlflow.*` tags in the tags section too (default false, see above). */
  systemTags?: boolean;
  /** Flatten dict and list param values into dotted sub-keys (default true). */
  flattenParams?: boolean;
  /** Params by how much they vary (default, see rank.ts) or by key. */
  paramOrder?: 'variation' | 'key';
}

/** Tags the attributes section shows; kept here so this module stands apart from the wire types. */
const SOURCE_TAG = 'mlflow.source.name';
const GIT_COMMIT_TAG = 'mlflow.source.git.commit';
const SYSTEM_TAG_PREFIX = 'mlflow.';

/** The attribute rows, in this order, named after MLflow's run attributes where it has one. */
export const ATTRIBUTE_KEYS = [
  'status',
  'start_time',
  'duration_ms',
  'user',
  'source',
  'git_commit',
  'experiment_id',
] as const;
export type AttributeKey = (typeof ATTRIBUTE_KEYS)[number];

// Decimal numbers as people write them in params; Number() alone would also take '', ' 1 ', '0x1f'
// and 'Infinity'.
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** The number a param's text spells, if it is a plain decimal. */
export function paramNumber(text: string): number | undefined {
  if (!DECIMAL.test(text)) return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n : undefined;
}

const textCell = (text: string): DiffCell => ({ text, num: paramNumber(text) });

function attributeCell(run: DiffRunInput, key: AttributeKey): DiffCell | null {
  const text = (value: string | undefined): DiffCell | null =>
    value ? { text: value, num: undefined } : null;
  switch (key) {
    case 'status':
      return text(run.status);
    case 'start_time':
      // ISO 8601 in UTC: one spelling whatever the viewer's locale, readable in a CSV.
      return run.startTime === undefined || !Number.isFinite(run.startTime)
        ? null
        : { text: new Date(run.startTime).toISOString(), num: run.startTime };
    case 'duration_ms':
      return run.durationMs === undefined
        ? null
        : { text: String(run.durationMs), num: run.durationMs };
    case 'user':
      return text(run.user);
    case 'source':
      return text(run.tags.get(SOURCE_TAG));
    case 'git_commit':
      return text(run.tags.get(GIT_COMMIT_TAG));
    case 'experiment_id':
      return text(run.experimentId);
  }
}

/** A dataset's row key: its name, and its context when it has one (`iris (training)`). */
export function datasetKey(dataset: DiffDataset): string {
  return dataset.context ? `${dataset.name} (${dataset.context})` : dataset.name;
}

/** Per run, key → cell, for one section. */
type Columns = Map<string, DiffCell>[];

function paramColumns(
  runs: readonly DiffRunInput[],
  flatten: boolean,
  origins: Map<string, string>,
): Columns {
  return runs.map((run) => {
    const column = new Map<string, DiffCell>();
    if (!flatten) {
      for (const [key, value] of run.params) column.set(key, textCell(value));
      return column;
    }
    for (const { key, value, origin } of flattenParams(run.params)) {
      column.set(key, textCell(value));
      if (origin !== undefined && !origins.has(key)) origins.set(key, origin);
    }
    return column;
  });
}

function metricColumns(runs: readonly DiffRunInput[]): Columns {
  return runs.map((run) => {
    const column = new Map<string, DiffCell>();
    // String(n) is the shortest text that reads back as n: 'NaN', 'Infinity', '-0' as '0'.
    for (const [key, m] of run.metrics) column.set(key, { text: String(m.value), num: m.value });
    return column;
  });
}

function tagColumns(runs: readonly DiffRunInput[], systemTags: boolean): Columns {
  return runs.map((run) => {
    const column = new Map<string, DiffCell>();
    for (const [key, value] of run.tags) {
      if (!systemTags && key.startsWith(SYSTEM_TAG_PREFIX)) continue;
      column.set(key, { text: value, num: undefined });
    }
    return column;
  });
}

function datasetColumns(runs: readonly DiffRunInput[]): Columns {
  return runs.map((run) => {
    const digests = new Map<string, Set<string>>();
    for (const d of run.datasets ?? []) {
      const key = datasetKey(d);
      const set = digests.get(key) ?? new Set<string>();
      set.add(d.digest ?? '');
      digests.set(key, set);
    }
    // The same name and context twice (two versions of a table) shows both digests, in one spelling.
    return new Map(
      [...digests].map(([key, set]) => [key, { text: [...set].sort().join(', '), num: undefined }]),
    );
  });
}

function attributeColumns(runs: readonly DiffRunInput[]): Columns {
  return runs.map((run) => {
    const column = new Map<string, DiffCell>();
    for (const key of ATTRIBUTE_KEYS) {
      const cell = attributeCell(run, key);
      if (cell) column.set(key, cell);
    }
    return column;
  });
}

/** A row of cells, one per run, with what the table and the ranking need to know about it. */
export function makeRow(
  section: SectionId,
  key: string,
  cells: readonly (DiffCell | null)[],
  origin?: string,
): DiffRow {
  const first = cells[0];
  const equal = cells.length > 0 && cells.every((c) => c !== null && c.text === first?.text);
  const present = cells.filter((c): c is DiffCell => c !== null);
  const numeric = present.length > 0 && present.every((c) => c.num !== undefined);
  let spread: NumericSpread | undefined;
  if (numeric) {
    const finite = present.map((c) => c.num as number).filter(Number.isFinite);
    if (finite.length > 0) spread = { min: Math.min(...finite), max: Math.max(...finite) };
  }
  return { section, key, origin, cells, equal, numeric, spread, variation: variationOf(cells) };
}

function rowsOf(
  section: SectionId,
  columns: Columns,
  order: readonly string[] | undefined,
  origins?: Map<string, string>,
): DiffRow[] {
  const keys = new Set<string>();
  for (const column of columns) for (const key of column.keys()) keys.add(key);
  const ordered = order ? order.filter((k) => keys.has(k)) : [...keys].sort(compareKeys);
  return ordered.map((key) =>
    makeRow(
      section,
      key,
      columns.map((column) => column.get(key) ?? null),
      origins?.get(key),
    ),
  );
}

/** The diff of these runs, in this column order. */
export function buildRunDiff(runs: readonly DiffRunInput[], options: DiffOptions = {}): RunDiff {
  const origins = new Map<string, string>();
  const params = rowsOf(
    'params',
    paramColumns(runs, options.flattenParams ?? true, origins),
    undefined,
    origins,
  );
  if ((options.paramOrder ?? 'variation') === 'variation') params.sort(compareByVariation);
  const sections: Record<SectionId, DiffRow[]> = {
    params,
    metrics: rowsOf('metrics', metricColumns(runs), undefined),
    tags: rowsOf('tags', tagColumns(runs, options.systemTags ?? false), undefined),
    attributes: rowsOf('attributes', attributeColumns(runs), ATTRIBUTE_KEYS),
    datasets: rowsOf('datasets', datasetColumns(runs), undefined),
  };
  return {
    runIds: runs.map((r) => r.runId),
    sections: SECTIONS.map((id) => ({ id, rows: sections[id] })),
  };
}

export interface DiffFilter {
  /** Hide rows where every run holds the same value (the page's default). */
  differencesOnly: boolean;
  /** Case-insensitive substring of the key; blank matches every row. */
  search: string;
}

export interface FilteredSection {
  id: SectionId;
  rows: readonly DiffRow[];
  /** Rows matching the search that "differences only" hides because every run agrees. */
  hiddenEqual: number;
  /** Rows matching the search, shown or not. */
  matching: number;
  /** Every row of the section. */
  total: number;
}

/** The rows to show. The search narrows first, so the hidden count is of rows the user searched for. */
export function filterRunDiff(diff: RunDiff, filter: DiffFilter): FilteredSection[] {
  const needle = filter.search.trim().toLowerCase();
  return diff.sections.map((section) => {
    const matching = needle
      ? section.rows.filter((row) => row.key.toLowerCase().includes(needle))
      : section.rows;
    const rows = filter.differencesOnly ? matching.filter((row) => !row.equal) : matching;
    return {
      id: section.id,
      rows,
      hiddenEqual: matching.length - rows.length,
      matching: matching.length,
      total: section.rows.length,
    };
  });
}

/** The wire shape of `run.inputs` (runs/get, runs/search), as far as datasets go. */
export interface WireRunInputs {
  dataset_inputs?: {
    tags?: { key: string; value: string }[];
    dataset?: { name?: string; digest?: string };
  }[];
}

/** A run's datasets from its wire `inputs`; inputs without a dataset name are skipped. */
export function datasetsFromInputs(inputs: WireRunInputs | undefined): DiffDataset[] {
  const out: DiffDataset[] = [];
  for (const input of inputs?.dataset_inputs ?? []) {
    const name = input.dataset?.name;
    if (!name) continue;
    out.push({
      name,
      digest: input.dataset?.digest || undefined,
      context: input.tags?.find((t) => t.key === 'mlflow.data.context')?.value || undefined,
    });
  }
  return out;
}
