// The history of a model's alias moves and stage transitions, kept in MLflow itself as
// registered-model tags so the whole team shares it and it survives any restart: how an event is
// written to a tag and read back, the timeline (with moves made outside Parallax), and what a
// rollback would change. No I/O, no React.
//
// One tag per event, under a key that sorts by time (`parallax.history.<ms, 15 digits>.<random>`):
// two people recording at once each add their own tag, so neither can lose or corrupt the other's,
// as a read-modify-write of one shared value could. The newest HISTORY_LIMIT events are kept; the
// writer deletes older tags after adding its own (historyKeysBeyondLimit).

import { STAGES, type Stage } from './versions';

export const HISTORY_TAG_PREFIX = 'parallax.history.';
/** How many events a model keeps: its tags travel with every models search, so they stay few. */
export const HISTORY_LIMIT = 50;
/**
 * MLflow's SQL store holds a registry tag value in 5,000 characters (older servers also refuse
 * longer ones); a key may have 250, and ours has 41.
 */
export const MAX_RECORD_CHARS = 5000;
const MAX_BY_CHARS = 256;
const KEY_PATTERN = /^parallax\.history\.(\d{15})\.([0-9a-z]{4,16})$/;
// MLflow's own alias rule (`^[\w\-]*$`, Python's Unicode \w) and length limit.
const ALIAS_PATTERN = /^[\p{L}\p{N}\p{M}_-]{1,255}$/u;
const VERSION_PATTERN = /^\d{1,18}$/;
const FORMAT = 1;

export interface StageMove {
  version: string;
  from: Stage;
  to: Stage;
}

/** What happened, as recorded. `by` is null when Parallax knew nobody (no signed-in user). */
export type HistoryEvent =
  | {
      kind: 'alias';
      alias: string;
      /** The version that held the alias before; null: none did (a new alias). */
      from: string | null;
      /** The version it points at after; null: it was removed. */
      to: string | null;
      by: string | null;
      rollback?: boolean;
    }
  | {
      kind: 'stage';
      /** The transitioned version first, then the versions it archived (or a rollback restored). */
      moves: StageMove[];
      /** Moves left out to keep the tag within MLflow's limit. */
      omitted: number;
      by: string | null;
      rollback?: boolean;
    };

/** An event read back: its tag key is its id, and the time is the one in that key. */
export type HistoryRecord = HistoryEvent & { id: string; at: number };

/** A move seen in MLflow's current state that no Parallax record explains. */
export type OutsideChange =
  | {
      kind: 'alias';
      alias: string;
      /** The holder the last record left. */
      from: string | null;
      /** The holder now (null: the alias is gone). */
      to: string | null;
      /** When the last record was made: the change came some time after. */
      after: number;
    }
  | {
      kind: 'stage';
      version: string;
      from: Stage;
      /** The stage now; null: the version no longer exists. */
      to: Stage | null;
      after: number;
    };

export type TimelineEntry =
  { source: 'parallax'; record: HistoryRecord } | { source: 'outside'; change: OutsideChange };

/** What MLflow holds now: each alias's version, and the stage of every version that exists. */
export interface RegistryState {
  aliases: ReadonlyMap<string, string>;
  stages: ReadonlyMap<string, Stage>;
}

export function isHistoryTag(key: string): boolean {
  return key.startsWith(HISTORY_TAG_PREFIX);
}

/** MLflow canonicalises stage names ("production" → "Production"); anything else is not a stage. */
export function asStage(value: unknown): Stage | undefined {
  if (typeof value !== 'string') return undefined;
  return STAGES.find((s) => s.toLowerCase() === value.toLowerCase());
}

/** The registry's state as the model and version answers give it. */
export function registryState(
  aliases: readonly { alias: string; version: string }[],
  versions: readonly { version: string; current_stage?: string | undefined }[],
): RegistryState {
  return {
    aliases: new Map(aliases.map((a) => [a.alias, a.version])),
    stages: new Map(versions.map((v) => [v.version, asStage(v.current_stage) ?? 'None'])),
  };
}

// ---------- encoding ----------

/**
 * The tag for one event. `random` tells apart two events recorded in the same millisecond; the
 * value is JSON, readable in MLflow's own UI. A stage event whose moves would pass MLflow's limit
 * keeps the first ones and counts the rest as omitted.
 */
