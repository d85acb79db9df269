import { lazy, Suspense } from 'react';
import { useSearchParams } from 'react-router';
import { Disclosure } from '@/components/Disclosure';
import { Skeleton } from '@/components/Skeleton';
import { afterTask } from '@/lib/next-task';
import '@/components/parcoords.css';

const ExperimentParcoordsBody = lazy(
  afterTask(() =>
    import('./ExperimentParcoordsBody').then((m) => ({ default: m.ExperimentParcoordsBody })),
  ),
);

/** The experiment page's parameters for the plot (spelled as on the compare page). */
const PARCOORDS_PARAMS = ['pc', 'pcb', 'pcc'];

/**
 * The experiment's Charts view's parallel coordinates, over every run the table's filter matches.
 * Closed by default (opening it loads up to 1,000 runs); open at once for a link that carries its
 * axes, brushes or colour. Composed here: the charts and runs features never import each other.
 */
export function ExperimentParcoords({ experimentId }: { experimentId: string }) {
  const [params] = useSearchParams();
  const linked = PARCOORDS_PARAMS.some((p) => params.has(p));
  return (
    <Disclosure
      title="Parallel coordinates"
      summary={<span className="parcoords-hint">every run the table&apos;s filter matches</span>}
      defaultOpen={linked}
      className="parcoords-section"
      headerClassName="parcoords-section-head"
    >
      <Suspense fallback={<Skeleton rows={6} label="Loading parallel coordinates…" />}>
        <ExperimentParcoordsBody experimentId={experimentId} />
      </Suspense>
    </Disclosure>
  );
}
