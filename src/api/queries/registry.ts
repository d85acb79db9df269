import {
  infiniteQueryOptions,
  mutationOptions,
  queryOptions,
  type MutationFilters,
  type MutationFunctionContext,
} from '@tanstack/react-query';
import {
  deleteModelVersionTag,
  deleteRegisteredModel,
  deleteRegisteredModelTag,
  getModelVersion,
  getRegisteredModel,
  renameRegisteredModel,
  searchAllModelVersions,
  searchNewestModelVersions,
  searchRegisteredModels,
  setModelVersionTag,
  setRegisteredModelTag,
  updateModelVersion,
  updateRegisteredModel,
  type SearchRegisteredModelsParams,
} from '../registry';
import {
  deleteAliasRecorded,
  deleteVersionRecorded,
  isUnrecorded,
  rollbackRecorded,
  setAliasRecorded,
  transitionRecorded,
} from '../registry-history';
import type { RollbackPlan } from '@/lib/registry/history';
import type { TagWrite } from '../types';
import { MlflowError } from '../errors';
import { PartialPromotion, promote, type PromotionWrites } from '@/lib/registry/promotion';
import type { RecordOutcome } from '../registry-history';

export type ModelListParams = Omit<SearchRegisteredModelsParams, 'pageToken' | 'maxResults'>;

const PAGE_SIZE = 100;
// More than a tall screen of version rows.
const NEWEST_VERSIONS = 50;
const all = ['registry'] as const;

export const registryQueries = {
  /** Root key: invalidating it refreshes everything about registered models and versions. */
  all,
  models: (params: ModelListParams) =>
    infiniteQueryOptions({
      queryKey: [...all, 'models', params] as const,
      queryFn: ({ pageParam, signal }) =>
        searchRegisteredModels({ ...params, maxResults: PAGE_SIZE, pageToken: pageParam }, signal),
      initialPageParam: undefined as string | undefined,
      getNextPageParam: (last) => last.next_page_token || undefined,
    }),
  model: (name: string) =>
    queryOptions({
      queryKey: [...all, 'model', name] as const,
      queryFn: ({ signal }) => getRegisteredModel(name, signal),
    }),
  versions: (name: string) =>
    queryOptions({
      queryKey: [...all, 'model', name, 'versions'] as const,
      queryFn: ({ signal }) => searchAllModelVersions(name, signal),
    }),
  /** The newest versions alone: the model page's first rows while `versions` loads. */
  newestVersions: (name: string) =>
    queryOptions({
      queryKey: [...all, 'model', name, 'newest-versions'] as const,
      queryFn: ({ signal }) => searchNewestModelVersions(name, NEWEST_VERSIONS, signal),
      // Unity Catalog refuses its order_by: nothing to retry, the full list follows anyway.
      retry: false,
    }),
  version: (name: string, version: string) =>
    queryOptions({
      queryKey: [...all, 'model', name, 'versions', version] as const,
      queryFn: ({ signal }) => getModelVersion(name, version, signal),
    }),
};

// An alias, a stage or a tag shows on the list, the model page and every version page: any write
// refreshes all of the registry.
const refresh = (
  _data: unknown,
  _variables: unknown,
  _onMutateResult: unknown,
  { client }: MutationFunctionContext,
) => client.invalidateQueries({ queryKey: all });

/**
 * After a rename or a delete: refreshes everything but what is gone (the old name, the deleted
 * version), which would only answer 404 while the page moves away. Not awaited, so the page moves
 * at once.
 */
const refreshAllBut =
  (gone: readonly unknown[]) =>
  (
    _data: unknown,
    _variables: unknown,
    _onMutateResult: unknown,
    { client }: MutationFunctionContext,
  ) => {
    const isGone = (key: readonly unknown[]) => gone.every((part, i) => key[i] === part);
    void client.invalidateQueries({ queryKey: all, predicate: (q) => !isGone(q.queryKey) });
  };

const write = <TVars>(key: readonly unknown[], fn: (vars: TVars) => Promise<unknown>) =>
  mutationOptions({ mutationKey: [...all, ...key], mutationFn: fn, onSuccess: refresh });

