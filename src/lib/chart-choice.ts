// What an experiment's Charts view draws, as it lives in the URL next to the table's view:
//   runs=selected            the runs selected in the table
//   runs=rows&n=25           the first 25 rows of the table (its filter, sort and lifecycle)
//   runs=top&by=acc&n=5      the 5 runs with the best last value of `acc` among the table's filter
//   &order=asc|desc          … lowest or highest first; without it, by the metric's name (see below)
//   metrics=loss,val%2Cacc   the metrics charted (commas in a key escaped as %2C, % as %25)
// No `runs` is the view's old behaviour: the selection when there is one, else the first rows.
// Defaults are left out; anything unreadable reads as the default, so a hand-edited link still
// opens a chart view.
import { guessDirection } from './metric-direction';

export type ChartRunsSource = 'auto' | 'selected' | 'rows' | 'top';
export type TopOrder = 'auto' | 'asc' | 'desc';

export interface ChartRunsChoice {
  source: ChartRunsSource;
  /** How many rows or top runs (1 … MAX_CHART_RUNS); the selection is capped at the maximum. */
  count: number;
  /** The metric that ranks the runs, for `top` only. */
  by: string | undefined;
  order: TopOrder;
}

/**
 * The most runs a chart overlays. It is MLflow's limit of run ids per get-history-bulk-interval
 * request (MAX_RUNS_GET_METRIC_HISTORY_BULK in its handlers), so a chart's first paint stays one
 * sampled request for all of its runs; past a hundred lines a chart is unreadable anyway.
 */
export const MAX_CHART_RUNS = 100;
export const DEFAULT_CHART_RUN_COUNT = 10;

export const DEFAULT_CHART_RUNS: ChartRunsChoice = {
  source: 'auto',
  count: DEFAULT_CHART_RUN_COUNT,
  by: undefined,
  order: 'auto',
};

const PARAMS = ['runs', 'n', 'by', 'order'] as const;

function readCount(value: string | null): number {
  // Whole numbers as typed; '1e2', '+5' and ' 5' are not what anyone writes in a link.
  if (value === null || !/^\d{1,3}$/.test(value)) return DEFAULT_CHART_RUN_COUNT;
  const n = Number(value);
  return n >= 1 && n <= MAX_CHART_RUNS ? n : DEFAULT_CHART_RUN_COUNT;
}

export function readChartRuns(search: URLSearchParams): ChartRunsChoice {
  const runs = search.get('runs');
  const by = search.get('by') || undefined;
  const order = search.get('order');
  const source: ChartRunsSource =
    runs === 'selected' || runs === 'rows' ? runs : runs === 'top' && by ? 'top' : 'auto';
  return {
    source,
    count:
      source === 'rows' || source === 'top' ? readCount(search.get('n')) : DEFAULT_CHART_RUN_COUNT,
    by: source === 'top' ? by : undefined,
    order: source === 'top' && (order === 'asc' || order === 'desc') ? order : 'auto',
  };
}

/** New search params with the run choice written in (only what the source uses); the rest kept. */
export function writeChartRuns(search: URLSearchParams, choice: ChartRunsChoice): URLSearchParams {
  const next = new URLSearchParams(search);
  for (const name of PARAMS) next.delete(name);
  // `top` without a metric ranks nothing: it is written as the default instead.
  if (choice.source === 'auto' || (choice.source === 'top' && !choice.by)) return next;
  next.set('runs', choice.source);
  if (choice.source === 'selected') return next;
  const count = readCount(String(Math.round(choice.count)));
  if (count !== DEFAULT_CHART_RUN_COUNT) next.set('n', String(count));
  if (choice.source === 'top' && choice.by) {
    next.set('by', choice.by);
    if (choice.order !== 'auto') next.set('order', choice.order);
  }
  return next;
}

/**
 * Whether the metric's name says lower values are better (losses, errors, latencies): the one guess
 * every screen makes from a name (src/lib/metric-direction); an explicit order always wins over it.
 */
export function lowerIsBetter(metricKey: string): boolean {
  return guessDirection(metricKey) === 'min';
}

/** Whether `top` ranks the highest values first: an explicit order, else the metric's name. */
export function topDescending(choice: Pick<ChartRunsChoice, 'by' | 'order'>): boolean {
  if (choice.order !== 'auto') return choice.order === 'desc';
  return !(choice.by !== undefined && lowerIsBetter(choice.by));
}

/**
 * The top `count` of runs already in the metric's order (MLflow's runs/search ordered by it):
 * runs without the metric, and NaN values, which MLflow orders last, are no one's top.
 */
export function topRuns<R extends { metrics: ReadonlyMap<string, { value: number }> }>(
  ordered: readonly R[],
  by: string,
  count: number,
): R[] {
  const out: R[] = [];
  for (const run of ordered) {
    if (out.length >= count) break;
    const value = run.metrics.get(by)?.value;
    if (value !== undefined && !Number.isNaN(value)) out.push(run);
  }
  return out;
}

// Keys are user data; only the list separator and the escape character need escaping.
const escapeKey = (key: string) => key.replaceAll('%', '%25').replaceAll(',', '%2C');
const unescapeKey = (key: string) => key.replaceAll('%2C', ',').replaceAll('%25', '%');

/**
 * The charted metrics the URL asks for: undefined when it says nothing (the view's default), an
 * empty list when every metric was switched off. The view's older single `metric=` still reads.
 */
export function readChartMetrics(search: URLSearchParams): string[] | undefined {
  const list = search.get('metrics');
  if (list === null) {
    const one = search.get('metric');
    return one ? [one] : undefined;
  }
  if (list === '') return [];
  return [...new Set(list.split(',').map(unescapeKey).filter(Boolean))];
}

/** New search params with the charted metrics written in; undefined goes back to the default. */
export function writeChartMetrics(
  search: URLSearchParams,
  keys: readonly string[] | undefined,
): URLSearchParams {
  const next = new URLSearchParams(search);
  next.delete('metric');
  if (keys === undefined) next.delete('metrics');
  else next.set('metrics', [...new Set(keys)].map(escapeKey).join(','));
  return next;
}

/**
 * The metrics to chart, in the order of `available` (the runs' keys, sorted): those asked for that
 * the runs logged. With nothing asked for, or nothing asked for that the runs logged (a link from
 * other runs), the first key: one chart to start from, as the view always opened with.
 */
export function chartedMetrics(
  requested: readonly string[] | undefined,
  available: readonly string[],
): string[] {
  const first = available.slice(0, 1);
  if (requested === undefined) return first;
  if (requested.length === 0) return [];
  const wanted = new Set(requested);
  const known = available.filter((k) => wanted.has(k));
  return known.length > 0 ? known : first;
}
