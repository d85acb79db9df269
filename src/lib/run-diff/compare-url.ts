// The compare page's state as it lives in the URL, so a pasted link reproduces the screen:
//   runs=<id>,<id>,…             the runs, in column order (the only required part)
//   experiments=<id>,<id>        their experiments, when known: one runs/search each, no lookup
//   baseline=<id>                the run the others are measured against (pinned first)
//   diff=all                     every row; differences only is the default and is left out
//   collapsed=tags,datasets      sections folded, in the page's section order
//   at=step:100 | min | max | best:<metric>
//                                which value of each metric; the latest is the default
//   pc=…&pcb=…&pcc=…             the parallel coordinates' axes, brushes and colour metric (spelled
//                                in ../parcoords/url.ts); without pc, the default axes
//   only=brushed                 the diff shows only the runs inside the brushes
//   al=<id>&ar=<id>&af=<path>    the artifact diff's left and right runs and the file shown
//                                (the section opens when any is set)
// Defaults are never written; anything unreadable reads as the default, so a hand-edited or
// truncated link still opens the comparison. Other parameters (chart axes, brushes) are kept as
// they are by every write.
import {
  formatAxes,
  formatBrushes,
  formatColorBy,
  readAxes,
  readBrushes,
  readColorBy,
} from '../parcoords/url';
import type { AxisKey, AxisSpec, Brushes } from '../parcoords/types';
import { SECTIONS } from './diff-model';
import type { SectionId } from './diff-model';
import type { StepChoice } from '../metric-at-step';

/** More runs than this are not loaded; the page says how many were left out. */
export const MAX_COMPARE_RUNS = 200;

/** Malformed ids reported back to the page, at most this many, each cut to MAX_REJECTED_LENGTH. */
export const MAX_REJECTED = 20;
export const MAX_REJECTED_LENGTH = 80;

export type { StepChoice };

export interface CompareView {
  /** Distinct run ids in column order, at most MAX_COMPARE_RUNS. */
  runs: readonly string[];
  experiments: readonly string[];
  /** One of `runs`, or undefined for no baseline. */
  baseline: string | undefined;
  differencesOnly: boolean;
  /** In SECTIONS order. */
  collapsed: readonly SectionId[];
  step: StepChoice;
  /** The parallel coordinates' axes in order; undefined for the default (see defaultAxisKeys). */
  pcAxes: readonly AxisSpec[] | undefined;
  pcBrushes: Brushes;
  /** The metric colouring its lines; undefined for each run's own colour. */
  pcColor: AxisKey | undefined;
  /** The diff's columns are only the runs inside the brushes (when any brush is set). */
  onlyBrushed: boolean;
  /** The artifact diff's two runs (undefined: the first two columns) and its file. */
  artifactLeft: string | undefined;
  artifactRight: string | undefined;
  artifactPath: string | undefined;
}

/** What reading the URL found beyond the view itself, for the page to say so. */
export interface CompareRead extends CompareView {
  /** Distinct well-formed run ids the URL gave, before the cap. */
  totalRuns: number;
  /** More than MAX_COMPARE_RUNS were given; `runs` holds the first ones. */
  truncated: boolean;
  /** Entries of `runs` that cannot be run ids (a pasted name, a stray quote), as given, trimmed. */
  rejected: readonly string[];
}

export const DEFAULT_COMPARE_VIEW: CompareView = {
  runs: [],
  experiments: [],
  baseline: undefined,
  differencesOnly: true,
  collapsed: [],
  step: { kind: 'latest' },
  pcAxes: undefined,
  pcBrushes: new Map(),
  pcColor: undefined,
  onlyBrushed: false,
  artifactLeft: undefined,
  artifactRight: undefined,
  artifactPath: undefined,
};

type Field = keyof CompareView;

const PARAM: Record<Field, string> = {
  runs: 'runs',
  experiments: 'experiments',
  baseline: 'baseline',
  differencesOnly: 'diff',
  collapsed: 'collapsed',
  step: 'at',
  pcAxes: 'pc',
  pcBrushes: 'pcb',
  pcColor: 'pcc',
  onlyBrushed: 'only',
  artifactLeft: 'al',
  artifactRight: 'ar',
  artifactPath: 'af',
};

