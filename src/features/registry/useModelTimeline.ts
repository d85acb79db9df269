import { useMemo } from 'react';
import type { RegisteredModel } from '@/api/types';
import { readHistory, registryState, timeline } from '@/lib/registry/history';
import { useModelVersions } from './useModelVersions';

/**
 * The model's history as the model page and the promotion view show it: its records (the model's
 * tags) and the moves made outside Parallax, judged against the versions MLflow holds now. The
 * versions query is returned for its loading and error states.
 */
export function useModelTimeline(model: RegisteredModel) {
  const { query, versions } = useModelVersions(model.name);
  const records = useMemo(() => readHistory(model.tags ?? []), [model.tags]);
  const state = useMemo(
    () => registryState(model.aliases ?? [], versions),
    [model.aliases, versions],
  );
  // Judged only once the versions are known: before, every recorded version would look deleted.
  const entries = useMemo(
    () => (query.isSuccess ? timeline(records, state) : []),
    [query.isSuccess, records, state],
  );
  return { query, state, entries };
}
