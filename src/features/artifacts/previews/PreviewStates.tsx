import type { ReactNode } from 'react';
import { artifactUrl } from '@/api/artifacts';
import { MlflowError } from '@/api/errors';
import { ErrorNotice } from '@/components/ErrorNotice';
import { Skeleton } from '@/components/Skeleton';

export function DownloadLink({ runId, path, name }: { runId: string; path: string; name: string }) {
  return (
    <a
      className="btn btn-small"
      href={artifactUrl(runId, path, { download: true })}
      download={name}
      aria-label={`Download ${name}`}
    >
      Download
    </a>
  );
}

export function Notice({ children }: { children: ReactNode }) {
  return <div className="artifact-notice">{children}</div>;
}

export function BinaryNotice() {
  return (
    <Notice>
      <p>Binary file, download to view.</p>
    </Notice>
  );
}

export function PreviewLoading() {
  return <Skeleton rows={6} label="Loading preview…" />;
}

/** A failed preview: the cap answer gets its own plain message, anything else MLflow's error. */
export function PreviewError({ error }: { error: unknown }) {
  if (error instanceof MlflowError && error.errorCode === 'ARTIFACT_TOO_LARGE') {
    return (
      <Notice>
        <p>This file is over the preview limit. Download it to view it.</p>
      </Notice>
    );
  }
  return <ErrorNotice error={error} title="Could not load the preview" />;
}
