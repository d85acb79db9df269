// The promotion view's decisions: which version is the champion a candidate is compared with (as
// the URL names it), what one Promote changes in the registry, and the metric rows side by side.
// No I/O, no React.
//
// Decisions:
// - The URL names the champion as `alias:NAME`, `stage:STAGE` or `version:N`. Without one, the
//   champion is the version holding `@champion`, else (where the registry has stages) the newest
//   version in Production; the page says which rule found it, or that none did.
// - A Promote is at most two writes, stage first and alias last: the alias is what a deployment
//   loads (`models:/name@champion`), so it moves only once the stage change has gone through.
// - The stage write always archives the versions now in the target stage (MLflow's "archive
//   existing versions"), and the plan names each of them, as the confirmation must.
// - The plan is computed from the registry as it is now, so after a partial failure (and the
//   refresh that follows) a second attempt makes only what is left.

import { compareKeys } from '../run-fields';
import { deltaAgainst, type Delta, type EffectiveDirection } from '../metric-direction';
import { archivedBy, canArchiveExisting, newestFirst, type Stage } from './versions';

export const DEFAULT_CHAMPION_ALIAS = 'champion';

export type Against =
  | { kind: 'alias'; alias: string }
  | { kind: 'stage'; stage: Stage }
  | { kind: 'version'; version: string };

const STAGE_NAMES: readonly string[] = ['None', 'Staging', 'Production', 'Archived'];

/** The `against` URL parameter read; anything malformed is undefined (the default applies). */
export function parseAgainst(param: string | null | undefined): Against | undefined {
  if (!param) return undefined;
  const colon = param.indexOf(':');
  if (colon <= 0) return undefined;
  const kind = param.slice(0, colon);
  const value = param.slice(colon + 1);
  if (!value) return undefined;
  if (kind === 'alias') return { kind, alias: value };
  if (kind === 'stage' && STAGE_NAMES.includes(value)) return { kind, stage: value as Stage };
  if (kind === 'version' && /^\d+$/.test(value)) return { kind, version: value };
  return undefined;
}

export function againstParam(against: Against): string {
  if (against.kind === 'alias') return `alias:${against.alias}`;
  if (against.kind === 'stage') return `stage:${against.stage}`;
  return `version:${against.version}`;
}

/** How the page names a champion choice: "@champion", "Production", "v3". */
export function againstLabel(against: Against): string {
  if (against.kind === 'alias') return `@${against.alias}`;
  if (against.kind === 'stage') return `the ${against.stage} stage`;
  return `v${against.version}`;
}

export interface RegistryVersion {
  version: string;
  current_stage?: string | undefined;
  aliases?: readonly string[] | undefined;
}

export interface Champion {
  /** The choice in effect: the URL's, or the default's. */
  against: Against | undefined;
  /** Whether it came from the URL (false: the default rule). */
  chosen: boolean;
  /** The champion's version number; undefined when the choice finds none. */
  version: string | undefined;
}

function versionOf(
  against: Against,
  versions: readonly RegistryVersion[],
  aliases: readonly { alias: string; version: string }[],
): string | undefined {
  if (against.kind === 'alias') return aliases.find((a) => a.alias === against.alias)?.version;
  if (against.kind === 'version')
    return versions.some((v) => v.version === against.version) ? against.version : undefined;
  return newestFirst(versions).find((v) => (v.current_stage ?? 'None') === against.stage)?.version;
}

/** The champion the candidate is compared with; see the rules at the top. */
export function resolveChampion(
  asked: Against | undefined,
  versions: readonly RegistryVersion[],
  aliases: readonly { alias: string; version: string }[],
  stages: boolean,
): Champion {
  if (asked) return { against: asked, chosen: true, version: versionOf(asked, versions, aliases) };
  const byAlias: Against = { kind: 'alias', alias: DEFAULT_CHAMPION_ALIAS };
  const aliased = versionOf(byAlias, versions, aliases);
  if (aliased || !stages) return { against: byAlias, chosen: false, version: aliased };
  const byStage: Against = { kind: 'stage', stage: 'Production' };
  const staged = versionOf(byStage, versions, aliases);
  return staged
    ? { against: byStage, chosen: false, version: staged }
    : { against: undefined, chosen: false, version: undefined };
}

// ── the Promote action ───────────────────────────────────────────────────────────────────────

export interface PromotionChoice {
  /** The alias to point at the candidate, or undefined for none. */
  alias: string | undefined;
  /** The stage to move the candidate to (archiving the others there), or undefined for none. */
  stage: Stage | undefined;
}

/** What the promotion offers by default, and the alias and stage it is about. */
export interface PromotionOffer {
  alias: string;
  stage: Stage;
  defaults: PromotionChoice;
}

/**
 * The alias a Promote moves is the one the champion was chosen by (else `champion`); the stage is
 * the one it was chosen by (else the champion's own, when it is Staging or Production, else
 * Production). Each is on by default when the champion holds it.
 */
export function promotionOffer(
  against: Against | undefined,
  champion: RegistryVersion | undefined,
  stages: boolean,
): PromotionOffer {
  const alias = against?.kind === 'alias' ? against.alias : DEFAULT_CHAMPION_ALIAS;
  const championStage = (champion?.current_stage ?? 'None') as Stage;
  let stage: Stage = 'Production';
  if (against?.kind === 'stage' && canArchiveExisting(against.stage)) stage = against.stage;
  else if (canArchiveExisting(championStage)) stage = championStage;
  const holdsAlias = champion?.aliases?.includes(alias) ?? false;
  return {
    alias,
    stage,
    defaults: {
      alias: against?.kind === 'alias' || holdsAlias ? alias : undefined,
      stage:
        stages && (against?.kind === 'stage' || (champion !== undefined && championStage === stage))
          ? stage
          : undefined,
    },
  };
}

