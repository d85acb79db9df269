import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import type { StepWindow } from '@/api/metrics';
import { metricQueries } from '@/api/queries/metrics';
import {
  nextWindow,
  stepBounds,
  windowHasStep,
  windowKeyAction,
  type WindowKeyAction,
} from '@/lib/chart-window';
import type { ChartRun, DrawnRun } from './chart-types';

/**
 * The runs' whole step range, or null while it is not known. Unzoomed, the drawn series span it;
 * zoomed, they only span the window, so MLflow is asked for each run's first and last point (its
 * sample always keeps both) once the chart is zoomed or has keyboard focus.
 */
function useRunStepBounds(
  runs: readonly ChartRun[],
  drawn: readonly DrawnRun[],
  metricKey: string,
  window: StepWindow | undefined,
  wanted: boolean,
): StepWindow | null {
  const ends = useQuery({
    ...metricQueries.sampled({
      runIds: runs.map((r) => r.runId),
      key: metricKey,
      points: 2,
      maxResults: 2,
    }),
    enabled: (wanted || window !== undefined) && runs.length > 0,
  });
  const drawnSteps = drawn.map((r) => r.series.step);
  if (window && !ends.data) return null;
  return stepBounds([...drawnSteps, ...(ends.data?.map((s) => s.step) ?? [])]);
}

const sameWindow = (a: StepWindow | undefined, b: StepWindow | undefined) =>
  a?.startStep === b?.startStep && a?.endStep === b?.endStep;

const describeWindow = (w: StepWindow | undefined) =>
  w
    ? `Steps ${w.startStep.toLocaleString('en')} to ${w.endStep.toLocaleString('en')}`
    : 'Whole run';

/**
 * Keyboard zoom and pan of a chart's step window: + and = zoom in to the middle half, - zooms
 * out, the arrows pan by a quarter, 0 and Escape reset. Same window as a drag-zoom, so a key zoom
 * refines to exact points the same way. `plotProps` go on the plot's container, which stays while
 * a new window loads (so focus and keys do too); `announcement` says where a key left the window.
 */
export function useChartKeys(
  runs: readonly ChartRun[],
  drawn: readonly DrawnRun[],
  metricKey: string,
  window: StepWindow | undefined,
  onWindow: (next: StepWindow | undefined) => void,
) {
  const [focused, setFocused] = useState(false);
  const bounds = useRunStepBounds(runs, drawn, metricKey, window, focused);
  const [announcement, setAnnouncement] = useState('');
  // Keys can come faster than the URL's window reaches the render: each one goes on from the
  // window the last one asked for, until the render has caught up.
  const asked = useRef<{ from: StepWindow | undefined; to: StepWindow | undefined } | null>(null);
  // Pans and zoom-outs pressed while a zoomed chart's step bounds are still loading wait here and
  // are applied, in order, once the bounds arrive: a key the user pressed is never dropped.
  const waiting = useRef<WindowKeyAction[]>([]);
  const apply = (action: WindowKeyAction) => {
    const pending = asked.current;
    const current = pending && sameWindow(pending.from, window) ? pending.to : window;
    // Zoomed, with the run's first and last steps still on their way: zooming in (inside the
    // window) and resetting need no bounds; zooming out and panning wait for them.
    const range = bounds ?? (action === 'in' || action === 'reset' ? current : undefined);
    if (!range) {
      waiting.current.push(action);
      return;
    }
    const next = nextWindow(action, current, range);
    // Zooming in between two logged steps would draw nothing. (A pan's new steps are not drawn
    // yet; while a window loads nothing is drawn, and the keys go on from the window asked for.)
    const empty =
      drawn.length > 0 && !drawn.some((r) => next && windowHasStep(r.series.step, next));
    if (action === 'in' && empty) return;
    if (sameWindow(next, current)) return;
    asked.current = { from: window, to: next };
    onWindow(next);
    setAnnouncement(describeWindow(next));
  };
  // No dependency list: `apply` is new every render, and the queue is empty almost always.
  useEffect(() => {
    if (!bounds || waiting.current.length === 0) return;
    const keys = waiting.current;
    waiting.current = [];
    for (const action of keys) apply(action);
  });
  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    // Ctrl/Cmd + and - are the browser's page zoom; leave them to it.
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const action = windowKeyAction(e.key);
    if (!action) return;
    const pending = asked.current;
    const current = pending && sameWindow(pending.from, window) ? pending.to : window;
    // Nothing to reset: Escape goes on to whatever else listens for it.
    if (action === 'reset' && current === undefined && waiting.current.length === 0) return;
    e.preventDefault();
    // A reset also drops pans still waiting for the bounds: they were meant for the old window.
    if (action === 'reset') waiting.current = [];
    if (waiting.current.length > 0) waiting.current.push(action);
    else apply(action);
  };
  const plotProps = {
    // An application: screen readers pass the zoom and pan keys through to it.
    role: 'application',
    tabIndex: 0,
    'aria-label': `${metricKey} chart; + and − zoom, arrows pan, 0 resets`,
    onKeyDown,
    onFocus: () => setFocused(true),
  } as const;
  return { plotProps, announcement };
}