// MLflow's run ids are 32 hex digits, other stores' short words; experiment ids are numbers on
// MLflow and Databricks. Anything else is no id: it never reaches a runs/search filter, which is
// where a quote in it would do harm.
const ID = /^[\w-]{1,64}$/;

/** Artifact paths longer than this are not read from a link (no listing holds one). */
export const MAX_ARTIFACT_PATH_LENGTH = 1024;

const idOrUndefined = (value: string | null | undefined) =>
  value != null && ID.test(value) ? value : undefined;

// A path is only ever compared with the paths both listings hold, so any text is harmless here.
const pathOrUndefined = (value: string | null | undefined) =>
  value && value.length <= MAX_ARTIFACT_PATH_LENGTH ? value : undefined;

/**
 * The entries of a comma list, trimmed, empty ones dropped. MLflow's own compare links spell the
 * list as JSON (`runs=["a","b"]`); that reads too, so a link copied from MLflow's UI opens here.
 */
function listOf(value: string | null): string[] {
  if (!value) return [];
  const trimmed = value.trim();
  if (trimmed.startsWith('[')) {
    try {
      const parsed: unknown = JSON.parse(trimmed);
      if (Array.isArray(parsed)) {
        return parsed.filter((x): x is string => typeof x === 'string').map((x) => x.trim());
      }
    } catch {
      // Not JSON after all: read it as a comma list, whose brackets make its ends rejected.
    }
  }
  return trimmed
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);
}

function readIds(value: string | null): { ids: string[]; rejected: string[] } {
  const ids = new Set<string>();
  const rejected = new Set<string>();
  for (const entry of listOf(value)) {
    if (ID.test(entry)) ids.add(entry);
    else if (entry && rejected.size < MAX_REJECTED)
      rejected.add(entry.slice(0, MAX_REJECTED_LENGTH));
  }
  return { ids: [...ids], rejected: [...rejected] };
}

function readCollapsed(value: string | null): SectionId[] {
  const named = new Set(listOf(value));
  return SECTIONS.filter((id) => named.has(id));
}

// Steps are int64 in MLflow and may be negative; beyond 2^53 a JS number cannot hold them exactly.
const STEP = /^-?\d{1,16}$/;

export function readStepChoice(value: string | null): StepChoice {
  if (value === 'min' || value === 'max') return { kind: value };
  if (value?.startsWith('step:')) {
    const text = value.slice('step:'.length);
    const step = Number(text);
    if (STEP.test(text) && Number.isSafeInteger(step)) return { kind: 'step', step: step || 0 };
  }
  // The metric key is everything after the colon: keys may hold colons, commas and slashes.
  if (value?.startsWith('best:') && value.length > 'best:'.length) {
    return { kind: 'best', metric: value.slice('best:'.length) };
  }
  return { kind: 'latest' };
}

/** The URL's spelling of a step choice; null for the default. */
export function formatStepChoice(choice: StepChoice): string | null {
  switch (choice.kind) {
    case 'latest':
      return null;
    case 'min':
    case 'max':
      return choice.kind;
    case 'step':
      return Number.isSafeInteger(choice.step) ? `step:${choice.step || 0}` : null;
    case 'best':
      return choice.metric ? `best:${choice.metric}` : null;
  }
}

