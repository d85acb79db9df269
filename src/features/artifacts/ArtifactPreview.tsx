import { useQuery } from '@tanstack/react-query';
import { artifactUrl } from '@/api/artifacts';
import type { ArtifactEntry } from '@/api/artifacts';
import { artifactQueries } from '@/api/queries/artifacts';
import { ErrorNotice } from '@/components/ErrorNotice';
import { PREVIEW_CAP_BYTES, artifactKind, dirName, formatBytes } from '@/lib/artifact-kind';
import type { ModelFolderAction } from './ArtifactBrowser';
import { CsvPreview } from './previews/CsvPreview';
import { HtmlPreview } from './previews/HtmlPreview';
import { JsonPreview } from './previews/JsonPreview';
import { MlModelPreview } from './previews/MlModelPreview';
import { DownloadLink, Notice } from './previews/PreviewStates';
import { TextPreview } from './previews/TextPreview';
import { YamlPreview } from './previews/YamlPreview';

interface ArtifactPreviewProps {
  runId: string;
  entry: ArtifactEntry;
  /** Shown above a model folder's view (the folder, or its MLmodel file, chosen). */
  modelAction?: ModelFolderAction | undefined;
}

/** The chosen artifact: its header with a download link, then the previewer its name calls for. */
export function ArtifactPreview({ runId, entry, modelAction }: ArtifactPreviewProps) {
  return (
    <div className="artifact-preview">
      <div className="artifact-preview-header">
        <code className="artifact-preview-path">{entry.path}</code>
        {!entry.isDir && (
          <>
            <span className="artifact-size">{formatBytes(entry.size)}</span>
            <DownloadLink runId={runId} path={entry.path} name={entry.name} />
          </>
        )}
      </div>
      {entry.isDir ? (
        <DirectoryPreview runId={runId} path={entry.path} modelAction={modelAction} />
      ) : (
        <FilePreview runId={runId} entry={entry} modelAction={modelAction} />
      )}
    </div>
  );
}

function FilePreview({ runId, entry, modelAction }: ArtifactPreviewProps) {
  const { path, size } = entry;
  if (size !== undefined && size > PREVIEW_CAP_BYTES) {
    return (
      <Notice>
        <p>
          This file is {formatBytes(size)}, over the {formatBytes(PREVIEW_CAP_BYTES)} preview limit.
          Download it to view it.
        </p>
        <DownloadLink runId={runId} path={path} name={entry.name} />
      </Notice>
    );
  }
  switch (artifactKind(path)) {
    case 'image':
      return (
        <div className="artifact-image">
          <img src={artifactUrl(runId, path, { preview: true })} alt={entry.name} />
        </div>
      );
    case 'table':
      return <CsvPreview runId={runId} entry={entry} />;
    case 'json':
      return <JsonPreview runId={runId} entry={entry} />;
    case 'yaml':
      return <YamlPreview runId={runId} entry={entry} />;
    case 'html':
      return <HtmlPreview runId={runId} entry={entry} />;
    case 'mlmodel':
      return (
        <>
          <ModelActions action={modelAction} dir={dirName(path)} />
          <MlModelPreview runId={runId} modelDir={path.slice(0, path.lastIndexOf('/') + 1)} />
        </>
      );
    case 'text':
      return <TextPreview runId={runId} entry={entry} />;
    case 'other':
      return (
        <Notice>
          <p>No preview for this kind of file. Download it to view it.</p>
        </Notice>
      );
  }
}

/** A model directory (it holds an MLmodel) gets the model view; other folders a hint. */
function DirectoryPreview({
  runId,
  path,
  modelAction,
}: {
  runId: string;
  path: string;
  modelAction: ModelFolderAction | undefined;
}) {
  const listing = useQuery(artifactQueries.list(runId, path));
  if (listing.isError)
    return <ErrorNotice error={listing.error} title={`Could not list ${path}`} />;
  if (listing.data?.some((e) => e.name === 'MLmodel')) {
    return (
      <>
        <ModelActions action={modelAction} dir={path} />
        <MlModelPreview runId={runId} modelDir={`${path}/`} />
      </>
    );
  }
  return <p className="artifact-hint">Select a file in this folder to preview it.</p>;
}

function ModelActions({ action, dir }: { action: ModelFolderAction | undefined; dir: string }) {
  if (!action) return null;
  return <div className="artifact-model-actions">{action(dir)}</div>;
}
