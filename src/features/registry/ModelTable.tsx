import { Link } from 'react-router';
import { toInt } from '@/api/client';
import type { ModelVersion, RegisteredModel } from '@/api/types';
import { RelativeTime } from '@/components/RelativeTime';
import { paths } from '@/lib/paths';
import { isHistoryTag } from '@/lib/registry/history';
import { isSystemTag } from '@/lib/run-fields';
import { ModelName } from './ModelName';

const DESCRIPTION_SNIPPET = 140;

function snippet(text: string | undefined): string {
  const flat = (text ?? '').replace(/\s+/g, ' ').trim();
  return flat.length > DESCRIPTION_SNIPPET ? `${flat.slice(0, DESCRIPTION_SNIPPET - 1)}…` : flat;
}

/** `latest_versions` holds the newest version in each stage; show them Production first. */
const STAGE_ORDER = ['Production', 'Staging', 'None', 'Archived'];
function byStage(a: ModelVersion, b: ModelVersion) {
  return (
    STAGE_ORDER.indexOf(a.current_stage ?? 'None') - STAGE_ORDER.indexOf(b.current_stage ?? 'None')
  );
}

interface ModelTableProps {
  models: readonly RegisteredModel[];
  /** The registry has stages; Unity Catalog has none, and no latest version per stage. */
  stages?: boolean;
}

export function ModelTable({ models, stages = true }: ModelTableProps) {
  return (
    <table className="data-table" aria-label="Registered models">
      <thead>
        <tr>
          <th scope="col">Name</th>
          {stages && <th scope="col">Latest versions</th>}
          <th scope="col">Aliases</th>
          <th scope="col">Tags</th>
          <th scope="col">Description</th>
          <th scope="col">Last modified</th>
        </tr>
      </thead>
      <tbody>
        {models.map((m) => (
          <tr key={m.name}>
            <td className="cell-name">
              <Link to={paths.model.href(m.name)} className="break-anywhere">
                <strong>
                  <ModelName name={m.name} />
                </strong>
              </Link>
            </td>
            {stages && (
              <td>
                <ul className="chip-list">
                  {[...(m.latest_versions ?? [])].sort(byStage).map((v) => (
                    <li key={v.version} className="chip">
                      <span className="chip-key">{v.current_stage ?? 'None'}</span>
                      <Link className="chip-value" to={paths.modelVersion.href(m.name, v.version)}>
                        v{v.version}
                      </Link>
                    </li>
                  ))}
                </ul>
              </td>
            )}
            <td>
              <ul className="chip-list">
                {(m.aliases ?? []).map((a) => (
                  <li key={a.alias} className="chip chip-alias">
                    <span className="chip-key">@{a.alias}</span>
                    <span className="chip-value">v{a.version}</span>
                  </li>
                ))}
              </ul>
            </td>
            <td>
              <ul className="chip-list">
                {(m.tags ?? [])
                  .filter((t) => !isSystemTag(t.key) && !isHistoryTag(t.key))
                  .map((t) => (
                    <li key={t.key} className="chip">
                      <span className="chip-key">{t.key}</span>
                      <span className="chip-value">{t.value}</span>
                    </li>
                  ))}
              </ul>
            </td>
            <td className="cell-description" title={m.description}>
              {snippet(m.description)}
            </td>
            <td className="cell-time">
              <RelativeTime ms={toInt(m.last_updated_timestamp)} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
