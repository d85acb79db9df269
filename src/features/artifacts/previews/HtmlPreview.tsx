import type { ArtifactEntry } from '@/api/artifacts';
import { useArtifactText } from '../useArtifactText';
import { BinaryNotice, Notice, PreviewError, PreviewLoading } from './PreviewStates';

const MAX_HTML_BYTES = 5 * 1024 * 1024;

/**
 * HTML only inside a frame with every sandbox permission withheld: no scripts, no forms, no
 * navigation of the page, and an opaque origin that cannot read Parallax's data.
 */
export function HtmlPreview({ runId, entry }: { runId: string; entry: ArtifactEntry }) {
  if (entry.size !== undefined && entry.size > MAX_HTML_BYTES) {
    return (
      <Notice>
        <p>This HTML file is too large to preview here. Download it to view it.</p>
      </Notice>
    );
  }
  return <HtmlFrame runId={runId} entry={entry} />;
}

function HtmlFrame({ runId, entry }: { runId: string; entry: ArtifactEntry }) {
  const query = useArtifactText(runId, entry.path);
  if (query.isPending) return <PreviewLoading />;
  if (query.isError) return <PreviewError error={query.error} />;
  if (query.data.text === undefined) return <BinaryNotice />;
  return (
    <iframe
      className="artifact-html"
      title={`Preview of ${entry.name}`}
      sandbox=""
      referrerPolicy="no-referrer"
      srcDoc={query.data.text}
    />
  );
}
