// One chart's view as it lives in the URL, so a reload or a shared link draws the same chart. Each
// setting is its own parameter named after the chart's metric key, the way zoom always was:
//   x:<key>=wall | relative        (step is the default and is left out)
//   y:<key>=log                    (linear is the default)
//   smooth:<key>=0.6               (0 = off is the default; 0.01 … 0.99)
//   hide:<key>=<run id>,<run id>   (runs switched off in the legend)
//   zoom:<key>=<start>-<end>       (a step window; see parseZoom)
// A page has one chart per metric key, so the key alone names the chart. Defaults are never
// written, so an untouched chart adds nothing to the URL; anything unreadable reads as the default
// (a hand-edited or truncated link still opens, with that setting reset).
import { formatZoom, parseZoom } from './chart-axes';
import type { StepWindowLike, XAxisMode, YScale } from './chart-axes';

export interface ChartView {
  xMode: XAxisMode;
  yScale: YScale;
  /** EMA weight: 0 is off. */
  smoothing: number;
  /** Run ids not drawn, sorted (one spelling per set, so the URL is stable). */
  hidden: readonly string[];
  zoom: StepWindowLike | null;
}

export type ChartSetting = keyof ChartView;

export const DEFAULT_CHART_VIEW: ChartView = {
  xMode: 'step',
  yScale: 'linear',
  smoothing: 0,
  hidden: [],
  zoom: null,
};

/** The slider's range: 0.99 is the heaviest weight that still follows the data. */
export const MAX_SMOOTHING = 0.99;

const PREFIX: Record<ChartSetting, string> = {
  xMode: 'x',
  yScale: 'y',
  smoothing: 'smooth',
  hidden: 'hide',
  zoom: 'zoom',
};

/** The URL parameter holding one setting of the chart of `metricKey`. */
export function chartParam(setting: ChartSetting, metricKey: string): string {
  return `${PREFIX[setting]}:${metricKey}`;
}

function readXMode(value: string | null): XAxisMode {
  return value === 'wall' || value === 'relative' ? value : 'step';
}

function readYScale(value: string | null): YScale {
  return value === 'log' ? 'log' : 'linear';
}

/** Two decimals, as the slider steps; NaN, negatives and weights ≥ 1 (which never decay) read as off. */
export function readSmoothing(value: string | null): number {
  // Plain decimals only: Number() would also take '0x10', '1e-1' and ' 0.5 '.
  if (value === null || !/^\d*\.?\d+$/.test(value)) return 0;
  const weight = Math.round(Number(value) * 100) / 100;
  return weight > 0 && weight <= MAX_SMOOTHING ? weight : 0;
}

// MLflow's run ids are 32 hex digits; other stores' ids are still short words. Anything else is not
// an id (a stray comma, a pasted name), and is dropped rather than matched against nothing.
const RUN_ID = /^[\w-]{1,64}$/;

function readHidden(value: string | null): string[] {
  if (!value) return [];
  return [...new Set(value.split(',').filter((id) => RUN_ID.test(id)))].sort();
}

/** The view of the chart of `metricKey` in these search params. */
export function readChartView(search: URLSearchParams, metricKey: string): ChartView {
  const get = (s: ChartSetting) => search.get(chartParam(s, metricKey));
  return {
    xMode: readXMode(get('xMode')),
    yScale: readYScale(get('yScale')),
    smoothing: readSmoothing(get('smoothing')),
    hidden: readHidden(get('hidden')),
    zoom: parseZoom(get('zoom')),
  };
}

/** The URL's spelling of a setting, or null for its default (which is left out of the URL). */
function formatSetting<S extends ChartSetting>(setting: S, value: ChartView[S]): string | null {
  switch (setting) {
    case 'xMode':
      return value === 'step' ? null : (value as XAxisMode);
    case 'yScale':
      return value === 'linear' ? null : (value as YScale);
    case 'smoothing': {
      const weight = readSmoothing(String(value));
      // Number → string drops trailing zeros: 0.5, not 0.50.
      return weight === 0 ? null : String(weight);
    }
    case 'hidden': {
      const ids = readHidden((value as readonly string[]).join(','));
      return ids.length === 0 ? null : ids.join(',');
    }
    case 'zoom':
      return value ? formatZoom(value as StepWindowLike) : null;
  }
  return null;
}

/** New search params with part of one chart's view written in; every other parameter is kept. */
export function writeChartView(
  search: URLSearchParams,
  metricKey: string,
  patch: Partial<ChartView>,
): URLSearchParams {
  const next = new URLSearchParams(search);
  for (const setting of Object.keys(patch) as ChartSetting[]) {
    if (!(setting in PREFIX)) continue;
    const text = formatSetting(setting, patch[setting] as ChartView[typeof setting]);
    const name = chartParam(setting, metricKey);
    if (text === null) next.delete(name);
    else next.set(name, text);
  }
  return next;
}

/**
 * How a change of each setting meets the Back button:
 * - a new x axis, y scale or zoom is a new place to go back from (push), as zoom always was;
 * - smoothing is a slider that reports every step of a drag: the first change of a series pushes,
 *   the ones right after it (nothing else written in between) replace it, so one Back undoes the
 *   whole adjustment instead of walking it back one hundredth at a time;
 * - showing or hiding a run in the legend is a toggle, undone by pressing it again (replace): a
 *   trail of toggles should not fill the history.
 */
export function historyModeOf(
  setting: ChartSetting,
  lastWriteWasSameSlider: boolean,
): 'push' | 'replace' {
  switch (setting) {
    case 'hidden':
      return 'replace';
    case 'smoothing':
      return lastWriteWasSameSlider ? 'replace' : 'push';
    default:
      return 'push';
  }
}
