import { describe, expect, it } from 'vitest';
import { directionWords, guessDirection } from './guess';
import type { MetricDirection } from './types';

// Written by hand: what a data scientist reading the name would expect.
const TABLE: [name: string, expected: MetricDirection][] = [
  // every word of the vocabulary, alone
  ['loss', 'min'],
  ['error', 'min'],
  ['rmse', 'min'],
  ['mae', 'min'],
  ['mse', 'min'],
  ['mape', 'min'],
  ['perplexity', 'min'],
  ['latency', 'min'],
  ['wer', 'min'],
  ['cer', 'min'],
  ['fpr', 'min'],
  ['accuracy', 'max'],
  ['auc', 'max'],
  ['f1', 'max'],
  ['precision', 'max'],
  ['recall', 'max'],
  ['r2', 'max'],
  ['map', 'max'],
  ['bleu', 'max'],
  ['rouge', 'max'],
  ['iou', 'max'],
  ['throughput', 'max'],
  // separators and prefixes
  ['val_loss', 'min'],
  ['train/accuracy', 'max'],
  ['eval.f1_score', 'max'],
  ['test-rmse', 'min'],
  ['validation mae', 'min'],
  ['train/box_loss', 'min'],
  ['metrics/precision(B)', 'max'],
  ['roc_auc', 'max'],
  ['auc_roc', 'max'],
  ['top1_error', 'min'],
  ['mean_absolute_error', 'min'],
  ['r2_score', 'max'],
  ['p99_latency_ms', 'min'],
  ['tokens_per_sec_throughput', 'max'],
  ['recall_at_k', 'max'],
  ['precision@10', 'max'],
  ['error_rate', 'min'],
  // case and camelCase
  ['LOSS', 'min'],
  ['Accuracy', 'max'],
  ['valLoss', 'min'],
  ['trainAccuracy', 'max'],
  ['rougeL', 'max'],
  ['rougeLsum', 'max'],
  ['macroF1', 'max'],
  ['F1Score', 'max'],
  ['HTTPLatency', 'min'],
  ['valRMSE', 'min'],
  ['mAP', 'max'],
  ['mAP@50', 'max'],
  ['metrics/mAP50-95(B)', 'max'],
  ['mAP_0.5:0.95', 'max'],
  // trailing digits are a variant of the word
  ['rouge1', 'max'],
  ['rouge2_f', 'max'],
  ['bleu4', 'max'],
  ['loss2', 'min'],
  // substrings never count
  ['mapping_size', 'neutral'],
  ['lossless_ratio', 'neutral'],
  ['answer_length', 'neutral'],
  ['cerebras_flops', 'neutral'],
  ['errors', 'neutral'],
  ['valloss', 'neutral'],
  ['f1score', 'neutral'],
  ['recaller', 'neutral'],
  ['f', 'neutral'],
  ['r', 'neutral'],
  // neither
  ['epoch', 'neutral'],
  ['learning_rate', 'neutral'],
  ['lr', 'neutral'],
  ['step_time', 'neutral'],
  ['', 'neutral'],
  ['___', 'neutral'],
  ['constructor', 'neutral'],
  ['__proto__', 'neutral'],
  ['toString', 'neutral'],
  ['hasOwnProperty', 'neutral'],
  // both kinds: neutral, whichever comes first
  ['accuracy_loss', 'neutral'],
  ['recall_at_fpr_0.01', 'neutral'],
  ['precision_error', 'neutral'],
  ['lossAccuracy', 'neutral'],
  // the same kind twice stays that kind
  ['precision_at_recall_0.9', 'max'],
  ['rmse_loss', 'min'],
  ['val/loss/loss', 'min'],
];

describe('guessDirection', () => {
  it.each(TABLE)('%j → %s', (name, expected) => {
    expect(guessDirection(name)).toBe(expected);
  });
});

describe('directionWords', () => {
  it('names the words that decided, as written', () => {
    expect(directionWords('eval/valLoss')).toEqual([{ word: 'Loss', direction: 'min' }]);
    expect(directionWords('mAP@50')).toEqual([{ word: 'mAP', direction: 'max' }]);
    expect(directionWords('accuracy_loss')).toEqual([
      { word: 'accuracy', direction: 'max' },
      { word: 'loss', direction: 'min' },
    ]);
    expect(directionWords('epoch')).toEqual([]);
  });
});