export const registryMutations = {
  /**
   * A model keeps its description in a field, not in a tag as runs and experiments do. The shared
   * description editor writes a TagWrite, so its value is the description and its key is unused.
   */
  setDescription: (name: string) =>
    write(['description', name], ({ value }: TagWrite) => updateRegisteredModel(name, value)),
  setTag: (name: string) =>
    write(['set-tag', name], ({ key, value }: TagWrite) => setRegisteredModelTag(name, key, value)),
  deleteTag: (name: string) =>
    write(['delete-tag', name], (key: string) => deleteRegisteredModelTag(name, key)),
  rename: (name: string) =>
    mutationOptions({
      mutationKey: [...all, 'rename', name],
      mutationFn: (newName: string) => renameRegisteredModel(name, newName),
      onSuccess: refreshAllBut([...all, 'model', name]),
    }),
  delete: (name: string) =>
    mutationOptions({
      mutationKey: [...all, 'delete', name],
      mutationFn: () => deleteRegisteredModel(name),
      onSuccess: refreshAllBut([...all, 'model', name]),
    }),
  setAlias: (name: string) =>
    write(['alias', name], ({ alias, version }: { alias: string; version: string }) =>
      setAliasRecorded(name, alias, version),
    ),
  deleteAlias: (name: string) =>
    write(['delete-alias', name], (alias: string) => deleteAliasRecorded(name, alias)),
  /** As setDescription: the editor's TagWrite value is the version's description. */
  setVersionDescription: (name: string, version: string) =>
    write(['version-description', name, version], ({ value }: TagWrite) =>
      updateModelVersion(name, version, value),
    ),
  setVersionTag: (name: string, version: string) =>
    write(['version-set-tag', name, version], ({ key, value }: TagWrite) =>
      setModelVersionTag(name, version, key, value),
    ),
  deleteVersionTag: (name: string, version: string) =>
    write(['version-delete-tag', name, version], (key: string) =>
      deleteModelVersionTag(name, version, key),
    ),
  transition: (name: string, version: string) =>
    write(
      ['transition', name, version],
      ({ stage, archiveExisting }: { stage: string; archiveExisting: boolean }) =>
        transitionRecorded(name, version, stage, archiveExisting),
    ),
  deleteVersion: (name: string, version: string) =>
    mutationOptions({
      mutationKey: [...all, 'delete-version', name, version],
      mutationFn: () => deleteVersionRecorded(name, version),
      onSuccess: refreshAllBut([...all, 'model', name, 'versions', version]),
    }),
  /**
   * One Promote (the promotion view): the stage first, then the alias (lib/registry/promotion.ts
   * says why). A failure after a write went through says what was done (PromotionError).
   */
  promote: (name: string) =>
    mutationOptions({
      mutationKey: [...all, 'promote', name],
      mutationFn: async ({ version, ...writes }: PromoteWrites): Promise<RecordOutcome> => {
        const answers = await promote(version, writes, {
          transition: (v, stage) => transitionRecorded(name, v, stage, true),
          setAlias: (alias, v, holder) =>
            setAliasRecorded(name, alias, v, { expectedHolder: holder }),
        }).catch((e: unknown) => {
          throw e instanceof PartialPromotion ? new PromotionError(e.cause, e.done) : e;
        });
        // The writes stand either way; a history record that failed is reported (unrecordedWrites).
        return answers.find(isUnrecorded) ?? { recorded: true };
      },
      // After a failure too: a write that went through changes what is left to do.
      onSettled: (_data, _error, _vars, _result, { client }) =>
        client.invalidateQueries({ queryKey: all }),
    }),
};

/** The writes of one Promote; an absent one is not made. */
export interface PromoteWrites extends PromotionWrites {
  version: string;
}

/** A Promote that failed after some of its writes went through: MLflow's error, and what was done. */
export class PromotionError extends MlflowError {
  readonly done: readonly string[];

  constructor(cause: unknown, done: readonly string[]) {
    const e = cause instanceof MlflowError ? cause : undefined;
    super(
      e?.status ?? 0,
      // No code of MLflow's to show for a failure that is not MLflow's (someone moved the alias meanwhile).
      e?.errorCode ?? '',
      cause instanceof Error ? cause.message : String(cause),
    );
    this.name = 'PromotionError';
    this.done = done;
  }
}

/**
 * Rolls back one history entry. Refreshes the registry even after a failure: a stage rollback
 * stopped halfway has moved some versions already.
 */
export const registryHistoryMutations = {
  rollback: (name: string) =>
    mutationOptions({
      mutationKey: [...all, 'rollback', name],
      mutationFn: (plan: RollbackPlan) => rollbackRecorded(name, plan),
      onSettled: (_data, _error, _plan, _onMutateResult, { client }) =>
        client.invalidateQueries({ queryKey: all }),
    }),
};

/**
 * For useMutationState: the registry writes on model `name` that succeeded but whose history
 * record failed (their answer says so; see registry-history's RecordOutcome). Any write keyed
 * `[...registryQueries.all, <what>, name, …]` takes part, whichever screen made it.
 */
export const unrecordedWrites = (name: string): MutationFilters => ({
  status: 'success',
  predicate: (m) => {
    const key = m.options.mutationKey;
    return key?.[0] === all[0] && key[2] === name && isUnrecorded(m.state.data);
  },
});
