import { useMemo, useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { toInt } from '@/api/client';
import type { Experiment } from '@/api/types';
import { RelativeTime } from '@/components/RelativeTime';
import { useCanEdit } from '@/components/useCanEdit';
import {
  buildExperimentFolders,
  type ExperimentFolder,
  type FolderEntry,
} from '@/lib/experiment-folders';
import { paths } from '@/lib/paths';
import { ExperimentActions, type ExperimentRowActions } from './ExperimentActions';

interface ExperimentFolderTreeProps extends ExperimentRowActions {
  experiments: readonly Experiment[];
  view: 'active' | 'deleted';
  /** The search shown, '' for none: every folder holding a match opens. */
  search: string;
}

/**
 * The experiments grouped by their workspace folders (`/Shared/…`, `/Users/<email>/…`). Each
 * folder is a disclosure button (Tab to it, Enter or Space opens it), so the keyboard reaches
 * every experiment the way it reaches any link.
 */
export function ExperimentFolderTree({
  experiments,
  search,
  view,
  ...actions
}: ExperimentFolderTreeProps) {
  const canEdit = useCanEdit();
  const tree = useMemo(() => buildExperimentFolders(experiments, (e) => e.name), [experiments]);
  // Without a search, folders open one by one; with one, all are open but those closed since
  // that search was typed (a new search opens them all again).
  const [open, setOpen] = useState<ReadonlySet<string>>(new Set());
  const [closed, setClosed] = useState<{ search: string; paths: ReadonlySet<string> }>({
    search: '',
    paths: new Set(),
  });
  const closedNow = closed.search === search ? closed.paths : new Set<string>();
  const isOpen = (path: string) => (search ? !closedNow.has(path) : open.has(path));
  const toggle = (path: string) => {
    if (search) setClosed({ search, paths: flip(closedNow, path) });
    else setOpen((prev) => flip(prev, path));
  };
  const shape: TreeShape = {
    isOpen,
    toggle,
    // Read-only mode offers no actions at all.
    actionsFor: canEdit
      ? (experiment) => <ExperimentActions experiment={experiment} view={view} {...actions} />
      : () => null,
  };
  return (
    <div className="experiment-folders" aria-label="Experiments by folder" role="group">
      <FolderEntries folder={tree} shape={shape} />
    </div>
  );
}

function flip(set: ReadonlySet<string>, path: string): ReadonlySet<string> {
  const next = new Set(set);
  if (next.has(path)) next.delete(path);
  else next.add(path);
  return next;
}

/** What every level of the tree needs from the top: open state and the row actions. */
interface TreeShape {
  isOpen: (path: string) => boolean;
  toggle: (path: string) => void;
  actionsFor: (experiment: Experiment) => ReactNode;
}

interface FolderEntriesProps {
  folder: ExperimentFolder<Experiment>;
  shape: TreeShape;
  id?: string;
}

function FolderEntries({ folder, shape, id }: FolderEntriesProps) {
  return (
    <ul className="folder-entries" id={id}>
      {folder.children.map((entry) => (
        <li key={entryKey(entry)}>
          {entry.kind === 'folder' ? (
            <FolderItem folder={entry} shape={shape} />
          ) : (
            <ExperimentItem entry={entry} actions={shape.actionsFor(entry.item)} />
          )}
        </li>
      ))}
    </ul>
  );
}

function FolderItem({ folder, shape }: Omit<FolderEntriesProps, 'id'>) {
  const open = shape.isOpen(folder.path);
  const listId = `folder-${folder.path}`;
  return (
    <>
      <button
        type="button"
        className="folder-toggle"
        aria-expanded={open}
        aria-controls={open ? listId : undefined}
        title={folder.path}
        onClick={() => shape.toggle(folder.path)}
      >
        <span className="folder-caret" aria-hidden="true">
          {open ? '▾' : '▸'}
        </span>
        <span className="folder-name">{folder.name}</span>
        <span className="folder-count">
          {folder.count} {folder.count === 1 ? 'experiment' : 'experiments'}
        </span>
      </button>
      {open && <FolderEntries folder={folder} id={listId} shape={shape} />}
    </>
  );
}

interface ExperimentItemProps {
  entry: Extract<FolderEntry<Experiment>, { kind: 'experiment' }>;
  actions: ReactNode;
}

function ExperimentItem({ entry, actions }: ExperimentItemProps) {
  const { experiment_id: id, name } = entry.item;
  return (
    <div className="folder-experiment">
      <Link to={paths.experiment.href(id)} title={name}>
        {entry.name}
      </Link>
      <span className="folder-experiment-time">
        <RelativeTime ms={toInt(entry.item.last_update_time)} />
      </span>
      {actions && <span className="folder-experiment-actions">{actions}</span>}
    </div>
  );
}

function entryKey(entry: FolderEntry<Experiment>): string {
  return entry.kind === 'folder'
    ? `folder:${entry.path}`
    : `experiment:${entry.item.experiment_id}`;
}
