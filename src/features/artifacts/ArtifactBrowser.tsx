import { useId, useState } from 'react';
import type { ArtifactEntry } from '@/api/artifacts';
import { ArtifactPreview } from './ArtifactPreview';
import { ArtifactTree } from './ArtifactTree';
import './artifacts.css';

/** The run's artifacts: a lazily loaded tree beside a preview of the chosen file. */
export function ArtifactBrowser({ runId }: { runId: string }) {
  const headingId = useId();
  const [selected, setSelected] = useState<ArtifactEntry | undefined>();
  return (
    <section className="run-section" aria-labelledby={headingId}>
      <div className="run-section-header">
        <h2 id={headingId}>Artifacts</h2>
      </div>
      <div className="artifact-browser">
        <ArtifactTree runId={runId} selectedPath={selected?.path} onSelect={setSelected} />
        <div className="artifact-preview-pane">
          {selected ? (
            <ArtifactPreview key={selected.path} runId={runId} entry={selected} />
          ) : (
            <p className="artifact-hint">Select a file to preview it.</p>
          )}
        </div>
      </div>
    </section>
  );
}