export function encodeRecord(
  event: HistoryEvent,
  at: number,
  random: string,
): { key: string; value: string } {
  const key = `${HISTORY_TAG_PREFIX}${String(Math.max(0, Math.floor(at))).padStart(15, '0')}.${random}`;
  const by = event.by === null ? null : event.by.slice(0, MAX_BY_CHARS);
  const rollback = event.rollback ? { rollback: true } : {};
  if (event.kind === 'alias') {
    const { alias, from, to } = event;
    return {
      key,
      value: JSON.stringify({ v: FORMAT, kind: 'alias', alias, from, to, by, ...rollback }),
    };
  }
  const moves = [...event.moves];
  let omitted = event.omitted;
  const value = () => JSON.stringify({ v: FORMAT, kind: 'stage', moves, omitted, by, ...rollback });
  while (value().length > MAX_RECORD_CHARS && moves.length > 1) {
    moves.pop();
    omitted++;
  }
  return { key, value: value() };
}

/** A random suffix for a key from 0–255 bytes (crypto.getRandomValues): lowercase base 36. */
export function keySuffix(bytes: ArrayLike<number>): string {
  return Array.from(bytes, (b) => (b % 36).toString(36)).join('');
}

const isRecord = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);
const nullableVersion = (x: unknown): x is string | null =>
  x === null || (typeof x === 'string' && VERSION_PATTERN.test(x));

function decodeMove(x: unknown): StageMove | undefined {
  if (!isRecord(x) || typeof x.version !== 'string' || !VERSION_PATTERN.test(x.version)) return;
  const from = STAGES.find((s) => s === x.from);
  const to = STAGES.find((s) => s === x.to);
  return from && to ? { version: x.version, from, to } : undefined;
}

/**
 * One tag read back as a record, or undefined for anything that is not a well-formed record of
 * ours: anyone can write a model's tags, so a bad one is skipped, never trusted or thrown on.
 */
export function decodeRecord(key: string, value: string | undefined): HistoryRecord | undefined {
  const match = KEY_PATTERN.exec(key);
  if (!match || value === undefined || value.length > MAX_RECORD_CHARS) return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(value);
  } catch {
    return undefined;
  }
  if (!isRecord(raw) || raw.v !== FORMAT) return undefined;
  if (raw.by !== null && typeof raw.by !== 'string') return undefined;
  const base = {
    id: key,
    at: Number(match[1]),
    by: raw.by === null ? null : raw.by.slice(0, MAX_BY_CHARS),
    ...(raw.rollback === true ? { rollback: true } : {}),
  };
  if (raw.kind === 'alias') {
    const { alias, from, to } = raw;
    if (typeof alias !== 'string' || !ALIAS_PATTERN.test(alias)) return undefined;
    if (!nullableVersion(from) || !nullableVersion(to) || from === to) return undefined;
    return { ...base, kind: 'alias', alias, from, to };
  }
  if (raw.kind === 'stage') {
    if (!Array.isArray(raw.moves) || raw.moves.length === 0) return undefined;
    const moves = raw.moves.map(decodeMove);
    if (moves.some((m) => m === undefined)) return undefined;
    const omitted = raw.omitted ?? 0;
    if (typeof omitted !== 'number' || !Number.isSafeInteger(omitted) || omitted < 0)
      return undefined;
    return { ...base, kind: 'stage', moves: moves as StageMove[], omitted };
  }
  return undefined;
}

