import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import type { StepWindow } from '@/api/metrics';
import { formatZoom, parseZoom } from '@/lib/chart-axes';

/**
 * A chart's zoom as a step window kept in the URL (`zoom:<metric key>=start-end`), so a zoomed
 * chart can be shared and Back undoes a zoom.
 */
export function useChartZoom(metricKey: string) {
  const [params, setParams] = useSearchParams();
  const name = `zoom:${metricKey}`;
  const window = parseZoom(params.get(name)) ?? undefined;
  const setWindow = useCallback(
    (next: StepWindow | undefined) =>
      setParams(
        (prev) => {
          const out = new URLSearchParams(prev);
          if (next) out.set(name, formatZoom(next));
          else out.delete(name);
          return out;
        },
        { preventScrollReset: true },
      ),
    [name, setParams],
  );
  return [window, setWindow] as const;
}
