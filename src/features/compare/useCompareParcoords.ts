import { useCallback, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import type { RunView } from '@/api/runs';
import { brushesOnAxes, useParcoordsModel } from '@/components/useParcoordsModel';
import type { ParcoordsModel } from '@/components/useParcoordsModel';
import { toParcoordsRun } from '@/lib/parcoords/axes';
import type { AxisKey, AxisSpec, Brushes, ParcoordsRun } from '@/lib/parcoords/types';
import { writeCompareView } from '@/lib/run-diff/compare-url';
import type { CompareView } from '@/lib/run-diff/compare-url';
import type { DiffRunInput } from '@/lib/run-diff/diff-model';

export interface CompareParcoords extends ParcoordsModel {
  runs: readonly ParcoordsRun[];
  isDefault: boolean;
  brushes: Brushes;
  colorBy: AxisKey | undefined;
  onlyBrushed: boolean;
  /** What the diff shows: every run, or only the brushed ones when asked and a brush applies. */
  shown: { runs: readonly RunView[]; inputs: readonly DiffRunInput[] };
  setAxes: (axes: AxisSpec[] | undefined) => void;
  setBrushes: (brushes: Brushes) => void;
  setColorBy: (metric: AxisKey | undefined) => void;
  setOnlyBrushed: (on: boolean) => void;
}

type Written = Pick<CompareView, 'pcAxes' | 'pcBrushes' | 'pcColor' | 'onlyBrushed'>;

/**
 * The compare page's parallel coordinates: its runs (metrics at the page's step choice, as the diff
 * shows them), the axes (the URL's, or the params that vary then the metrics), the brushes and the
 * runs inside them, and the diff's runs when it shows only those. State lives in the URL; a write
 * replaces the entry, so brushing does not fill the history, and shows at once (as useCompareView's
 * do): the router commits a moment later, and a control drawn from the URL alone would spring back.
 */
export function useCompareParcoords(
  runs: readonly RunView[],
  inputs: readonly DiffRunInput[],
  urlView: CompareView,
): CompareParcoords {
  const [search, setSearch] = useSearchParams();
  const [pending, setPending] = useState<{ for: string; patch: Partial<Written> }>();
  const key = search.toString();
  // The URL has moved on (this write landed, or Back): what it says wins again.
  if (pending && pending.for !== key) setPending(undefined);
  const patch = pending?.for === key ? pending.patch : undefined;
  const view = useMemo(() => ({ ...urlView, ...patch }), [urlView, patch]);

  const pcRuns = useMemo(
    () =>
      inputs.map((input, i) => toParcoordsRun({ ...input, name: runs[i]?.name ?? input.runId })),
    [inputs, runs],
  );
  const model = useParcoordsModel(pcRuns, view.pcAxes, view.pcBrushes);
  const { brushedIds, defaults } = model;
  const brushes = view.pcBrushes;
  const only = view.onlyBrushed && brushedIds !== undefined;
  const shown = useMemo(() => {
    if (!only) return { runs, inputs };
    const keep = (id: string) => brushedIds?.has(id) ?? true;
    return {
      runs: runs.filter((r) => keep(r.runId)),
      inputs: inputs.filter((r) => keep(r.runId)),
    };
  }, [only, runs, inputs, brushedIds]);

  const write = useCallback(
    (next: Partial<Written>) => {
      setPending((p) => ({ for: key, patch: { ...(p?.for === key ? p.patch : {}), ...next } }));
      // The plot sits below the diff: a write must not scroll the page back to its top.
      setSearch((current) => writeCompareView(current, next), {
        replace: true,
        preventScrollReset: true,
      });
    },
    [key, setSearch],
  );
  const setAxes = useCallback(
    (next: AxisSpec[] | undefined) =>
      write({ pcAxes: next, pcBrushes: brushesOnAxes(brushes, next ?? defaults) }),
    [brushes, defaults, write],
  );
  return {
    ...model,
    runs: pcRuns,
    isDefault: view.pcAxes === undefined,
    brushes,
    colorBy: view.pcColor,
    onlyBrushed: view.onlyBrushed,
    shown,
    setAxes,
    setBrushes: useCallback((pcBrushes: Brushes) => write({ pcBrushes }), [write]),
    setColorBy: useCallback((pcColor: AxisKey | undefined) => write({ pcColor }), [write]),
    setOnlyBrushed: useCallback((onlyBrushed: boolean) => write({ onlyBrushed }), [write]),
  };
}
