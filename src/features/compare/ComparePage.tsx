import { useDeferredValue, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { useQuery } from '@tanstack/react-query';
import { runQueries } from '@/api/queries/runs';
import type { RunView } from '@/api/runs';
import { Deferred } from '@/components/Deferred';
import { download } from '@/components/download';
import { EmptyState } from '@/components/EmptyState';
import { ErrorNotice } from '@/components/ErrorNotice';
import { Skeleton } from '@/components/Skeleton';
import { useDocumentTitle } from '@/hooks/useDocumentTitle';
import { runColors } from '@/lib/run-colors';
import { baselineFirst } from '@/lib/run-diff/baseline';
import { MAX_COMPARE_RUNS } from '@/lib/run-diff/compare-url';
import { buildRunDiff, filterRunDiff } from '@/lib/run-diff/diff-model';
import type { SectionId } from '@/lib/run-diff/diff-model';
import { runDiffCsv } from '@/lib/run-diff/diff-csv';
import { BrushedOnlyToggle, CompareParcoords } from './CompareParcoords';
import { CompareProblems } from './CompareProblems';
import { CompareToolbar } from './CompareToolbar';
import { DiffTable } from './DiffTable';
import { useCompareKeys } from './useCompareKeys';
import { useCompareParcoords } from './useCompareParcoords';
import { useCompareView } from './useCompareView';
import { useMetricDirections } from '@/hooks/useMetricDirections';
import { StepChoiceControl } from './StepChoiceControl';
import { CompareNotes } from './CompareNotes';
import { useStepValues } from './useStepValues';
import { ValueDialog } from './ValueDialog';
import type { OpenValue } from './ValueDialog';
import { ArtifactDiff } from './ArtifactDiff';
import { CompareCharts } from './CompareCharts';
import './compare.css';

/** `/compare?runs=…`: the runs side by side, differences first, against a baseline if one is set. */
interface ComparePageProps {
  /** The chosen metrics' curves over these runs (the app passes the charts feature's view). */
  curves?: ((runs: readonly RunView[]) => ReactNode) | undefined;
}

export function ComparePage({ curves }: ComparePageProps) {
  useDocumentTitle('Compare runs');
  const { view, set, patch } = useCompareView();
  const query = useQuery({
    ...runQueries.compare(view.runs, view.experiments),
    enabled: view.runs.length > 0,
  });
  const loadedRuns = useMemo(
    () => baselineFirst(query.data?.runs ?? [], view.baseline, (r) => r.runId),
    [query.data, view.baseline],
  );
  // Building the diff of 100+ runs and mounting its table is ~100 ms of work. Deferred, it runs in
  // a background render that React slices, instead of inside the task that delivered the data.
  const allRuns = useDeferredValue(loadedRuns);
  const experimentIds = useMemo(() => [...new Set(allRuns.map((r) => r.experimentId))], [allRuns]);
  const directions = useMetricDirections(experimentIds);
  const [search, setSearch] = useState('');
  const deferredSearch = useDeferredValue(search);
  const [openValue, setOpenValue] = useState<OpenValue>();
  const step = useStepValues(allRuns, view.step, directions.of);
  // The diff's runs: every run, or only those inside the parallel coordinates' brushes.
  const pc = useCompareParcoords(allRuns, step.inputs, view);
  const runs = pc.shown.runs;
  const diff = useMemo(() => buildRunDiff(pc.shown.inputs), [pc.shown.inputs]);
  const sections = useMemo(
    () => filterRunDiff(diff, { differencesOnly: view.differencesOnly, search: deferredSearch }),
    [diff, view.differencesOnly, deferredSearch],
  );
  const colors = useMemo(() => runColors(allRuns.map((r) => r.runId)), [allRuns]);
  const baselineId = runs[0]?.runId === view.baseline ? view.baseline : undefined;
  useCompareKeys({
    onToggleDifferences: () => set('differencesOnly', !view.differencesOnly),
    onBaseline: (index) => {
      const run = runs[index];
      if (run) set('baseline', run.runId);
    },
  });

  const toggleSection = (id: SectionId) =>
    set(
      'collapsed',
      view.collapsed.includes(id)
        ? view.collapsed.filter((s) => s !== id)
        : [...view.collapsed, id],
    );
  const exportCsv = () => {
    const csv = runDiffCsv(
      runs.map((r) => ({ runId: r.runId, name: r.name })),
      sections.filter((s) => !view.collapsed.includes(s.id)),
    );
    download(new Blob([csv], { type: 'text/csv;charset=utf-8' }), 'run-diff.csv');
  };

  return (
    <div className="page compare-page">
      <header className="page-header">
        <h1>Compare runs</h1>
        {allRuns.length > 0 && (
          <p className="page-subtitle">{allRuns.length.toLocaleString('en')} runs</p>
        )}
      </header>
      <CompareProblems
        problems={query.data?.problems ?? []}
        rejected={view.rejected}
        truncated={view.truncated ? { total: view.totalRuns, shown: MAX_COMPARE_RUNS } : undefined}
      />
      {view.runs.length === 0 ? (
        <EmptyState title="No runs to compare">
          Select runs in an experiment&apos;s runs table and press Compare, or open a link of the
          form <code>/compare?runs=&lt;run id&gt;,&lt;run id&gt;</code>.
        </EmptyState>
      ) : query.isPending ? (
        <Skeleton rows={8} label="Loading runs…" />
      ) : query.isError ? (
        <ErrorNotice
          error={query.error}
          title="The runs could not be loaded"
          onRetry={() => void query.refetch()}
        />
      ) : allRuns.length === 0 && loadedRuns.length > 0 ? (
        <Skeleton rows={8} label="Loading runs…" />
      ) : allRuns.length === 0 ? (
        <EmptyState title="None of these runs can be shown">
          The reasons are listed above.
        </EmptyState>
      ) : (
        <>
          <CompareToolbar
            differencesOnly={view.differencesOnly}
            onDifferencesOnly={(on) => set('differencesOnly', on)}
            hiddenEqual={sections.reduce((n, s) => n + s.hiddenEqual, 0)}
            search={search}
            onSearch={setSearch}
            onExport={exportCsv}
          >
            <StepChoiceControl
              choice={view.step}
              onChange={(choice) => set('step', choice)}
              metrics={step.metricKeys}
              loading={step.loading}
            />
            <BrushedOnlyToggle pc={pc} />
          </CompareToolbar>
          <CompareNotes step={step} choice={view.step} localOnly={directions.localOnly} />
          <DiffTable
            runs={runs}
            colors={colors}
            sections={sections}
            collapsed={view.collapsed}
            baselineId={baselineId}
            directionOf={directions.of}
            directionsBusy={directions.saving}
            onChooseDirection={directions.choose}
            onToggleSection={toggleSection}
            onBaseline={(id) => set('baseline', id)}
            onOpenValue={(row, i) => {
              const cell = row.cells[i];
              const run = runs[i];
              if (cell && run) setOpenValue({ key: row.key, runName: run.name, text: cell.text });
            }}
          />
          <Deferred fallback={<Skeleton rows={6} label="Loading the charts…" />}>
            <CompareParcoords pc={pc} colors={colors} />
            <CompareCharts
              runs={runs}
              inputs={pc.shown.inputs}
              paramRows={diff.sections.find((s) => s.id === 'params')?.rows ?? []}
              metricKeys={step.metricKeys}
              colors={colors}
              curves={curves}
            />
            <ArtifactDiff runs={runs} choice={view} onChoose={patch} />
          </Deferred>
        </>
      )}
      <ValueDialog value={openValue} onClose={() => setOpenValue(undefined)} />
    </div>
  );
}
