import { useCallback, useEffect, useMemo, useState } from 'react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { runQueries } from '@/api/queries/runs';
import { ErrorNotice } from '@/components/ErrorNotice';
import { ParallelCoordinates } from '@/components/ParallelCoordinates';
import { ParcoordsControls } from '@/components/ParcoordsControls';
import { Skeleton } from '@/components/Skeleton';
import { brushesOnAxes, useParcoordsModel } from '@/components/useParcoordsModel';
import { toParcoordsRun } from '@/lib/parcoords/axes';
import type { AxisKey, AxisSpec, Brushes } from '@/lib/parcoords/types';
import {
  formatAxes,
  formatBrushes,
  formatColorBy,
  readAxes,
  readBrushes,
  readColorBy,
} from '@/lib/parcoords/url';
import { runColors } from '@/lib/run-colors';
import { runsSearchFromUrl } from '@/lib/run-sort';

/** The most runs the plot loads: beyond this, lines are a texture, and loading takes seconds. */
export const MAX_PARCOORDS_RUNS = 1000;

interface Patch {
  pc?: readonly AxisSpec[] | undefined;
  pcb?: Brushes;
  pcc?: AxisKey | undefined;
}

function writePatch(search: URLSearchParams, patch: Patch): URLSearchParams {
  const next = new URLSearchParams(search);
  const put = (name: string, value: string | null) =>
    value === null ? next.delete(name) : next.set(name, value);
  if ('pc' in patch) put('pc', formatAxes(patch.pc));
  if (patch.pcb) put('pcb', formatBrushes(patch.pcb));
  if ('pcc' in patch) put('pcc', formatColorBy(patch.pcc));
  return next;
}

/**
 * The runs the table's filter, lifecycle and order give (its own query, so pages it loaded are
 * shared), up to MAX_PARCOORDS_RUNS, with the plot's axes, brushes and colour in the URL.
 */
export function ExperimentParcoordsBody({ experimentId }: { experimentId: string }) {
  const [params, setParams] = useSearchParams();
  const query = useInfiniteQuery(runQueries.search(runsSearchFromUrl(experimentId, params)));
  const { data, hasNextPage, isFetchingNextPage, isError, fetchNextPage } = query;
  const loaded = data?.pages.reduce((n, p) => n + p.runs.length, 0) ?? 0;
  useEffect(() => {
    if (hasNextPage && !isFetchingNextPage && !isError && loaded < MAX_PARCOORDS_RUNS)
      void fetchNextPage();
  }, [hasNextPage, isFetchingNextPage, isError, loaded, fetchNextPage]);
  const complete = !hasNextPage || loaded >= MAX_PARCOORDS_RUNS;
  const views = useMemo(
    () => (data?.pages ?? []).flatMap((p) => p.runs).slice(0, MAX_PARCOORDS_RUNS),
    [data],
  );
  // Drawn once every page is in: axes and brushes are not re-scaled page by page.
  const runs = useMemo(() => (complete ? views.map(toParcoordsRun) : []), [complete, views]);
  const colors = useMemo(() => runColors(runs.map((r) => r.id)), [runs]);

  // A write shows at once; the router commits it a moment later (see useCompareView).
  const key = params.toString();
  const [pending, setPending] = useState<{ for: string; patch: Patch }>();
  if (pending && pending.for !== key) setPending(undefined);
  const patch = pending?.for === key ? pending.patch : {};
  const chosen = 'pc' in patch ? patch.pc : readAxes(params.get('pc'));
  const brushes = useMemo(() => patch.pcb ?? readBrushes(params.get('pcb')), [patch.pcb, params]);
  const colorBy = 'pcc' in patch ? patch.pcc : readColorBy(params.get('pcc'));
  const model = useParcoordsModel(runs, chosen, brushes);

  const write = useCallback(
    (next: Patch) => {
      setPending((p) => ({ for: key, patch: { ...(p?.for === key ? p.patch : {}), ...next } }));
      setParams((current) => writePatch(current, next), {
        replace: true,
        preventScrollReset: true,
      });
    },
    [key, setParams],
  );
  const setAxes = (next: AxisSpec[] | undefined) =>
    write({ pc: next, pcb: brushesOnAxes(brushes, next ?? model.defaults) });

  if (query.isPending || !complete)
    return (
      <Skeleton
        rows={6}
        label={`Loading runs… ${loaded.toLocaleString('en')} of up to ${MAX_PARCOORDS_RUNS.toLocaleString('en')}`}
      />
    );
  if (isError && views.length === 0)
    return (
      <ErrorNotice
        error={query.error}
        title="The runs could not be loaded"
        onRetry={() => void query.refetch()}
      />
    );
  return (
    <>
      {hasNextPage && (
        <p className="parcoords-hint">
          The first {MAX_PARCOORDS_RUNS.toLocaleString('en')} runs in the table&apos;s order; more
          match its filter.
        </p>
      )}
      <ParcoordsControls
        fields={model.fields}
        varying={model.varying}
        axes={model.axes}
        isDefault={chosen === undefined}
        onAxesChange={setAxes}
        colorBy={colorBy}
        onColorByChange={(pcc) => write({ pcc })}
        brushed={model.brushedIds?.size}
        total={runs.length}
        onClearBrushes={() => write({ pcb: new Map() })}
      />
      <ParallelCoordinates
        runs={runs}
        axes={model.axes}
        brushes={brushes}
        colorBy={colorBy}
        runColors={colors}
        onAxesChange={setAxes}
        onBrushesChange={(pcb) => write({ pcb })}
        label="Parallel coordinates of the runs the filter matches"
      />
    </>
  );
}
