import { splitExperimentName } from '@/lib/experiment-name';

/**
 * A workspace-path name with its folders muted and its leaf emphasised. The text content is the
 * name exactly as MLflow stores it (rendered as text, never as markup), so it reads and matches
 * as the real name.
 */
export function ExperimentName({ name }: { name: string }) {
  const { prefix, leaf } = splitExperimentName(name);
  return (
    <span className="experiment-name">
      {prefix && <span className="experiment-name-path">{prefix}</span>}
      <span className="experiment-name-leaf">{leaf}</span>
    </span>
  );
}
