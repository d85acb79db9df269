import { Link } from 'react-router';
import type { RegisteredModelAlias } from '@/api/types';
import { paths } from '@/lib/paths';

/** Each alias and the version it points at; aliases are set and moved from a version's page. */
export function ModelAliases({
  name,
  aliases,
}: {
  name: string;
  aliases: readonly RegisteredModelAlias[];
}) {
  return (
    <section className="detail-section" aria-labelledby="model-aliases-title">
      <h2 id="model-aliases-title">Aliases</h2>
      {aliases.length === 0 ? (
        <p className="detail-section-empty">
          No aliases. Open a version to give it one (for example <code>champion</code>).
        </p>
      ) : (
        <ul className="chip-list" aria-label="Aliases">
          {[...aliases]
            .sort((a, b) => a.alias.localeCompare(b.alias))
            .map((a) => (
              <li key={a.alias} className="chip chip-alias">
                <span className="chip-key">@{a.alias}</span>
                <Link className="chip-value" to={paths.modelVersion.href(name, a.version)}>
                  v{a.version}
                </Link>
              </li>
            ))}
        </ul>
      )}
    </section>
  );
}
