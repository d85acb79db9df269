import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { RefObject } from 'react';
import type { StepWindow } from '@/api/metrics';
import { metricQueries } from '@/api/queries/metrics';
import { exportFileName, metricPointsCsv } from '@/lib/csv-export';
import type { CsvPoint } from '@/lib/csv-export';
import { download } from '@/components/download';
import { standaloneSvg, svgToPng } from './chart-export';
import type { ExportKind } from './ChartControls';
import type { ChartRun } from './chart-types';

/** Export handlers for one chart: PNG/SVG of what is drawn, CSV of every raw point in the window. */
export function useChartExport(
  rootRef: RefObject<HTMLElement | null>,
  runs: readonly ChartRun[],
  metricKey: string,
  window: StepWindow | undefined,
) {
  const queryClient = useQueryClient();
  return useCallback(
    (kind: ExportKind) => {
      const root = rootRef.current;
      if (!root) return;
      if (kind === 'csv') {
        void (async () => {
          const points: CsvPoint[] = [];
          for (const run of runs) {
            const history = await queryClient.fetchQuery(
              metricQueries.history(run.runId, metricKey),
            );
            for (const p of history) {
              if (window && (p.step < window.startStep || p.step > window.endStep)) continue;
              points.push({ ...p, runName: run.name, key: metricKey });
            }
          }
          download(
            new Blob([metricPointsCsv(points)], { type: 'text/csv' }),
            exportFileName(metricKey, 'csv'),
          );
        })();
        return;
      }
      const plot = root.querySelector<HTMLElement>('.metric-chart-plot');
      const svg = plot && standaloneSvg(plot);
      if (!plot || !svg) return;
      if (kind === 'svg') {
        download(new Blob([svg], { type: 'image/svg+xml' }), exportFileName(metricKey, 'svg'));
      } else {
        void svgToPng(svg, plot.clientWidth, plot.clientHeight).then((blob) =>
          download(blob, exportFileName(metricKey, 'png')),
        );
      }
    },
    [rootRef, runs, metricKey, window, queryClient],
  );
}
