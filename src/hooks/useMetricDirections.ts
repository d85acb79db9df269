import { useCallback, useMemo, useState } from 'react';
import { useMutation, useQueries } from '@tanstack/react-query';
import { experimentMutations, experimentQueries } from '@/api/queries/experiments';
import { useCanEdit } from '@/components/useCanEdit';
import {
  directionStorageKey,
  directionTagKey,
  directionsFromTags,
  effectiveDirection,
  parseStoredDirections,
  serializeStoredDirections,
} from '@/lib/metric-direction';
import type { Direction, EffectiveDirection } from '@/lib/metric-direction';

/** Why the last choice was kept in this browser rather than shared through MLflow. */
export interface LocalOnly {
  metric: string;
  reason: string;
}

export interface MetricDirections {
  of: (metricKey: string) => EffectiveDirection;
  /** A direction to share, or undefined to go back to the guess by name. */
  choose: (metricKey: string, direction: Direction | undefined) => void;
  saving: boolean;
  localOnly: LocalOnly | undefined;
}

/** First experiment first: when two experiments disagree, the first run's experiment wins. */
function merged(maps: readonly ReadonlyMap<string, Direction>[]): Map<string, Direction> {
  const out = new Map<string, Direction>();
  for (const map of [...maps].reverse()) for (const [k, v] of map) out.set(k, v);
  return out;
}

function readStored(experimentId: string): Map<string, Direction> {
  try {
    return parseStoredDirections(localStorage.getItem(directionStorageKey(experimentId)));
  } catch {
    return new Map(); // storage disabled: the guess by name still works
  }
}

function writeStored(experimentId: string, metricKey: string, direction: Direction | undefined) {
  const stored = readStored(experimentId);
  if (direction) stored.set(metricKey, direction);
  else stored.delete(metricKey);
  try {
    localStorage.setItem(directionStorageKey(experimentId), serializeStoredDirections(stored));
  } catch {
    // Nothing more to do: the page says the choice is not shared, and it lasts this visit.
  }
}

/**
 * Which way each metric improves, for the experiments of a comparison: their
 * `parallax.metric_direction.*` tags (shared with the team), else this browser's choices, else
 * the guess by name. A choice is written to every experiment compared, so each of their pages
 * agrees; where MLflow refuses (read-only Parallax, no permission, a key MLflow cannot hold) it is
 * kept in this browser and the page says so.
 */
export function useMetricDirections(experimentIds: readonly string[]): MetricDirections {
  const canEdit = useCanEdit();
  const experiments = useQueries({
    queries: experimentIds.map((id) => experimentQueries.detail(id)),
  });
  const tagSets = experiments.map((q) => q.data?.tags);
  const tagKey = JSON.stringify(tagSets);
  // eslint-disable-next-line react-hooks/exhaustive-deps -- tagKey stands for tagSets' content
  const tags = useMemo(() => merged(tagSets.map(directionsFromTags)), [tagKey]);
  // This browser's choices, read again when the experiments change (React's "adjust state while
  // rendering") and after each local write.
  const readAll = useCallback(() => merged(experimentIds.map(readStored)), [experimentIds]);
  const [stored, setStored] = useState(readAll);
  const [storedFor, setStoredFor] = useState(() => readAll);
  if (storedFor !== readAll) {
    setStoredFor(() => readAll);
    setStored(readAll);
  }
  const { mutate: write, isPending: saving } = useMutation(experimentMutations.metricDirection());
  const [localOnly, setLocalOnly] = useState<LocalOnly>();

  const keepLocally = useCallback(
    (metric: string, direction: Direction | undefined, reason: string) => {
      for (const id of experimentIds) writeStored(id, metric, direction);
      setStored(readAll);
      setLocalOnly({ metric, reason });
    },
    [experimentIds, readAll],
  );

  const choose = useCallback(
    (metric: string, direction: Direction | undefined) => {
      const key = directionTagKey(metric);
      if (!canEdit) return keepLocally(metric, direction, 'this Parallax is read-only');
      if (!key.ok) return keepLocally(metric, direction, key.reason);
      write(
        { experimentIds, key: key.key, direction },
        {
          onError: (e: unknown) =>
            keepLocally(metric, direction, e instanceof Error ? e.message : String(e)),
          onSuccess: () => {
            // A shared choice replaces this browser's old one, so the two never disagree.
            for (const id of experimentIds) writeStored(id, metric, undefined);
            setStored(readAll);
            setLocalOnly(undefined);
          },
        },
      );
    },
    [canEdit, experimentIds, keepLocally, readAll, write],
  );

  const of = useCallback(
    (metricKey: string) => effectiveDirection(metricKey, { tags, stored }),
    [tags, stored],
  );
  return { of, choose, saving, localOnly };
}
