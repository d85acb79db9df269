import { formatMetric } from '@/lib/format';

/** The colour scale under the plot when lines are coloured by a metric: its range and "missing". */
export function ParcoordsLegend(props: {
  name: string;
  range: { min: number; max: number } | undefined;
}) {
  const { name, range } = props;
  return (
    <div className="parcoords-legend">
      <span className="parcoords-legend-name" title={name}>
        {name}
      </span>
      {range ? (
        <>
          <span>{formatMetric(range.min)}</span>
          <span className="parcoords-legend-ramp" aria-hidden="true" />
          <span>{formatMetric(range.max)}</span>
        </>
      ) : (
        <span>no finite value</span>
      )}
      <span className="parcoords-legend-missing">
        <span className="parcoords-legend-swatch" aria-hidden="true" /> missing
      </span>
    </div>
  );
}