/** Every well-formed record among a model's tags, newest first. */
export function readHistory(
  tags: readonly { key: string; value?: string | undefined }[],
): HistoryRecord[] {
  const records: HistoryRecord[] = [];
  for (const { key, value } of tags) {
    const record = decodeRecord(key, value);
    if (record) records.push(record);
  }
  return records.sort((a, b) => (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
}

/**
 * The history tags to delete so that `limit` remain: the oldest beyond the newest `limit`. Only
 * keys of our own form count; the caller passes every key it knows, its new one included. Two
 * writers pruning at once can only delete events older than both their own, never a newer one.
 */
export function historyKeysBeyondLimit(keys: readonly string[], limit = HISTORY_LIMIT): string[] {
  return keys
    .filter((k) => KEY_PATTERN.test(k))
    .sort()
    .reverse()
    .slice(limit);
}

// ---------- timeline ----------

const aliasSubject = (alias: string) => `alias:${alias}`;
const stageSubject = (version: string) => `stage:${version}`;

/** The alias or version stages an entry changed; the first is the one it is about. */
function subjects(entry: TimelineEntry): string[] {
  if (entry.source === 'outside')
    return [
      entry.change.kind === 'alias'
        ? aliasSubject(entry.change.alias)
        : stageSubject(entry.change.version),
    ];
  const { record } = entry;
  return record.kind === 'alias'
    ? [aliasSubject(record.alias)]
    : record.moves.map((m) => stageSubject(m.version));
}

/**
 * Where MLflow now differs from what the last record of an alias or a version's stage left: each
 * such alias or version gives one change made outside Parallax (another client, MLflow's UI, a
 * deleted version). Aliases and versions no record mentions are not judged. Newest record first in,
 * most recently recorded subject first out.
 */
export function outsideMoves(
  records: readonly HistoryRecord[],
  state: RegistryState,
): OutsideChange[] {
  const seen = new Set<string>();
  const out: OutsideChange[] = [];
  for (const record of records) {
    if (record.kind === 'alias') {
      if (seen.has(record.alias)) continue;
      seen.add(record.alias);
      const now = state.aliases.get(record.alias) ?? null;
      if (now !== record.to)
        out.push({
          kind: 'alias',
          alias: record.alias,
          from: record.to,
          to: now,
          after: record.at,
        });
      continue;
    }
    for (const move of record.moves) {
      const subject = stageSubject(move.version);
      if (seen.has(subject)) continue;
      seen.add(subject);
      const now = state.stages.get(move.version) ?? null;
      if (now !== move.to)
        out.push({
          kind: 'stage',
          version: move.version,
          from: move.to,
          to: now,
          after: record.at,
        });
    }
  }
  return out;
}

/**
 * The model's history, newest first: the changes made outside Parallax (known only to have come
 * after the last record of what they changed) on top, then every record.
 */
export function timeline(records: readonly HistoryRecord[], state: RegistryState): TimelineEntry[] {
  return [
    ...outsideMoves(records, state).map((change) => ({ source: 'outside' as const, change })),
    ...records.map((record) => ({ source: 'parallax' as const, record })),
  ];
}

/** The entries that are the latest of what they are about: only these can be rolled back. */
export function latestEntries(entries: readonly TimelineEntry[]): Set<TimelineEntry> {
  const seen = new Set<string>();
  const latest = new Set<TimelineEntry>();
  for (const entry of entries) {
    const [main, ...others] = subjects(entry);
    if (main !== undefined && !seen.has(main)) latest.add(entry);
    for (const s of [main, ...others]) if (s !== undefined) seen.add(s);
  }
  return latest;
}

/** A stable key for an entry: its tag, or what a change made outside Parallax is about. */
export function entryKey(entry: TimelineEntry): string {
  if (entry.source === 'parallax') return entry.record.id;
  const { change } = entry;
  return change.kind === 'alias' ? `outside:@${change.alias}` : `outside:v${change.version}`;
}

/** What a promotion moves: the alias it points at the candidate, and the stage it fills. */
export interface PromotionSubjects {
  alias: string;
  /** Undefined where the registry has no stages. */
  stage: Stage | undefined;
}

/**
 * The entries that matter to a promotion, newest first as given: the moves of its alias (who held
 * it before), and the transitions into or out of its stage (the versions it archived included).
 */
export function entriesAbout(
  entries: readonly TimelineEntry[],
  { alias, stage }: PromotionSubjects,
): TimelineEntry[] {
  const movesStage = (m: { from: Stage; to: Stage | null }) =>
    stage !== undefined && (m.from === stage || m.to === stage);
  return entries.filter((entry) => {
    if (entry.source === 'outside') {
      const { change } = entry;
      return change.kind === 'alias' ? change.alias === alias : movesStage(change);
    }
    const { record } = entry;
    return record.kind === 'alias' ? record.alias === alias : record.moves.some(movesStage);
  });
}

// ---------- rollback ----------

export type RollbackPlan =
  | {
      kind: 'alias';
      alias: string;
      /** The holder now, which the rollback replaces (null: the alias is gone now). */
      from: string | null;
      /** The holder it restores (null: none held it, so the alias is removed). */
      to: string | null;
    }
  | {
      kind: 'stage';
      /** The version back to its previous stage first, then each version restored with it. */
      moves: StageMove[];
      /** Versions the rolled-back transition archived that have moved since: left as they are. */
      kept: { version: string; stage: Stage | null }[];
      /** Versions that transition archived beyond what its record could hold: left Archived. */
      omitted: number;
    };

export type Rollback = { ok: true; plan: RollbackPlan } | { ok: false; reason: string };

/**
 * What rolling back `entry` would change, from MLflow's state now. Undefined when the entry is not
 * the latest of what it changed (a later one would be undone first). A stage rollback restores the
 * versions the transition archived only where the record says so and they are still as it left
 * them.
 */
export function rollbackOf(
  entry: TimelineEntry,
  entries: readonly TimelineEntry[],
  state: RegistryState,
): Rollback | undefined {
  const latest = latestEntries(entries);
  if (!latest.has(entry)) return undefined;
  const gone = (version: string) => ({
    ok: false as const,
    reason: `Version ${version} no longer exists.`,
  });

  const change = entry.source === 'outside' ? entry.change : entry.record;
  if (change.kind === 'alias') {
    const now = state.aliases.get(change.alias) ?? null;
    if (now !== change.to) return { ok: false, reason: `@${change.alias} has moved since.` };
    if (change.from !== null && !state.stages.has(change.from)) return gone(change.from);
    return { ok: true, plan: { kind: 'alias', alias: change.alias, from: now, to: change.from } };
  }

  if (entry.source === 'outside') {
    const { version, from, to } = entry.change as Extract<OutsideChange, { kind: 'stage' }>;
    if (to === null) return gone(version);
    return {
      ok: true,
      plan: { kind: 'stage', moves: [{ version, from: to, to: from }], kept: [], omitted: 0 },
    };
  }

  const record = entry.record as Extract<HistoryRecord, { kind: 'stage' }>;
  const [main, ...others] = record.moves;
  if (!main) return { ok: false, reason: 'There is nothing to restore.' };
  const now = state.stages.get(main.version);
  if (now === undefined) return gone(main.version);
  if (now !== main.to) return { ok: false, reason: `Version ${main.version} has moved since.` };
  // A version this transition archived is restored only if nothing has touched it since.
  const lastTouch = new Map<string, TimelineEntry>();
  for (const e of entries) for (const s of subjects(e)) if (!lastTouch.has(s)) lastTouch.set(s, e);
  const moves: StageMove[] = [{ version: main.version, from: main.to, to: main.from }];
  const kept: { version: string; stage: Stage | null }[] = [];
  for (const m of others) {
    const stage = state.stages.get(m.version) ?? null;
    if (lastTouch.get(stageSubject(m.version)) === entry && stage === m.to)
      moves.push({ version: m.version, from: m.to, to: m.from });
    else kept.push({ version: m.version, stage });
  }
  return { ok: true, plan: { kind: 'stage', moves, kept, omitted: record.omitted } };
}

// ---------- display ----------

/** One timeline entry as the page shows it, whichever its source. */
export type EntryView = {
  outside: boolean;
  rollback: boolean;
  /** Who made it; null: unknown (nobody signed in, or made outside Parallax). */
  by: string | null;
  /** When it was recorded; for a change made outside Parallax, the time it came after. */
  at: number;
} & (
  | { kind: 'alias'; alias: string; from: string | null; to: string | null }
  | {
      kind: 'stage';
      version: string;
      from: Stage;
      /** null: the version no longer exists. */
      to: Stage | null;
      /** The versions moved with it (archived by it, or restored by a rollback). */
      also: StageMove[];
      omitted: number;
    }
);

export function viewOf(entry: TimelineEntry): EntryView {
  if (entry.source === 'outside') {
    const { after, ...change } = entry.change;
    const base = { outside: true, rollback: false, by: null, at: after };
    return change.kind === 'alias'
      ? { ...base, ...change }
      : { ...base, ...change, also: [], omitted: 0 };
  }
  const { record } = entry;
  const base = { outside: false, rollback: record.rollback === true, by: record.by, at: record.at };
  if (record.kind === 'alias') {
    const { alias, from, to } = record;
    return { ...base, kind: 'alias', alias, from, to };
  }
  const [main, ...also] = record.moves;
  // A decoded record always has a move; the fallback only satisfies the type.
  const { version, from, to } = main ?? { version: '', from: 'None', to: 'None' };
  return { ...base, kind: 'stage', version, from, to, also, omitted: record.omitted };
}
