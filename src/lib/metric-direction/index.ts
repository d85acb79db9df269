/**
 * Which way each metric improves: guessed from its name, or chosen by people and kept as an
 * experiment tag (`parallax.metric_direction.<key>`) or, where the experiment cannot be written,
 * in the browser. The compare page, the runs table and the registry read it to color deltas and
 * mark best values.
 */
export { bestInColumn } from './best';
export type { BestInColumn } from './best';
export { deltaAgainst } from './delta';
export type { Delta, Verdict } from './delta';
export { directionWords, guessDirection } from './guess';
export {
  DIRECTION_TAG_PREFIX,
  MAX_TAG_KEY_LENGTH,
  directionStorageKey,
  directionTagKey,
  directionsFromTags,
  effectiveDirection,
  parseDirection,
  parseStoredDirections,
  serializeStoredDirections,
  tagKeyProblem,
} from './tags';
export type { DirectionSource, DirectionTagKey, EffectiveDirection } from './tags';
export type { Direction, MetricDirection } from './types';
