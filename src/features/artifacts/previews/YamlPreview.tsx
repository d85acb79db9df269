import { useMemo } from 'react';
import { parse, stringify } from 'yaml';
import type { ArtifactEntry } from '@/api/artifacts';
import { useArtifactText } from '../useArtifactText';
import { BinaryNotice, PreviewError, PreviewLoading } from './PreviewStates';
import { TextPreview } from './TextPreview';

const MAX_PARSE_BYTES = 5 * 1024 * 1024;

/** YAML parsed and shown formatted; what does not parse is shown as it is, under the parser's error. */
export function YamlPreview({ runId, entry }: { runId: string; entry: ArtifactEntry }) {
  if (entry.size !== undefined && entry.size > MAX_PARSE_BYTES) {
    return <TextPreview runId={runId} entry={entry} />;
  }
  return <YamlDocument runId={runId} entry={entry} />;
}

function YamlDocument({ runId, entry }: { runId: string; entry: ArtifactEntry }) {
  const query = useArtifactText(runId, entry.path);
  const text = query.data?.text;
  const formatted = useMemo(() => {
    if (text === undefined) return undefined;
    try {
      // Plain data only: no custom tags, and aliases bounded so a "billion laughs" file stays small.
      const value: unknown = parse(text, { maxAliasCount: 100 });
      return { ok: true as const, text: stringify(value, { indent: 2 }) };
    } catch (e) {
      return { ok: false as const, error: e instanceof Error ? e.message : String(e) };
    }
  }, [text]);
  if (query.isPending) return <PreviewLoading />;
  if (query.isError) return <PreviewError error={query.error} />;
  if (!formatted) return <BinaryNotice />;
  if (!formatted.ok) {
    return (
      <>
        <p role="status" className="artifact-note artifact-parse-error">
          Not valid YAML: {formatted.error}
        </p>
        <pre className="artifact-pre">{text}</pre>
      </>
    );
  }
  return (
    <pre className="artifact-pre artifact-yaml" aria-label={`Contents of ${entry.name}`}>
      {formatted.text}
    </pre>
  );
}
