import { mutationOptions, queryOptions, type MutationFunctionContext } from '@tanstack/react-query';
import {
  loggedModelHistoryPaths,
  modelFolders,
  runModelSources,
  type CreateVersionRequest,
} from '@/lib/registry/register';
import type { WalkLimits } from '@/lib/run-diff/artifact-pairs';
import { loggedModelsUnsupported } from '../logged-models';
import { TAGS } from '../types';
import { createModelVersion, createRegisteredModel, registeredNameHolder } from '../registry';
import { artifactQueries } from './artifacts';
import { loggedModelQueries } from './logged-models';
import { registryQueries } from './registry';
import { runQueries } from './runs';

// Registering a run's model. Keys sit under the registry's root, so any registry write (this one
// included) refreshes them.
const all = [...registryQueries.all, 'registration'] as const;

const READY = 'LOGGED_MODEL_READY';

/**
 * How deep the register dialog looks for MLmodel folders: the root and the folders in it, where
 * `log_model` and `log_artifacts(…, "model")` put them. Deeper ones are registered from the
 * artifact browser, which offers any folder holding an MLmodel.
 */
const MODEL_FOLDER_WALK: WalkLimits = { maxFiles: 5000, maxDepth: 2, concurrency: 4 };

export const registrationQueries = {
  /**
   * The run's models found without walking its artifacts: its logged models, the folders MLflow
   * 2's log-model history names, and an MLmodel at the artifact root. The run and the root
   * listing are the run page's own queries, shared through the cache.
   */
  runModels: (runId: string) =>
    queryOptions({
      queryKey: [...all, 'run-models', runId] as const,
      queryFn: async ({ client }) => {
        const run = await client.fetchQuery(runQueries.detail(runId));
        const [logged, root] = await Promise.all([
          // The run page's own list of the run's logged models. A server without them (MLflow 2)
          // has only artifact folders; one that cannot search them by run (Databricks, per
          // MLflow's client) still leaves those to offer, and the dialog says what failed.
          client.fetchQuery(loggedModelQueries.run(run.experimentId, runId)).then(
            (models) => ({
              // A model still uploading, or whose upload failed, has no files to register.
              models: models.filter((m) => m.status === undefined || m.status === READY),
              error: undefined,
            }),
            (error: unknown) => ({
              models: [],
              error: loggedModelsUnsupported(error) ? undefined : error,
            }),
          ),
          client.fetchQuery(artifactQueries.list(runId, '')),
        ]);
        const folders = [
          ...modelFolders(root.filter((e) => !e.isDir).map((e) => e.path)),
          ...loggedModelHistoryPaths(run.tags.get(TAGS.logModelHistory)),
        ];
        return {
          sources: runModelSources(logged.models, folders),
          loggedModelsError: logged.error,
        };
      },
      staleTime: 60_000,
    }),
  /** The run's artifact folders holding an MLmodel, down to MODEL_FOLDER_WALK's depth. */
  artifactModelFolders: (runId: string) =>
    queryOptions({
      queryKey: [...all, 'artifact-model-folders', runId] as const,
      queryFn: async ({ client }) => {
        const listing = await client.fetchQuery(artifactQueries.files(runId, MODEL_FOLDER_WALK));
        return modelFolders(listing.files.map((f) => f.path));
      },
      staleTime: 60_000,
    }),
  /** Whether a model or a prompt already has this name. */
  nameHolder: (name: string) =>
    queryOptions({
      queryKey: [...all, 'name-holder', name] as const,
      queryFn: ({ signal }) => registeredNameHolder(name, signal),
    }),
};

// The models list and the model's page show a new model or version; a logged model's list of
// registrations (its mlflow.modelVersions tag, which MLflow writes) shows a version made from it.
const refreshRegistry = (
  _data: unknown,
  _variables: unknown,
  _onMutateResult: unknown,
  { client }: MutationFunctionContext,
) =>
  Promise.all([
    client.invalidateQueries({ queryKey: registryQueries.all }),
    client.invalidateQueries({ queryKey: loggedModelQueries.all }),
  ]);

export const registrationMutations = {
  createModel: () =>
    mutationOptions({
      mutationKey: [...all, 'create-model'],
      mutationFn: (name: string) => createRegisteredModel(name),
      onSuccess: refreshRegistry,
    }),
  createVersion: () =>
    mutationOptions({
      mutationKey: [...all, 'create-version'],
      mutationFn: (request: CreateVersionRequest) => createModelVersion(request),
      onSuccess: refreshRegistry,
    }),
};
