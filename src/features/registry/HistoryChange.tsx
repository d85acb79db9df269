import { Link } from 'react-router';
import type { EntryView } from '@/lib/registry/history';
import { paths } from '@/lib/paths';

/** What one history entry changed: the alias or version, from where to where, and its marks. */
export function HistoryChange({ name, view }: { name: string; view: EntryView }) {
  const version = (v: string) => (
    <Link to={paths.modelVersion.href(name, v)} className="history-version">
      v{v}
    </Link>
  );
  return (
    <div className="history-what">
      {view.kind === 'alias' ? (
        <>
          <span className="chip chip-alias">
            <span className="chip-key">@{view.alias}</span>
          </span>
          {view.from === null ? (
            <span>set on {view.to !== null && version(view.to)}</span>
          ) : view.to === null ? (
            <span>removed from {version(view.from)}</span>
          ) : (
            <span>
              {version(view.from)} → {version(view.to)}
            </span>
          )}
        </>
      ) : (
        <>
          <span>Version {version(view.version)}</span>
          <span>
            {view.from} → {view.to ?? 'deleted'}
          </span>
        </>
      )}
      {view.outside && <span className="badge badge-outside">Changed outside Parallax</span>}
      {view.rollback && <span className="badge badge-rollback">Rollback</span>}
      {view.kind === 'stage' && (view.also.length > 0 || view.omitted > 0) && (
        <p className="history-also">
          With it:{' '}
          {view.also.map((m, i) => (
            <span key={m.version}>
              {i > 0 && ', '}
              {version(m.version)} {m.from} → {m.to}
            </span>
          ))}
          {view.omitted > 0 &&
            `${view.also.length > 0 ? ', and ' : ''}${view.omitted} more not recorded`}
        </p>
      )}
    </div>
  );
}
