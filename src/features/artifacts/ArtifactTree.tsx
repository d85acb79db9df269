import { useQuery } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import type { ArtifactEntry } from '@/api/artifacts';
import { artifactQueries } from '@/api/queries/artifacts';
import { ErrorNotice } from '@/components/ErrorNotice';
import { Skeleton } from '@/components/Skeleton';
import { dirName, formatBytes } from '@/lib/artifact-kind';

interface ArtifactTreeProps {
  runId: string;
  selectedPath: string | undefined;
  onSelect: (entry: ArtifactEntry) => void;
}

interface TreeState {
  runId: string;
  expanded: ReadonlySet<string>;
  focused: string | undefined;
  selectedPath: string | undefined;
  toggle: (path: string, open?: boolean) => void;
  focus: (path: string) => void;
  select: (entry: ArtifactEntry) => void;
}

/**
 * The artifact tree (WAI-ARIA tree pattern): each directory lists its entries only when opened,
 * one `artifacts/list` call per level. Arrow keys move and open, Enter selects.
 */
export function ArtifactTree({ runId, selectedPath, onSelect }: ArtifactTreeProps) {
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const [focused, setFocused] = useState<string | undefined>();
  const treeRef = useRef<HTMLUListElement>(null);
  const root = useQuery(artifactQueries.list(runId, ''));

  const state: TreeState = {
    runId,
    expanded,
    focused: focused ?? root.data?.[0]?.path,
    selectedPath,
    toggle: (path, open) =>
      setExpanded((prev) => {
        const next = new Set(prev);
        const shouldOpen = open ?? !prev.has(path);
        if (shouldOpen) next.add(path);
        else next.delete(path);
        return next;
      }),
    focus: (path) => {
      setFocused(path);
      treeRef.current?.querySelector<HTMLElement>(`[data-path="${CSS.escape(path)}"]`)?.focus();
    },
    select: onSelect,
  };

  if (root.isPending) return <Skeleton rows={4} label="Loading artifacts…" />;
  if (root.isError) {
    return (
      <ErrorNotice
        error={root.error}
        title="Could not list the artifacts"
        onRetry={() => void root.refetch()}
      />
    );
  }
  if (root.data.length === 0) return <p className="artifact-hint">No artifacts logged.</p>;

  const onKeyDown = (e: KeyboardEvent<HTMLUListElement>) => {
    const items = [...(treeRef.current?.querySelectorAll<HTMLElement>('[role="treeitem"]') ?? [])];
    const current = (e.target as HTMLElement).closest<HTMLElement>('[role="treeitem"]');
    const index = current ? items.indexOf(current) : -1;
    const path = current?.dataset.path;
    if (index < 0 || path === undefined) return;
    const isDir = current?.getAttribute('aria-expanded') !== null;
    const isOpen = current?.getAttribute('aria-expanded') === 'true';
    const go = (el: HTMLElement | undefined) => {
      if (el?.dataset.path !== undefined) state.focus(el.dataset.path);
    };
    switch (e.key) {
      case 'ArrowDown':
        go(items[index + 1]);
        break;
      case 'ArrowUp':
        go(items[index - 1]);
        break;
      case 'Home':
        go(items[0]);
        break;
      case 'End':
        go(items.at(-1));
        break;
      case 'ArrowRight':
        if (isDir && !isOpen) state.toggle(path, true);
        else if (isOpen) go(items[index + 1]);
        break;
      case 'ArrowLeft':
        if (isOpen) state.toggle(path, false);
        else if (dirName(path)) state.focus(dirName(path));
        break;
      case 'Enter':
      case ' ':
        current?.querySelector<HTMLElement>('.artifact-row')?.click();
        break;
      default:
        return;
    }
    e.preventDefault();
  };

  return (
    <ul
      ref={treeRef}
      role="tree"
      aria-label="Artifacts"
      className="artifact-tree"
      onKeyDown={onKeyDown}
    >
      {root.data.map((entry) => (
        <TreeNode key={entry.path} entry={entry} level={1} state={state} />
      ))}
    </ul>
  );
}

function TreeNode({
  entry,
  level,
  state,
}: {
  entry: ArtifactEntry;
  level: number;
  state: TreeState;
}) {
  const open = entry.isDir && state.expanded.has(entry.path);
  const onClick = () => {
    state.focus(entry.path);
    state.select(entry);
    if (entry.isDir) state.toggle(entry.path);
  };
  return (
    <li
      role="treeitem"
      aria-label={entry.name}
      aria-level={level}
      aria-expanded={entry.isDir ? open : undefined}
      aria-selected={state.selectedPath === entry.path}
      tabIndex={state.focused === entry.path ? 0 : -1}
      data-path={entry.path}
      className="artifact-node"
    >
      {/* The row is the click target; keyboard users act on the focused treeitem instead. */}
      <div
        className="artifact-row"
        style={{ paddingLeft: `${(level - 1) * 1.1 + 0.4}rem` }}
        onClick={onClick}
      >
        <span className="artifact-icon" aria-hidden="true">
          {entry.isDir ? (open ? '▾' : '▸') : '·'}
        </span>
        <span className="artifact-name" title={entry.path}>
          {entry.name}
        </span>
        {!entry.isDir && <span className="artifact-size">{formatBytes(entry.size)}</span>}
      </div>
      {open && <TreeChildren path={entry.path} level={level + 1} state={state} />}
    </li>
  );
}

function TreeChildren({ path, level, state }: { path: string; level: number; state: TreeState }) {
  const children = useQuery(artifactQueries.list(state.runId, path));
  if (children.isPending) {
    return (
      <ul role="group">
        <li role="none" className="artifact-hint" style={{ paddingLeft: `${level * 1.1}rem` }}>
          Loading…
        </li>
      </ul>
    );
  }
  if (children.isError) {
    return (
      <ul role="group">
        <li role="none">
          <ErrorNotice error={children.error} title={`Could not list ${path}`} />
        </li>
      </ul>
    );
  }
  return (
    <ul role="group">
      {children.data.length === 0 && (
        <li role="none" className="artifact-hint" style={{ paddingLeft: `${level * 1.1}rem` }}>
          Empty folder
        </li>
      )}
      {children.data.map((entry) => (
        <TreeNode key={entry.path} entry={entry} level={level} state={state} />
      ))}
    </ul>
  );
}
