import { useMemo } from 'react';
import type { RunView } from '@/api/runs';
import type { StepChoice } from '@/lib/metric-at-step';
import type { EffectiveDirection } from '@/lib/metric-direction';
import type { DiffRunInput } from '@/lib/run-diff/diff-model';
import { useMetricsAtStep } from './useMetricsAtStep';

export interface StepValues {
  /** The runs as the diff reads them, their metrics replaced by the step choice's values. */
  inputs: readonly DiffRunInput[];
  metricKeys: readonly string[];
  loading: boolean;
  error: unknown;
  /** Values that are the last logged before the asked step, which that run did not log. */
  inexact: number;
  /** 'best' of a metric that has no direction: nothing to look for until it has one. */
  needsDirection: string | undefined;
}

/**
 * The runs for the diff under a step choice. 'latest' is MLflow's own latest values, with no
 * request; any other choice reads every metric's value from its full history. While those load,
 * the metrics are left empty rather than shown as latest values under another label.
 */
export function useStepValues(
  runs: readonly RunView[],
  choice: StepChoice,
  directionOf: (metric: string) => EffectiveDirection,
): StepValues {
  const metricKeys = useMemo(() => {
    const keys = new Set<string>();
    for (const run of runs) for (const key of run.metrics.keys()) keys.add(key);
    return [...keys].sort();
  }, [runs]);
  const runIds = useMemo(() => runs.map((r) => r.runId), [runs]);
  const reference = choice.kind === 'best' ? directionOf(choice.metric).direction : undefined;
  const referenceDirection = reference === 'neutral' ? undefined : reference;
  const atStep = useMetricsAtStep(runIds, metricKeys, choice, referenceDirection);

  const inputs = useMemo<readonly DiffRunInput[]>(() => {
    const values = atStep.values;
    if (!values)
      return choice.kind === 'latest' ? runs : runs.map((r) => ({ ...r, metrics: new Map() }));
    return runs.map((run) => {
      const metrics = new Map<string, { value: number }>();
      for (const [key, v] of values.get(run.runId) ?? [])
        if (v.found) metrics.set(key, { value: v.value });
      return { ...run, metrics };
    });
  }, [runs, atStep.values, choice.kind]);

  const inexact = useMemo(() => {
    let n = 0;
    for (const run of atStep.values?.values() ?? [])
      for (const v of run.values()) if (v.found && !v.exact) n++;
    return n;
  }, [atStep.values]);

  return {
    inputs,
    metricKeys,
    loading: atStep.loading,
    error: atStep.error,
    inexact,
    needsDirection: choice.kind === 'best' && !referenceDirection ? choice.metric : undefined,
  };
}
