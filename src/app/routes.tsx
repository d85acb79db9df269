import type { ComponentType } from 'react';
import type { QueryClient } from '@tanstack/react-query';
import { createBrowserRouter, Navigate, type LoaderFunctionArgs } from 'react-router';
import { experimentQueries } from '@/api/queries/experiments';
import { configQueries } from '@/api/queries/config';
import { registryQueries } from '@/api/queries/registry';
import { experimentSearchParams, parseExperimentListState } from '@/lib/experiment-list-state';
import { afterTask, nextTask } from '@/lib/next-task';
import { paths } from '@/lib/paths';
import { AppLayout } from './AppLayout';
import { AppLoading } from './AppLoading';
import { RouteError } from './RouteError';

// Loaders only start fetches (never await them): the data downloads while the route's code
// does, and each page still renders its own loading, error and not-found states. The fetches start
// one task later (`warm`): the router's start-up and a page's first fetch calls (the first one
// in a page costs tens of ms) are each a task of their own, not one long task together.
function warm(start: (args: LoaderFunctionArgs) => void) {
  return (args: LoaderFunctionArgs) => {
    void nextTask().then(() => start(args));
    return null;
  };
}

function warmExperimentList(queryClient: QueryClient) {
  return warm(({ request }) => {
    const state = parseExperimentListState(new URL(request.url).searchParams);
    void queryClient.prefetchInfiniteQuery(experimentQueries.list(experimentSearchParams(state)));
  });
}

function warmExperiment(queryClient: QueryClient) {
  return warm(({ params }) => {
    if (params.experimentId) {
      void queryClient.prefetchQuery(experimentQueries.detail(params.experimentId));
    }
  });
}

// The model page and the promotion view both read the model and all its versions; asking for the
// versions here too saves the round trip the page would otherwise wait for (model, then versions).
// The model page's table first draws the newest versions alone, a small request that answers
// well before the full list of a model with hundreds of versions.
function warmModel(queryClient: QueryClient, options: { newestVersions: boolean }) {
  return warm(({ params }) => {
    if (params.name) {
      const name = params.name;
      void queryClient.prefetchQuery(registryQueries.model(name));
      void queryClient.prefetchQuery(registryQueries.versions(name));
      // Only where the registry takes an order (not Unity Catalog), which the config says.
      if (options.newestVersions) {
        void queryClient
          .fetchQuery(configQueries.detail())
          .then((config) => {
            if (config.registry !== 'workspace') return;
            void queryClient.prefetchQuery(registryQueries.newestVersions(name));
          })
          // The page shows a failed config itself.
          .catch(() => undefined);
      }
    }
  });
}

function warmVersion(queryClient: QueryClient) {
  return warm(({ params }) => {
    if (params.name && params.version) {
      void queryClient.prefetchQuery(registryQueries.version(params.name, params.version));
    }
  });
}

/** A route whose code loads in a task after the router's own (`afterTask`). */
function lazyRoute<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return afterTask(async () => ({ Component: (await load())[name] }));
}

export function createAppRouter(queryClient: QueryClient) {
  return createBrowserRouter([
    {
      path: paths.home.path,
      element: <AppLayout />,
      errorElement: <RouteError />,
      hydrateFallbackElement: <AppLoading />,
      children: [
        {
          // Errors inside a page land here, under the header, which stays usable.
          errorElement: <RouteError />,
          children: [
            { index: true, element: <Navigate to={paths.experiments.href()} replace /> },
            {
              path: paths.experiments.path,
              loader: warmExperimentList(queryClient),
              lazy: lazyRoute(() => import('./routes/ExperimentsRoute'), 'ExperimentsRoute'),
            },
            {
              path: paths.experiment.path,
              loader: warmExperiment(queryClient),
              lazy: lazyRoute(() => import('./routes/ExperimentRoute'), 'ExperimentRoute'),
            },
            {
              path: paths.run.path,
              lazy: lazyRoute(() => import('./routes/RunRoute'), 'RunRoute'),
            },
            {
              path: paths.models.path,
              lazy: lazyRoute(() => import('./routes/ModelsRoute'), 'ModelsRoute'),
            },
            {
              path: paths.model.path,
              loader: warmModel(queryClient, { newestVersions: true }),
              lazy: lazyRoute(() => import('./routes/ModelRoute'), 'ModelRoute'),
            },
            {
              path: paths.modelVersion.path,
              loader: warmVersion(queryClient),
              lazy: lazyRoute(() => import('./routes/ModelVersionRoute'), 'ModelVersionRoute'),
            },
            {
              path: paths.promote.path,
              loader: warmModel(queryClient, { newestVersions: false }),
              lazy: lazyRoute(() => import('./routes/PromotionRoute'), 'PromotionRoute'),
            },
            {
              path: paths.runById.path,
              lazy: lazyRoute(() => import('./routes/RunByIdRoute'), 'RunByIdRoute'),
            },
            {
              path: paths.loggedModel.path,
              lazy: lazyRoute(() => import('./routes/LoggedModelRoute'), 'LoggedModelRoute'),
            },
            {
              path: paths.compare.path,
              lazy: lazyRoute(() => import('./routes/CompareRoute'), 'CompareRoute'),
            },
            {
              path: '*',
              lazy: lazyRoute(() => import('./routes/NotFoundRoute'), 'NotFoundRoute'),
            },
          ],
        },
      ],
    },
  ]);
}
