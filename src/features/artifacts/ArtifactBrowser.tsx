import { lazy, Suspense, useId, useState } from 'react';
import type { ReactNode } from 'react';
import type { ArtifactEntry } from '@/api/artifacts';
import { afterTask } from '@/lib/next-task';
import { ArtifactTree } from './ArtifactTree';
import { PreviewLoading } from './previews/PreviewStates';
import './artifacts.css';

// The previewers (papaparse, yaml, the JSON tree) load when a file is first chosen, not with the
// run page: most visits never open one.
const ArtifactPreview = lazy(
  afterTask(() => import('./ArtifactPreview').then((m) => ({ default: m.ArtifactPreview }))),
);

/** Actions on a model folder (one holding an MLmodel; '' is the root), composed by the app. */
export type ModelFolderAction = (modelDir: string) => ReactNode;

/** The run's artifacts: a lazily loaded tree beside a preview of the chosen file. */
export function ArtifactBrowser({
  runId,
  modelAction,
}: {
  runId: string;
  modelAction?: ModelFolderAction;
}) {
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
            <Suspense fallback={<PreviewLoading />}>
              <ArtifactPreview
                key={selected.path}
                runId={runId}
                entry={selected}
                modelAction={modelAction}
              />
            </Suspense>
          ) : (
            <p className="artifact-hint">Select a file to preview it.</p>
          )}
        </div>
      </div>
    </section>
  );
}