export function readCompareView(search: URLSearchParams): CompareRead {
  const get = (field: Field) => search.get(PARAM[field]);
  const { ids, rejected } = readIds(get('runs'));
  const runs = ids.slice(0, MAX_COMPARE_RUNS);
  const baseline = get('baseline') ?? undefined;
  return {
    runs,
    totalRuns: ids.length,
    truncated: ids.length > runs.length,
    rejected,
    // Malformed experiment ids are only dropped: they are a hint that saves lookups, and the runs
    // are still found without them.
    experiments: readIds(get('experiments')).ids.slice(0, MAX_COMPARE_RUNS),
    // A baseline that is not a compared run (a hand edit, or cut off by the cap) is none.
    baseline: baseline !== undefined && runs.includes(baseline) ? baseline : undefined,
    differencesOnly: get('differencesOnly') !== 'all',
    collapsed: readCollapsed(get('collapsed')),
    step: readStepChoice(get('step')),
    pcAxes: readAxes(get('pcAxes')),
    pcBrushes: readBrushes(get('pcBrushes')),
    pcColor: readColorBy(get('pcColor')),
    onlyBrushed: get('onlyBrushed') === 'brushed',
    // A run that is not compared (a hand edit) falls back to the default side, in the page.
    artifactLeft: idOrUndefined(get('artifactLeft')),
    artifactRight: idOrUndefined(get('artifactRight')),
    artifactPath: pathOrUndefined(get('artifactPath')),
  };
}

/** The URL's spelling of a field, or null for its default (which is left out). */
function formatField<F extends Field>(field: F, value: CompareView[F]): string | null {
  switch (field) {
    case 'runs':
    case 'experiments': {
      const { ids } = readIds((value as readonly string[]).join(','));
      const capped = ids.slice(0, MAX_COMPARE_RUNS);
      return capped.length === 0 ? null : capped.join(',');
    }
    case 'baseline': {
      const id = value as string | undefined;
      return id !== undefined && ID.test(id) ? id : null;
    }
    case 'differencesOnly':
      return value === false ? 'all' : null;
    case 'collapsed': {
      const sections = readCollapsed((value as readonly string[]).join(','));
      return sections.length === 0 ? null : sections.join(',');
    }
    case 'step':
      return formatStepChoice(value as StepChoice);
    case 'pcAxes':
      return formatAxes(value as readonly AxisSpec[] | undefined);
    case 'pcBrushes':
      return formatBrushes(value as Brushes);
    case 'pcColor':
      return formatColorBy(value as AxisKey | undefined);
    case 'onlyBrushed':
      return value === true ? 'brushed' : null;
    case 'artifactLeft':
    case 'artifactRight':
      return idOrUndefined(value as string | undefined) ?? null;
    case 'artifactPath':
      return pathOrUndefined(value as string | undefined) ?? null;
  }
  return null;
}

/**
 * New search params with part of the view written in; the other parameters are kept, so a write of
 * one toggle never drops runs beyond the cap or another feature's state. Writing runs that leave
 * out the baseline drops the baseline too, rather than leave a stale one in the link.
 */
export function writeCompareView(
  search: URLSearchParams,
  patch: Partial<CompareView>,
): URLSearchParams {
  const next = new URLSearchParams(search);
  for (const field of Object.keys(patch) as Field[]) {
    if (!(field in PARAM)) continue;
    const text = formatField(field, patch[field] as CompareView[typeof field]);
    if (text === null) next.delete(PARAM[field]);
    else next.set(PARAM[field], text);
  }
  if (patch.runs !== undefined) {
    const baseline = next.get(PARAM.baseline);
    const runs = readIds(next.get(PARAM.runs)).ids.slice(0, MAX_COMPARE_RUNS);
    if (baseline !== null && !runs.includes(baseline)) next.delete(PARAM.baseline);
  }
  return next;
}

const REPLACED: ReadonlySet<Field> = new Set<Field>([
  'differencesOnly',
  'collapsed',
  'pcAxes',
  'pcBrushes',
  'pcColor',
  'onlyBrushed',
  'artifactLeft',
  'artifactRight',
  'artifactPath',
]);

/**
 * How a change meets the Back button: another set of runs, baseline or step is a new view to go
 * back from (push); differences only, folded sections and the parallel coordinates' axes, brushes,
 * colour and filter, and the artifact diff's runs and file, are adjustments, undone by adjusting again (replace), so a trail of brush drags
 * does not fill the history.
 */
export function compareHistoryMode(field: Field): 'push' | 'replace' {
  return REPLACED.has(field) ? 'replace' : 'push';
}
