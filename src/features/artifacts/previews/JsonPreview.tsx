import { useMemo } from 'react';
import type { ArtifactEntry } from '@/api/artifacts';
import { useArtifactText } from '../useArtifactText';
import { JsonTree } from './JsonTree';
import { BinaryNotice, PreviewError, PreviewLoading } from './PreviewStates';
import { TextPreview } from './TextPreview';

// Parsing and drawing a larger document would freeze the tab; it is shown as text instead.
const MAX_TREE_BYTES = 10 * 1024 * 1024;

export function JsonPreview({ runId, entry }: { runId: string; entry: ArtifactEntry }) {
  if (entry.size !== undefined && entry.size > MAX_TREE_BYTES) {
    return <TextPreview runId={runId} entry={entry} />;
  }
  return <JsonDocument runId={runId} entry={entry} />;
}

function JsonDocument({ runId, entry }: { runId: string; entry: ArtifactEntry }) {
  const query = useArtifactText(runId, entry.path);
  const text = query.data?.text;
  const parsed = useMemo(() => {
    if (text === undefined) return undefined;
    try {
      return { ok: true as const, value: JSON.parse(text) as unknown };
    } catch (e) {
      return { ok: false as const, error: e instanceof Error ? e.message : String(e) };
    }
  }, [text]);
  if (query.isPending) return <PreviewLoading />;
  if (query.isError) return <PreviewError error={query.error} />;
  if (!parsed) return <BinaryNotice />;
  if (!parsed.ok) {
    return (
      <>
        <p className="artifact-note artifact-parse-error">Not valid JSON: {parsed.error}</p>
        <pre className="artifact-pre">{text}</pre>
      </>
    );
  }
  return <JsonTree value={parsed.value} />;
}
