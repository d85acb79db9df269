import { useInfiniteQuery } from '@tanstack/react-query';
import { loggedModelsUnsupported } from '@/api/logged-models';
import { loggedModelQueries } from '@/api/queries/logged-models';

/**
 * Whether the experiment page offers its Models view: once the server has answered the view's own
 * first search (so opening it costs nothing more), and unless it answered that it has no logged
 * models (MLflow 2.x). Not offered while unknown, so a 2.x server never shows a tab that vanishes.
 * `ask` false holds the search back (the page's own first requests go first).
 */
export function useLoggedModelsTab(experimentId: string, ask = true): boolean {
  const query = useInfiniteQuery({ ...loggedModelQueries.experiment(experimentId), enabled: ask });
  if (query.isPending) return false;
  return !(query.isError && !query.data && loggedModelsUnsupported(query.error));
}
