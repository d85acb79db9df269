// A metric's direction guessed from its name, for when no one has chosen it yet.
//
// Decisions:
// - Only whole words count, never substrings: `mapping_size` is not map, `lossless_ratio` is not
//   loss, `answer_len` is not wer. A word is a run of ASCII letters and digits; every other
//   character separates words (/ . _ - space, and also @ : ( ) and the like, so `mAP@50` and YOLO's
//   `metrics/mAP50-95(B)` read as mAP).
// - A word is tried whole first, lower-cased (`mAP` → map, `RMSE` → rmse), then, only if that
//   fails, split at camelCase humps (`valLoss` → val + loss, `rougeL` → rouge + l, `macroF1` →
//   macro + f1). Trying whole first keeps `mAP` from falling apart into m + ap.
// - Trailing digits are a variant, not a new word: `rouge1`, `bleu4`, `mAP50`, `loss2` count; the
//   word itself is tried first, so `f1` and `r2` stay f1 and r2.
// - No stemming and no compound splitting of lower-case words: `losses` and `valloss` stay neutral.
//   A wrong color is worse than none, and the user can set the direction.
// - `error_rate` is lower-is-better (error is a word of it); `recall_at_k` is higher (recall).
// - A name holding words of both kinds is neutral. No position rule is safe: in
//   `recall_at_fpr_0.01` the first word decides (higher is better), in `accuracy_loss` the last one
//   does (lower is better).

import type { Direction, MetricDirection } from './types';

const WORDS: Readonly<Record<string, Direction>> = {
  loss: 'min',
  error: 'min',
  rmse: 'min',
  mae: 'min',
  mse: 'min',
  mape: 'min',
  perplexity: 'min',
  latency: 'min',
  wer: 'min',
  cer: 'min',
  fpr: 'min',
  accuracy: 'max',
  auc: 'max',
  f1: 'max',
  precision: 'max',
  recall: 'max',
  r2: 'max',
  map: 'max',
  bleu: 'max',
  rouge: 'max',
  iou: 'max',
  throughput: 'max',
};

function lookUp(word: string): Direction | undefined {
  const lower = word.toLowerCase();
  // Object.hasOwn: a metric named `constructor` or `__proto__` must not hit Object.prototype.
  if (Object.hasOwn(WORDS, lower)) return WORDS[lower];
  const bare = lower.replace(/\d+$/, '');
  return bare !== lower && Object.hasOwn(WORDS, bare) ? WORDS[bare] : undefined;
}

// A lower-case letter or digit before a capital (valLoss, F1Score), or the last capital of a run
// of capitals before a capital and a lower-case letter (HTTPLatency → HTTP + Latency).
const CAMEL_HUMP = /(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])/;

/** The words of a name that carry a direction, each with the direction it carries. */
export function directionWords(name: string): { word: string; direction: Direction }[] {
  const found: { word: string; direction: Direction }[] = [];
  for (const word of name.match(/[A-Za-z0-9]+/g) ?? []) {
    const whole = lookUp(word);
    if (whole) {
      found.push({ word, direction: whole });
      continue;
    }
    for (const part of word.split(CAMEL_HUMP)) {
      const direction = part === word ? undefined : lookUp(part);
      if (direction) found.push({ word: part, direction });
    }
  }
  return found;
}

/** `val_loss` → 'min', `train/accuracy` → 'max', `epoch` → 'neutral'. */
export function guessDirection(name: string): MetricDirection {
  let guess: MetricDirection = 'neutral';
  for (const { direction } of directionWords(name)) {
    if (guess === 'neutral') guess = direction;
    else if (guess !== direction) return 'neutral';
  }
  return guess;
}
