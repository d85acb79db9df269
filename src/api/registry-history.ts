import {
  asStage,
  encodeRecord,
  historyKeysBeyondLimit,
  isHistoryTag,
  keySuffix,
  type HistoryEvent,
  type RollbackPlan,
  type StageMove,
} from '@/lib/registry/history';
import { archivedBy, canArchiveExisting } from '@/lib/registry/versions';
import { getConfig } from './config';
import {
  deleteModelAlias,
  deleteRegisteredModelTag,
  getModelVersion,
  getRegisteredModel,
  searchAllModelVersions,
  setModelAlias,
  setRegisteredModelTag,
  transitionModelVersionStage,
} from './registry';
import type { ModelVersion, RegisteredModel } from './types';

// The registry writes whose history Parallax keeps: every alias move and stage transition goes
// through these, whichever screen makes it (alias and stage dialogs, the promotion view, rollback).
// Each reads what holds the alias or stage first, makes the write, then adds one tag to the model
// recording who moved what from where to where (src/lib/registry/history.ts: one tag per event,
// the newest 50 kept). The write is what counts: when only the record fails, the write still
// resolves, with an outcome saying the history missed it, for the page to show as a warning.

/** Whether the history got its record; the write itself succeeded either way. */
export type RecordOutcome = { recorded: true } | { recorded: false; problem: unknown };

/** A registry write's answer that says its history record failed (for the page's warning). */
export function isUnrecorded(data: unknown): data is { recorded: false; problem: unknown } {
  return typeof data === 'object' && data !== null && (data as RecordOutcome).recorded === false;
}

export interface RecordOptions {
  /** Marks the event as a rollback in the history. */
  rollback?: boolean;
  /**
   * The alias holder the user was shown (null: none). If MLflow's differs when the write is about
   * to go, nothing is written: someone else moved it meanwhile.
   */
  expectedHolder?: string | null;
}

/** A change made by someone else between showing the user a change and making it. */
export class HistoryConflict extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HistoryConflict';
  }
}

interface Before {
  model: RegisteredModel;
  /** Who Parallax's server says is signed in (only behind a trusted proxy, as in a Databricks App). */
  by: string | null;
}

type Settled<T> = { ok: true; value: T } | { ok: false; problem: unknown };
const settle = <T>(p: Promise<T>): Promise<Settled<T>> =>
  p.then(
    (value) => ({ ok: true, value }),
    (problem: unknown) => ({ ok: false, problem }),
  );

async function readBefore(name: string): Promise<Before> {
  const [model, by] = await Promise.all([
    getRegisteredModel(name),
    // No identity is better than no record: a failed config read records nobody.
    getConfig().then(
      (c) => c.user ?? null,
      () => null,
    ),
  ]);
  return { model, by };
}

const holderOf = (model: RegisteredModel, alias: string) =>
  model.aliases?.find((a) => a.alias === alias)?.version ?? null;

/** getRandomValues, unlike randomUUID, works on a plain-http address too. */
const randomSuffix = () => keySuffix(crypto.getRandomValues(new Uint8Array(8)));

/** Adds the event's tag, then deletes what is beyond the bound (from the model as read before). */
async function append(
  name: string,
  model: RegisteredModel,
  event: HistoryEvent,
): Promise<RecordOutcome> {
  try {
    const { key, value } = encodeRecord(event, Date.now(), randomSuffix());
    await setRegisteredModelTag(name, key, value);
    const known = (model.tags ?? []).map((t) => t.key).filter(isHistoryTag);
    // A failed or doubled deletion (two writers pruning the same tag) only leaves the history a
    // little over its bound until the next write prunes again: not worth a warning.
    await Promise.allSettled(
      historyKeysBeyondLimit([...known, key]).map((k) => deleteRegisteredModelTag(name, k)),
    );
    return { recorded: true };
  } catch (problem) {
    return { recorded: false, problem };
  }
}