export type PromotionChange =
  | { kind: 'alias'; alias: string; from: string | undefined; to: string }
  | { kind: 'stage'; version: string; from: string; to: string };

/** The writes to make (undefined: that write is not needed). */
export interface PromotionWrites extends PromotionChoice {
  /**
   * The version holding the alias as the confirmation showed it (null: none). The alias moves only
   * if MLflow still says so when the write goes: someone else may have moved it meanwhile.
   */
  aliasHolder: string | null;
}

export interface PromotionPlan {
  /** Every change the registry will see, in the order the confirmation lists them. */
  changes: PromotionChange[];
  writes: PromotionWrites;
}

/** What a Promote of `candidate` with `choice` changes, from the registry as it is now. */
export function promotionPlan(
  candidate: string,
  choice: PromotionChoice,
  versions: readonly RegistryVersion[],
  aliases: readonly { alias: string; version: string }[],
): PromotionPlan {
  const changes: PromotionChange[] = [];
  const writes: PromotionWrites = { alias: undefined, stage: undefined, aliasHolder: null };
  if (choice.alias) {
    const holder = aliases.find((a) => a.alias === choice.alias)?.version;
    if (holder !== candidate) {
      changes.push({ kind: 'alias', alias: choice.alias, from: holder, to: candidate });
      writes.alias = choice.alias;
      writes.aliasHolder = holder ?? null;
    }
  }
  if (choice.stage) {
    const current = versions.find((v) => v.version === candidate)?.current_stage ?? 'None';
    const archived = archivedBy(versions, candidate, choice.stage, true);
    if (current !== choice.stage || archived.length > 0) {
      writes.stage = choice.stage;
      if (current !== choice.stage)
        changes.push({ kind: 'stage', version: candidate, from: current, to: choice.stage });
      for (const v of archived)
        changes.push({
          kind: 'stage',
          version: v.version,
          from: v.current_stage ?? 'None',
          to: 'Archived',
        });
    }
  }
  return { changes, writes };
}

/** A change as the confirmation lists it: "alias champion: v3 → v4", "v3: Production → Archived". */
export function changeText(change: PromotionChange): string {
  if (change.kind === 'alias')
    return `alias ${change.alias}: ${change.from ? `v${change.from}` : 'none'} → v${change.to}`;
  return `v${change.version}: ${change.from} → ${change.to}`;
}

/**
 * The registry writes a Promote makes, given to `promote` so that it stays free of I/O. Each
 * answers what its write answered (the app's writes say whether their history record was kept).
 */
export interface PromotionWriters<T> {
  /** Moves the version to the stage, archiving the other versions in it. */
  transition: (version: string, stage: Stage) => Promise<T>;
  /** Points the alias at the version, if `holder` (null: none) still holds it. */
  setAlias: (alias: string, version: string, holder: string | null) => Promise<T>;
}

/** A Promote that failed part way: what failed, and what had gone through before it. */
export class PartialPromotion extends Error {
  constructor(
    override readonly cause: unknown,
    readonly done: readonly string[],
  ) {
    super(cause instanceof Error ? cause.message : String(cause));
    this.name = 'PartialPromotion';
  }
}

/**
 * Makes a plan's writes in order, stage first and alias last (see the top of this file), and
 * answers what each write answered. A failure before any write went through is thrown as it is;
 * after one, as a PartialPromotion naming what was done.
 */
export async function promote<T>(
  version: string,
  writes: PromotionWrites,
  writers: PromotionWriters<T>,
): Promise<T[]> {
  const done: string[] = [];
  const answers: T[] = [];
  try {
    if (writes.stage) {
      answers.push(await writers.transition(version, writes.stage));
      done.push(`v${version} moved to ${writes.stage}`);
    }
    if (writes.alias) {
      answers.push(await writers.setAlias(writes.alias, version, writes.aliasHolder));
      done.push(`@${writes.alias} moved to v${version}`);
    }
  } catch (e) {
    throw done.length > 0 ? new PartialPromotion(e, done) : e;
  }
  return answers;
}

// ── metrics side by side ─────────────────────────────────────────────────────────────────────

export interface MetricRow {
  key: string;
  champion: number | undefined;
  candidate: number | undefined;
  direction: EffectiveDirection;
  /** The candidate against the champion. */
  delta: Delta;
}

/** Every metric either source run logged, by key, the candidate's delta against the champion. */
export function metricRows(
  champion: ReadonlyMap<string, { value: number }> | undefined,
  candidate: ReadonlyMap<string, { value: number }> | undefined,
  directionOf: (key: string) => EffectiveDirection,
): MetricRow[] {
  const keys = new Set([...(champion?.keys() ?? []), ...(candidate?.keys() ?? [])]);
  return [...keys].sort(compareKeys).map((key) => {
    const before = champion?.get(key)?.value;
    const after = candidate?.get(key)?.value;
    const direction = directionOf(key);
    return {
      key,
      champion: before,
      candidate: after,
      direction,
      delta: deltaAgainst(after, before, direction.direction),
    };
  });
}
