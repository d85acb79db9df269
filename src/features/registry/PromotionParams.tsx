import { useMemo } from 'react';
import type { DiffRow } from '@/lib/run-diff/diff-model';
import { buildRunDiff } from '@/lib/run-diff/diff-model';
import type { PromotionSide } from './usePromotionRuns';

function ParamRows({ rows }: { rows: readonly DiffRow[] }) {
  return (
    <>
      {rows.map((row) => (
        <tr key={row.key}>
          <th scope="row" className="promotion-key break-anywhere">
            {row.key}
          </th>
          {row.cells.map((cell, i) => (
            <td key={i} className="promotion-param break-anywhere">
              {cell === null ? <span aria-label="not logged">—</span> : cell.text}
            </td>
          ))}
        </tr>
      ))}
    </>
  );
}

/**
 * The source runs' params, those that differ first; the equal ones are folded away with their
 * count. JSON and dict params are compared key by key, as the run diff does.
 */
export function PromotionParams({
  champion,
  candidate,
}: {
  champion: PromotionSide;
  candidate: PromotionSide;
}) {
  const before = champion.run;
  const after = candidate.run;
  const rows = useMemo(() => {
    if (!before || !after) return undefined;
    const params = buildRunDiff([before, after], { paramOrder: 'key' }).sections.find(
      (s) => s.id === 'params',
    );
    return params?.rows ?? [];
  }, [before, after]);
  const changed = rows?.filter((r) => !r.equal) ?? [];
  const equal = rows?.filter((r) => r.equal) ?? [];
  const head = (
    <thead>
      <tr>
        <th scope="col">Param</th>
        <th scope="col">v{champion.version?.version} (champion)</th>
        <th scope="col">v{candidate.version?.version} (candidate)</th>
      </tr>
    </thead>
  );
  let body;
  if (!rows)
    body = (
      <p className="detail-section-empty">Params are compared when both source runs are there.</p>
    );
  else if (rows.length === 0)
    body = <p className="detail-section-empty">Neither run logged params.</p>;
  else
    body = (
      <>
        {changed.length === 0 ? (
          <p className="detail-section-empty">Every param is the same in both runs.</p>
        ) : (
          <table className="data-table promotion-table" aria-label="Changed params">
            {head}
            <tbody>
              <ParamRows rows={changed} />
            </tbody>
          </table>
        )}
        {equal.length > 0 && (
          <details className="promotion-equal">
            <summary>
              {equal.length} equal {equal.length === 1 ? 'param' : 'params'}
            </summary>
            <table className="data-table promotion-table" aria-label="Equal params">
              {head}
              <tbody>
                <ParamRows rows={equal} />
              </tbody>
            </table>
          </details>
        )}
      </>
    );
  return (
    <section className="detail-section" aria-labelledby="promotion-params-title">
      <h2 id="promotion-params-title">
        Params
        {rows && rows.length > 0 && (
          <span className="section-count"> {changed.length} changed</span>
        )}
      </h2>
      {body}
    </section>
  );
}
