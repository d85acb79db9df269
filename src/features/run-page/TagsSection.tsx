import { useId, useMemo } from 'react';
import { compareKeys, isSystemTag } from '@/lib/run-fields';

/** The user's own tags; MLflow's `mlflow.*` tags appear in the overview instead. Read-only for now. */
export function TagsSection({ tags }: { tags: ReadonlyMap<string, string> }) {
  const headingId = useId();
  const userTags = useMemo(
    () =>
      [...tags.entries()]
        .filter(([key]) => !isSystemTag(key))
        .sort(([a], [b]) => compareKeys(a, b)),
    [tags],
  );

  return (
    <section className="run-section" aria-labelledby={headingId}>
      <div className="run-section-header">
        <h2 id={headingId}>Tags</h2>
      </div>
      {userTags.length === 0 ? (
        <p className="run-section-empty">No tags.</p>
      ) : (
        <table aria-label="Tags" className="data-table run-table run-tags-table">
          <thead>
            <tr>
              <th scope="col">Key</th>
              <th scope="col">Value</th>
            </tr>
          </thead>
          <tbody>
            {userTags.map(([key, value]) => (
              <tr key={key}>
                <td>{key}</td>
                <td className="run-tag-value">{value}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
