import type { ReactNode } from 'react';
import type { RunsLifecycle } from '@/lib/runs-view-state';
import type { RunKeys } from './useRunKeys';

interface RunsToolbarProps {
  lifecycle: RunsLifecycle;
  onLifecycle: (lifecycle: RunsLifecycle) => void;
  groupBy: string | undefined;
  onGroupBy: (groupBy: string | undefined) => void;
  keys: RunKeys;
  /** The filter bar and the column chooser, composed by the table. */
  filter: ReactNode;
  columns: ReactNode;
}

/** Filter, lifecycle, grouping and columns above the table. */
export function RunsToolbar(props: RunsToolbarProps) {
  const { lifecycle, onLifecycle, groupBy, onGroupBy, keys, filter, columns } = props;
  const groupKeys = [
    ...keys.params.map((k) => `params.${k}`),
    ...keys.tags.map((k) => `tags.${k}`),
  ];
  // A group key from the URL that no loaded run has yet still shows as chosen.
  if (groupBy && !groupKeys.includes(groupBy)) groupKeys.unshift(groupBy);
  return (
    <div className="runs-toolbar">
      <div className="runs-toolbar-filter">{filter}</div>
      <label className="runs-toolbar-field">
        <span>Lifecycle</span>
        <select
          className="select select-compact"
          value={lifecycle}
          onChange={(e) => onLifecycle(e.target.value as RunsLifecycle)}
        >
          <option value="active">Active</option>
          <option value="deleted">Deleted</option>
          <option value="all">All</option>
        </select>
      </label>
      <label className="runs-toolbar-field">
        <span>Group by</span>
        <select
          className="select select-compact"
          value={groupBy ?? ''}
          onChange={(e) => onGroupBy(e.target.value || undefined)}
        >
          <option value="">None</option>
          {groupKeys.map((id) => (
            <option key={id} value={id}>
              {id.startsWith('params.') ? `param ${id.slice(7)}` : `tag ${id.slice(5)}`}
            </option>
          ))}
        </select>
      </label>
      {columns}
    </div>
  );
}
