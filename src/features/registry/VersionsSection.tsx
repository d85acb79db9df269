import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { toInt } from '@/api/client';
import { configQueries } from '@/api/queries/config';
import type { ModelVersion } from '@/api/types';
import { ErrorNotice } from '@/components/ErrorNotice';
import { RelativeTime } from '@/components/RelativeTime';
import { Skeleton } from '@/components/Skeleton';
import { VirtualTable } from '@/components/VirtualTable';
import type { VirtualColumn } from '@/components/VirtualTable';
import { paths } from '@/lib/paths';
import { useModelVersions } from './useModelVersions';
import { VersionStatus } from './VersionStatus';
import { SignaturePresence } from './SignaturePresence';

interface Selection {
  has: (version: string) => boolean;
  toggle: (version: string) => void;
}

function versionColumns(
  name: string,
  stages: boolean,
  selection: Selection,
): VirtualColumn<ModelVersion>[] {
  return [
    {
      header: 'Select',
      width: '4rem',
      render: (v) => (
        <input
          type="checkbox"
          aria-label={`Select version ${v.version}`}
          checked={selection.has(v.version)}
          onChange={() => selection.toggle(v.version)}
        />
      ),
    },
    {
      header: 'Version',
      width: '6rem',
      render: (v) => <Link to={paths.modelVersion.href(name, v.version)}>v{v.version}</Link>,
    },
    // A Unity Catalog registry has no stages: the column would only ever say "None".
    ...(stages
      ? [{ header: 'Stage', width: '7rem', render: (v: ModelVersion) => v.current_stage ?? 'None' }]
      : []),
    {
      header: 'Aliases',
      width: '10rem',
      render: (v) => (v.aliases ?? []).map((a) => `@${a}`).join(' '),
    },
    {
      header: 'Status',
      width: '9rem',
      render: (v) => <VersionStatus version={v} compact />,
    },
    {
      header: 'Created',
      width: '8rem',
      render: (v) => <RelativeTime ms={toInt(v.creation_timestamp)} />,
    },
    { header: 'Creator', width: '10rem', render: (v) => v.user_id ?? '' },
    {
      header: 'Source run',
      width: '9rem',
      render: (v) =>
        v.run_id ? (
          <Link className="cell-mono" to={paths.runById.href(v.run_id)}>
            {v.run_id.slice(0, 8)}
          </Link>
        ) : (
          '—'
        ),
    },
    {
      header: 'Signature',
      width: '13rem',
      render: (v) => <SignaturePresence version={v} />,
    },
    {
      header: 'Tags',
      width: '12rem',
      render: (v) => (v.tags ?? []).map((t) => `${t.key}=${t.value}`).join(', '),
    },
    { header: 'Description', render: (v) => v.description ?? '' },
  ];
}

/** Every version of the model, newest first, in a table that draws only the rows in view. */
export function VersionsSection({ name }: { name: string }) {
  const { query, versions, partial } = useModelVersions(name, { newestFirst: true });
  const config = useQuery(configQueries.detail());
  const stages = config.data?.capabilities.stages ?? true;
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const selection: Selection = {
    has: (v) => selected.has(v),
    toggle: (v) =>
      setSelected((prev) => {
        const next = new Set(prev);
        if (!next.delete(v)) next.add(v);
        return next;
      }),
  };
  // The run diff of the chosen versions' source runs (a version registered without a run has none).
  const sourceRuns = [
    ...new Set(
      versions.filter((v) => selected.has(v.version) && v.run_id).map((v) => v.run_id ?? ''),
    ),
  ];
  return (
    <section className="detail-section" aria-labelledby="model-versions-title">
      <h2 id="model-versions-title">
        Versions
        {query.data && (
          <span className="section-count"> {versions.length.toLocaleString('en')}</span>
        )}
      </h2>
      {query.isPending && !partial ? (
        <Skeleton rows={4} label="Loading versions…" />
      ) : query.isError ? (
        <ErrorNotice
          error={query.error}
          title="The versions could not be loaded"
          onRetry={() => void query.refetch()}
        />
      ) : versions.length === 0 ? (
        <p className="detail-section-empty">
          No versions yet. Register a run&apos;s model to create version 1.
        </p>
      ) : (
        <>
          <div className="toolbar versions-toolbar">
            <span role="status">
              {partial
                ? `The newest ${versions.length} versions; loading the rest…`
                : selected.size === 0
                  ? 'Select versions to compare their source runs.'
                  : `${selected.size} selected`}
            </span>
            {sourceRuns.length >= 2 ? (
              <Link className="btn btn-small" to={paths.compare.href(sourceRuns)}>
                Compare source runs
              </Link>
            ) : (
              selected.size >= 2 && <span>These versions share one source run.</span>
            )}
          </div>
          <VirtualTable
            label="Model versions"
            columns={versionColumns(name, stages, selection)}
            items={versions}
            rowKey={(v) => v.version}
          />
        </>
      )}
    </section>
  );
}
