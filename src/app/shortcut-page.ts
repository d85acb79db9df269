import { matchPath } from 'react-router';
import { paths } from '@/lib/paths';
import type { ShortcutPage } from '@/lib/shortcuts';

/** The kind of page at this URL, which decides the shortcuts the `?` overlay lists. */
export function shortcutPage(pathname: string, search: string): ShortcutPage {
  if (matchPath(paths.experiments.path, pathname)) return 'experiments';
  if (matchPath(paths.run.path, pathname)) return 'run';
  if (matchPath(paths.compare.path, pathname)) return 'compare';
  if (matchPath(paths.experiment.path, pathname)) {
    // ExperimentRoute's own rule: only `view=charts` trades the table for the charts.
    const view = new URLSearchParams(search).get('view');
    // The Models view (MLflow 3 logged models) has no keys of its own.
    if (view === 'models') return 'other';
    return view === 'charts' ? 'experiment-charts' : 'experiment-table';
  }
  return 'other';
}
