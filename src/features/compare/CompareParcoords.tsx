import { useId } from 'react';
import { ParallelCoordinates } from '@/components/ParallelCoordinates';
import { ParcoordsControls } from '@/components/ParcoordsControls';
import type { CompareParcoords as State } from './useCompareParcoords';

interface CompareParcoordsProps {
  pc: State;
  /** Each run's colour, as the diff's column heads show it. */
  colors: ReadonlyMap<string, string>;
}

/** The compare page's "Parallel coordinates" section, below the diff. */
export function CompareParcoords({ pc, colors }: CompareParcoordsProps) {
  const headingId = useId();
  return (
    <section className="parcoords-section" aria-labelledby={headingId}>
      <h2 id={headingId}>Parallel coordinates</h2>
      <ParcoordsControls
        fields={pc.fields}
        varying={pc.varying}
        axes={pc.axes}
        isDefault={pc.isDefault}
        onAxesChange={pc.setAxes}
        colorBy={pc.colorBy}
        onColorByChange={pc.setColorBy}
        brushed={pc.brushedIds?.size}
        total={pc.runs.length}
        onClearBrushes={() => pc.setBrushes(new Map())}
      />
      <ParallelCoordinates
        runs={pc.runs}
        axes={pc.axes}
        brushes={pc.brushes}
        colorBy={pc.colorBy}
        runColors={colors}
        onAxesChange={pc.setAxes}
        onBrushesChange={pc.setBrushes}
        label="Parallel coordinates of the compared runs"
      />
    </section>
  );
}

/** The diff's "only the brushed runs" switch; shown while a brush applies. */
export function BrushedOnlyToggle({ pc }: { pc: State }) {
  if (pc.brushedIds === undefined) return null;
  return (
    <label className="compare-toggle">
      <input
        type="checkbox"
        checked={pc.onlyBrushed}
        onChange={(e) => pc.setOnlyBrushed(e.target.checked)}
      />
      Show only brushed runs ({pc.brushedIds.size.toLocaleString('en')})
    </label>
  );
}
