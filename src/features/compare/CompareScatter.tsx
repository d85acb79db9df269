import { useMemo } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { RunScatter } from '@/components/RunScatter';
import { paths } from '@/lib/paths';
import type { DiffRunInput, DiffRow } from '@/lib/run-diff/diff-model';
import { axisId, parseAxisId, scatterPoints } from '@/lib/run-diff/scatter-points';
import type { ScatterAxis } from '@/lib/run-diff/scatter-points';

interface CompareScatterProps {
  /** In column order, with the metrics of the step choice. */
  runs: readonly (DiffRunInput & { name: string })[];
  /** The params' rows, most varying first: the numeric ones are offered, the first is the default x. */
  paramRows: readonly DiffRow[];
  metricKeys: readonly string[];
  colors: ReadonlyMap<string, string>;
}

/** The scatter's axes live in the URL (`sx`, `sy`), like the rest of the compare page's view. */
export function CompareScatter({ runs, paramRows, metricKeys, colors }: CompareScatterProps) {
  const [search, setSearch] = useSearchParams();
  const navigate = useNavigate();
  const options = useMemo<ScatterAxis[]>(
    () => [
      ...paramRows
        .filter((r) => r.numeric && !r.equal)
        .map((r) => ({ kind: 'params' as const, key: r.key })),
      ...metricKeys.map((key) => ({ kind: 'metrics' as const, key })),
    ],
    [paramRows, metricKeys],
  );
  const ids = new Set(options.map(axisId));
  const pick = (param: string, fallback: ScatterAxis | undefined) => {
    const chosen = parseAxisId(search.get(param));
    return chosen && ids.has(axisId(chosen)) ? chosen : fallback;
  };
  const x = pick('sx', options[0]);
  const y = pick(
    'sy',
    options.find((o) => o.kind === 'metrics' && (!x || axisId(o) !== axisId(x))),
  );
  const data = useMemo(() => (x && y ? scatterPoints(runs, x, y) : undefined), [runs, x, y]);
  if (!x || !y || !data)
    return <p className="compare-scatter-none">No two numeric values to plot.</p>;

  const choose = (param: 'sx' | 'sy', id: string) =>
    setSearch(
      (prev) => {
        const next = new URLSearchParams(prev);
        next.set(param, id);
        return next;
      },
      { replace: true },
    );
  const left = runs.length - data.points.length;
  return (
    <div className="compare-scatter">
      <div className="compare-scatter-axes">
        {(['sx', 'sy'] as const).map((param) => (
          <label key={param}>
            {param === 'sx' ? 'x' : 'y'}{' '}
            <select
              value={axisId(param === 'sx' ? x : y)}
              onChange={(e) => choose(param, e.target.value)}
            >
              {options.map((o) => (
                <option key={axisId(o)} value={axisId(o)}>
                  {o.kind === 'params' ? 'param' : 'metric'} {o.key}
                </option>
              ))}
            </select>
          </label>
        ))}
        {left > 0 && (
          <span className="compare-scatter-left" role="status">
            {left} {left === 1 ? 'run has' : 'runs have'} no number on an axis and{' '}
            {left === 1 ? 'is' : 'are'} not plotted.
          </span>
        )}
      </div>
      <RunScatter
        points={data.points}
        xLabel={x.key}
        yLabel={y.key}
        colors={colors}
        onOpen={(runId) => {
          const run = runs.find((r) => r.runId === runId);
          if (run) void navigate(paths.run.href(run.experimentId, run.runId));
        }}
      />
    </div>
  );
}
