import { useCallback, useMemo } from 'react';
import { useQueries } from '@tanstack/react-query';
import type { UseQueryResult } from '@tanstack/react-query';
import type { MetricAtStep } from '@/api/metrics';
import { metricQueries } from '@/api/queries/metrics';
import type { StepChoice } from '@/lib/metric-at-step';
import type { Direction } from '@/lib/metric-direction';

/** The server answers at most this many keys, and this many run × key pairs, per call. */
const KEYS_PER_CALL = 100;
const PAIRS_PER_CALL = 2_000;

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export interface MetricsAtStep {
  /** runId → key → value; undefined while the choice is 'latest' (MLflow's own latest values). */
  values: ReadonlyMap<string, ReadonlyMap<string, MetricAtStep>> | undefined;
  loading: boolean;
  error: unknown;
}

/**
 * Every run's value of every metric for a step choice, from the full histories (the server's
 * metrics-at-step endpoint, in as few calls as its limits allow). Nothing is asked for 'latest'.
 */
export function useMetricsAtStep(
  runIds: readonly string[],
  keys: readonly string[],
  choice: StepChoice,
  referenceDirection: Direction | undefined,
): MetricsAtStep {
  const enabled =
    choice.kind !== 'latest' && (choice.kind !== 'best' || referenceDirection !== undefined);
  const calls = useMemo(() => {
    if (!enabled) return [];
    return chunks(keys, KEYS_PER_CALL).flatMap((keyChunk) =>
      chunks(runIds, Math.max(1, Math.floor(PAIRS_PER_CALL / keyChunk.length))).map((runChunk) =>
        metricQueries.atStep({ runIds: runChunk, keys: keyChunk, at: choice, referenceDirection }),
      ),
    );
  }, [enabled, runIds, keys, choice, referenceDirection]);
  // Stable, so that react-query combines again only when an answer changes, not on every render
  // (a new map would rebuild the whole diff).
  const combine = useCallback(
    (results: UseQueryResult<MetricAtStep[]>[]): MetricsAtStep => {
      if (!enabled) return { values: undefined, loading: false, error: undefined };
      const values = new Map<string, Map<string, MetricAtStep>>();
      for (const r of results) {
        for (const v of r.data ?? []) {
          const run = values.get(v.runId) ?? new Map<string, MetricAtStep>();
          run.set(v.key, v);
          values.set(v.runId, run);
        }
      }
      return {
        values,
        loading: results.some((r) => r.isPending),
        error: results.find((r) => r.error)?.error ?? undefined,
      };
    },
    [enabled],
  );
  return useQueries({ queries: calls, combine });
}
