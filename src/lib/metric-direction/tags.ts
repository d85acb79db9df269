// A metric's direction as people chose it: an experiment tag in MLflow, shared by the whole team,
// or the browser's storage where the user cannot write the experiment; else the guess by name.

import { guessDirection } from './guess';
import type { Direction, MetricDirection } from './types';

export const DIRECTION_TAG_PREFIX = 'parallax.metric_direction.';

/** MLflow's limit on an experiment tag key, in code points (MAX_EXPERIMENT_TAG_KEY_LENGTH). */
export const MAX_TAG_KEY_LENGTH = 250;

// MLflow's tag key check (validate_param_and_metric_name): slashes, word characters, periods,
// dashes, spaces and colons. Python's `\w` is Unicode-aware: letters and digits of any script and
// `_`, which is what \p{L}\p{N}_ says (they differ only on characters newer than the server's
// Unicode tables). Windows servers also refuse colons; we let them through, since a metric key with
// a colon could not have been logged there either, and a refused write still falls back to storage.
const TAG_KEY_CHARACTERS = /^[/\p{L}\p{N}_.\- :]*$/u;

function codePoints(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    // The high half of a surrogate pair starts a code point; the low half does not count again.
    if (unit < 0xdc00 || unit > 0xdfff) n++;
  }
  return n;
}

/**
 * Why MLflow would refuse `key` as an experiment tag key, or undefined when it would take it.
 * Mirrors mlflow/utils/validation.py `_validate_experiment_tag` (characters, path form, length).
 */
export function tagKeyProblem(key: string): string | undefined {
  if (!TAG_KEY_CHARACTERS.test(key)) {
    const bad = [...key].find((c) => !TAG_KEY_CHARACTERS.test(c)) ?? '';
    return (
      `MLflow tag keys may only hold letters, digits, underscores, dashes, periods, spaces, colons ` +
      `and slashes, not ${JSON.stringify(bad)}.`
    );
  }
  // MLflow treats keys as paths that must not normalize to another name (path_not_unique): no
  // empty, `.` or `..` part, no leading or trailing slash, and no leading `..`.
  const parts = key.split('/');
  if (key.startsWith('..') || parts.some((p) => p === '' || p === '.' || p === '..')) {
    return 'MLflow refuses tag keys that read as a path with an empty, "." or ".." part.';
  }
  const length = codePoints(key);
  if (length > MAX_TAG_KEY_LENGTH) {
    return `MLflow tag keys hold at most ${MAX_TAG_KEY_LENGTH} characters; this one has ${length}.`;
  }
  return undefined;
}

export type DirectionTagKey = { ok: true; key: string } | { ok: false; reason: string };

/**
 * The experiment tag that holds a metric's direction, or why MLflow could not store it (then the UI
 * keeps the choice in the browser and says why). Metric and tag keys share MLflow's character rule,
 * so in practice only long keys (over 224 characters) and keys logged by servers with looser rules
 * are refused.
 */
export function directionTagKey(metricKey: string): DirectionTagKey {
  const key = DIRECTION_TAG_PREFIX + metricKey;
  const problem = tagKeyProblem(key);
  return problem === undefined ? { ok: true, key } : { ok: false, reason: problem };
}

/**
 * A stored direction: `min` or `max`, trimmed and in any case (a tag written by hand through the
 * MLflow client as "Max " still counts). Anything else is ignored rather than guessed at.
 */
export function parseDirection(value: unknown): Direction | undefined {
  if (typeof value !== 'string') return undefined;
  const v = value.trim().toLowerCase();
  return v === 'min' || v === 'max' ? v : undefined;
}

/** The directions an experiment's tags set, by metric key; tags with other values are ignored. */
export function directionsFromTags(
  tags: readonly { key: string; value: string }[] | undefined,
): Map<string, Direction> {
  const out = new Map<string, Direction>();
  for (const { key, value } of tags ?? []) {
    if (!key.startsWith(DIRECTION_TAG_PREFIX)) continue;
    const direction = parseDirection(value);
    if (direction) out.set(key.slice(DIRECTION_TAG_PREFIX.length), direction);
  }
  return out;
}

/** The browser storage key for one experiment's fallback directions. */
export function directionStorageKey(experimentId: string): string {
  return `parallax.metric-direction.${experimentId}`;
}

/**
 * The fallback directions kept in the browser: a JSON object of metric key → `min` | `max`.
 * Whatever another build or a hand edit left there (bad JSON, other values) is ignored, never thrown.
 */
export function parseStoredDirections(text: string | null | undefined): Map<string, Direction> {
  const out = new Map<string, Direction>();
  if (!text) return out;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return out;
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return out;
  // Object.entries lists own keys only, and a Map keeps even "__proto__" as plain data.
  for (const [key, value] of Object.entries(parsed)) {
    const direction = parseDirection(value);
    if (direction) out.set(key, direction);
  }
  return out;
}

export function serializeStoredDirections(directions: ReadonlyMap<string, Direction>): string {
  // Object.fromEntries defines own data properties, so a metric named "__proto__" survives.
  return JSON.stringify(Object.fromEntries(directions));
}

export type DirectionSource = 'tag' | 'browser' | 'guess';

export interface EffectiveDirection {
  direction: MetricDirection;
  /** Where it came from, so the UI can say "shared", "only in this browser" or "guessed". */
  source: DirectionSource;
}

/**
 * The direction to use: the experiment's tag (shared), else this browser's choice, else the guess
 * by name. The tag wins over the browser so that a stale local choice never hides the team's one.
 */
export function effectiveDirection(
  metricKey: string,
  chosen: {
    tags?: ReadonlyMap<string, Direction> | undefined;
    stored?: ReadonlyMap<string, Direction> | undefined;
  },
): EffectiveDirection {
  const tag = chosen.tags?.get(metricKey);
  if (tag) return { direction: tag, source: 'tag' };
  const stored = chosen.stored?.get(metricKey);
  if (stored) return { direction: stored, source: 'browser' };
  return { direction: guessDirection(metricKey), source: 'guess' };
}