/** Reads the holder, checks it is the one the user was shown, and makes the alias write. */
async function aliasWrite(
  name: string,
  alias: string,
  to: string | null,
  options: RecordOptions,
  write: () => Promise<unknown>,
): Promise<RecordOutcome> {
  const before = await settle(readBefore(name));
  if (options.expectedHolder !== undefined) {
    if (!before.ok) throw before.problem;
    const holder = holderOf(before.value.model, alias);
    if (holder !== options.expectedHolder)
      throw new HistoryConflict(
        `@${alias} ${holder === null ? 'is gone' : `points at version ${holder}`} now, no longer ` +
          `at ${options.expectedHolder === null ? 'nothing' : `version ${options.expectedHolder}`}: ` +
          'someone changed it meanwhile. Nothing was changed; close this and look again.',
      );
  }
  await write();
  if (!before.ok) return { recorded: false, problem: before.problem };
  const from = holderOf(before.value.model, alias);
  if (from === to) return { recorded: true }; // nothing moved, so nothing to record
  return append(name, before.value.model, {
    kind: 'alias',
    alias,
    from,
    to,
    by: before.value.by,
    ...(options.rollback ? { rollback: true } : {}),
  });
}

export async function setAliasRecorded(
  name: string,
  alias: string,
  version: string,
  options: RecordOptions = {},
): Promise<RecordOutcome> {
  return aliasWrite(name, alias, version, options, () => setModelAlias(name, alias, version));
}

export async function deleteAliasRecorded(
  name: string,
  alias: string,
  options: RecordOptions = {},
): Promise<RecordOutcome> {
  return aliasWrite(name, alias, null, options, () => deleteModelAlias(name, alias));
}

export async function transitionRecorded(
  name: string,
  version: string,
  stage: string,
  archiveExisting: boolean,
  options: Pick<RecordOptions, 'rollback'> = {},
): Promise<RecordOutcome> {
  const target = asStage(stage);
  const archives = archiveExisting && target !== undefined && canArchiveExisting(target);
  // Archiving needs every version's stage (what MLflow will archive); otherwise this one's is enough.
  const before = await settle(
    Promise.all([
      readBefore(name),
      archives
        ? searchAllModelVersions(name)
        : getModelVersion(name, version).then((v): ModelVersion[] => [v]),
    ]),
  );
  const answer = await transitionModelVersionStage(name, version, stage, archiveExisting);
  if (!before.ok) return { recorded: false, problem: before.problem };
  const [{ model, by }, versions] = before.value;
  const from = asStage(versions.find((v) => v.version === version)?.current_stage) ?? 'None';
  const to = asStage(answer.model_version?.current_stage) ?? target;
  if (to === undefined) return { recorded: false, problem: new Error(`Unknown stage “${stage}”.`) };
  const archived: StageMove[] =
    archives && target
      ? archivedBy(versions, version, target, true).map((v) => ({
          version: v.version,
          from: target,
          to: 'Archived',
        }))
      : [];
  if (from === to && archived.length === 0) return { recorded: true };
  return append(name, model, {
    kind: 'stage',
    moves: [{ version, from, to }, ...archived],
    omitted: 0,
    by,
    ...(options.rollback ? { rollback: true } : {}),
  });
}

/**
 * Undoes one history entry as planned (lib/registry/history's rollbackOf), recorded as a rollback.
 * Nothing is written if MLflow no longer holds what the plan was made from. A stage rollback is
 * one transition per version, each without archiving; if one fails, the ones made are recorded
 * and the error is thrown.
 */
export async function rollbackRecorded(name: string, plan: RollbackPlan): Promise<RecordOutcome> {
  if (plan.kind === 'alias') {
    const options = { rollback: true, expectedHolder: plan.from };
    return plan.to === null
      ? deleteAliasRecorded(name, plan.alias, options)
      : setAliasRecorded(name, plan.alias, plan.to, options);
  }
  const [before, current] = await Promise.all([
    readBefore(name),
    Promise.all(plan.moves.map((m) => getModelVersion(name, m.version))),
  ]);
  for (const [i, m] of plan.moves.entries()) {
    const stage = asStage(current[i]?.current_stage) ?? 'None';
    if (stage !== m.from)
      throw new HistoryConflict(
        `Version ${m.version} is in ${stage} now, no longer in ${m.from}: someone changed it ` +
          'meanwhile. Nothing was changed; close this and look again.',
      );
  }
  const done: StageMove[] = [];
  const record = () =>
    append(name, before.model, {
      kind: 'stage',
      moves: done,
      omitted: 0,
      by: before.by,
      rollback: true,
    });
  try {
    for (const m of plan.moves) {
      await transitionModelVersionStage(name, m.version, m.to, false);
      done.push(m);
    }
  } catch (error) {
    if (done.length > 0) await record();
    throw error;
  }
  return record();
}
