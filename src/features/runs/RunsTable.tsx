import { useCallback, useMemo } from 'react';
import { functionalUpdate, useTable } from '@tanstack/react-table';
import type { SortingState } from '@tanstack/react-table';
import { Link, useNavigate } from 'react-router';
import { ErrorNotice } from '@/components/ErrorNotice';
import { Skeleton } from '@/components/Skeleton';
import { useRunSelection } from '@/hooks/useRunSelection';
import { paths } from '@/lib/paths';
import { DEFAULT_RUN_SORT } from '@/lib/run-sort';
import { ColumnChooser } from './ColumnChooser';
import { RunsFilterBar } from './filter/RunsFilterBar';
import { RunsEmpty } from './RunsEmpty';
import { RunsFooter } from './RunsFooter';
import { RunsGrid } from './RunsGrid';
import { RunsToolbar } from './RunsToolbar';
import { SelectionActions } from './SelectionActions';
import { runsTableFeatures } from './runs-table-model';
import { useDefaultColumns, useRunKeys } from './useRunKeys';
import { useRunsPages } from './useRunsPages';
import { useBestMarks } from './useBestMarks';
import { useRunsTableColumns } from './useRunsTableColumns';
import { useRunsViewState } from './useRunsViewState';
import { useTableRows } from './useTableRows';
import { useRowSelection } from './useRowSelection';
import { useViewActions } from './useViewActions';
import './runs-table.css';

/** The runs of one experiment: loaded page after page, filtered, sorted, grouped and selectable. */
export function RunsTable({ experimentId }: { experimentId: string }) {
  // Keyed by experiment: rows kept from a previous view must never come from another experiment.
  return <ExperimentRuns key={experimentId} experimentId={experimentId} />;
}

function ExperimentRuns({ experimentId }: { experimentId: string }) {
  const navigate = useNavigate();
  const [view, updateView] = useRunsViewState();
  const { query, runs, complete, autoLoading, canLoadMore } = useRunsPages({
    experimentId,
    sort: view.sort,
    filter: view.filter,
    lifecycle: view.lifecycle,
  });
  const { keys, valuesFor } = useRunKeys(runs);
  const defaultColumns = useDefaultColumns(runs, view.sort.id);
  const chosen = view.columns ?? defaultColumns;
  const columns = useRunsTableColumns(chosen);
  const metricKeys = useMemo(
    () => chosen.filter((c) => c.kind === 'metrics').map((c) => c.key),
    [chosen],
  );
  const best = useBestMarks(experimentId, runs, metricKeys);
  const collapsedGroups = useMemo(() => new Set(view.closedGroups), [view.closedGroups]);
  const rows = useTableRows(runs, view.groupBy, view.expanded, collapsedGroups, metricKeys);
  const viewActions = useViewActions(updateView, chosen);
  const [selected, setSelected] = useRunSelection(experimentId);
  const selection = useRowSelection(rows, runs, selected, setSelected);

  const sorting = useMemo<SortingState>(
    () => [{ id: view.sort.id, desc: view.sort.desc }],
    [view.sort.id, view.sort.desc],
  );
  const table = useTable({
    features: runsTableFeatures,
    columns,
    data: rows as typeof rows extends readonly (infer R)[] ? R[] : never,
    getRowId: (row) => row.id,
    state: { sorting },
    onSortingChange: (updater) => {
      const [next] = functionalUpdate(updater, sorting);
      if (next) updateView({ sort: { id: next.id, desc: next.desc } });
    },
    manualSorting: true,
    enableMultiSort: false,
    enableSortingRemoval: false,
    sortDescFirst: false,
  });

  const runById = useMemo(() => new Map(runs.map((r) => [r.runId, r])), [runs]);
  const nameOf = useCallback((runId: string) => runById.get(runId)?.name, [runById]);

  const open = useCallback(
    (runId: string) => void navigate(paths.run.href(experimentId, runId)),
    [navigate, experimentId],
  );

  const loadedCount = runs.length;
  const rootProps = {
    className: 'runs-table-container',
    'data-testid': 'runs-table',
    'data-loaded-count': loadedCount,
    'data-complete': String(complete),
  };

  if (query.isPending) {
    return (
      <div {...rootProps}>
        <Skeleton rows={8} label="Loading runs…" />
      </div>
    );
  }

  const toolbar = (
    <RunsToolbar
      lifecycle={view.lifecycle}
      onLifecycle={(lifecycle) => updateView({ lifecycle })}
      groupBy={view.groupBy}
      onGroupBy={viewActions.setGroupBy}
      keys={keys}
      filter={
        <RunsFilterBar
          value={view.filter}
          onApply={(filter) => updateView({ filter })}
          keys={keys}
          valuesFor={valuesFor}
          serverError={query.isError && !query.isFetchNextPageError ? query.error : undefined}
          pending={query.isPlaceholderData}
        />
      }
      columns={
        <ColumnChooser keys={keys} chosen={chosen} onChange={(c) => updateView({ columns: c })} />
      }
    />
  );

  if (query.isError && !query.data) {
    return (
      <div {...rootProps}>
        {toolbar}
        <div className="runs-table-error">
          {/* A refused filter is explained by the filter bar, next to the text to fix. */}
          {view.filter === '' && (
            <ErrorNotice
              error={query.error}
              title="Could not load runs"
              onRetry={() => void query.refetch()}
            />
          )}
          {(view.filter !== '' ||
            view.sort.id !== DEFAULT_RUN_SORT.id ||
            view.sort.desc !== DEFAULT_RUN_SORT.desc) && (
            <Link to={paths.experiment.href(experimentId)}>Reset the view</Link>
          )}
        </div>
      </div>
    );
  }

  const isFiltered = view.filter !== '' || view.lifecycle !== 'active';
  return (
    <div {...rootProps}>
      {toolbar}
      {/* Rendered with no selection too: a bulk action's progress and summary outlive it. */}
      <SelectionActions
        experimentId={experimentId}
        runIds={selection.selectedIds}
        lifecycle={view.lifecycle}
        onSelect={setSelected}
        nameOf={nameOf}
      />
      {runs.length === 0 && !isFiltered ? (
        <RunsEmpty experimentId={experimentId} />
      ) : runs.length === 0 ? (
        <p className="runs-none">No runs match this view.</p>
      ) : (
        <RunsGrid
          table={table}
          rows={rows}
          best={best}
          selected={selected}
          busy={query.isPlaceholderData}
          allSelected={selection.allSelected}
          actions={{
            select: selection.select,
            toggleAll: selection.toggleAll,
            toggleExpanded: viewActions.toggleExpanded,
            toggleGroup: viewActions.toggleGroup,
            open,
          }}
          widths={view.widths}
          columnActions={viewActions}
        />
      )}
      <RunsFooter
        loaded={loadedCount}
        complete={complete}
        autoLoading={autoLoading}
        updating={query.isPlaceholderData}
        canLoadMore={canLoadMore}
        onLoadMore={() => void query.fetchNextPage()}
      />
      {query.isFetchNextPageError && (
        <ErrorNotice
          error={query.error}
          title="Could not load more runs"
          onRetry={() => void query.fetchNextPage()}
        />
      )}
      {query.isRefetchError && (
        <ErrorNotice
          error={query.error}
          title="Could not refresh runs"
          onRetry={() => void query.refetch()}
        />
      )}
    </div>
  );
}
