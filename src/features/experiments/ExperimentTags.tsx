import type { KeyValue } from '@/api/types';

/** MLflow's own bookkeeping tags (note, source, owner…) are not the user's labels. */
const isUserTag = (tag: KeyValue) => !tag.key.startsWith('mlflow.');

/** The experiment's own tags as `key: value` chips. */
export function ExperimentTags({ tags }: { tags: readonly KeyValue[] }) {
  const shown = tags.filter(isUserTag);
  if (shown.length === 0) return null;
  return (
    <ul className="chip-list" aria-label="Tags">
      {shown.map((t) => (
        <li key={t.key} className="chip" title={`${t.key}: ${t.value}`}>
          <span className="chip-key">{t.key}</span>
          {t.value && <span className="chip-value">{t.value}</span>}
        </li>
      ))}
    </ul>
  );
}
