import { describe, expect, it } from 'vitest';
import { suggest } from './suggest';
import type { SuggestContext } from './suggest';

const context: SuggestContext = {
  keys: {
    metrics: ['accuracy', 'f1', 'loss', 'val-loss', 'train/acc'],
    params: ['C', 'max_depth', 'batch size'],
    tags: ['domain', 'mlflow.runName'],
  },
  valuesFor: (kind, key) =>
    kind === 'tags' && key === 'domain'
      ? ['churn', 'cost', "o'clock"]
      : kind === 'params' && key === 'C'
        ? ['0.1', '1.0', '10']
        : [],
};

const labels = (text: string, caret = text.length) =>
  suggest(text, caret, context).items.map((s) => s.label);

describe('suggest', () => {
  it('offers the key prefixes on an empty filter', () => {
    expect(labels('')).toEqual(['metrics.', 'params.', 'tags.', 'attributes.', 'datasets.']);
  });

  it.each<[string, string[]]>([
    ['metrics.acc', ['metrics.accuracy', 'metrics.`train/acc`']],
    ['metric.ac', ['metrics.accuracy', 'metrics.`train/acc`']],
    ['metrics.val', ['metrics.`val-loss`']],
    ['metrics.train', ['metrics.`train/acc`']],
    ['params.b', ['params.`batch size`']],
    ['tags.mlf', ['tags.`mlflow.runName`']],
    ['attributes.st', ['attributes.status', 'attributes.start_time']],
    ['datasets.', ['datasets.name', 'datasets.digest', 'datasets.context']],
  ])('completes keys of the typed kind: %s', (text, expected) => {
    expect(labels(text)).toEqual(expected);
  });

  it('ranks label-prefix matches before key matches before substrings', () => {
    // "met" starts "metrics." (a prefix) and is inside nothing else.
    expect(labels('met')[0]).toBe('metrics.');
    // "loss" is no prefix, but starts two metric keys; "val-loss" only contains it after "val-".
    const loss = labels('loss');
    expect(loss[0]).toBe('metrics.loss');
    expect(loss).toContain('metrics.`val-loss`');
    expect(loss.indexOf('metrics.loss')).toBeLessThan(loss.indexOf('metrics.`val-loss`'));
  });

  it('replaces the whole key being typed, and a key ends with a space', () => {
    const result = suggest('metrics.acc', 11, context);
    expect(result.from).toBe(0);
    expect(result.to).toBe(11);
    expect(result.items[0]?.insert).toBe('metrics.accuracy ');
  });

  it('completes after AND', () => {
    const text = "tags.domain = 'churn' AND metrics.f";
    const result = suggest(text, text.length, context);
    expect(result.from).toBe(26);
    expect(result.items.map((s) => s.label)).toEqual(['metrics.f1']);
  });

  it.each<[string, string[]]>([
    ['metrics.accuracy ', ['=', '!=', '>', '>=', '<', '<=']],
    ['metrics.accuracy >', ['>', '>=']],
    ['params.C ', ['=', '!=', 'LIKE', 'ILIKE']],
    ['tags.domain i', ['ILIKE']],
    ['attributes.run_id ', ['=', '!=', 'LIKE', 'ILIKE', 'IN', 'NOT IN']],
    ['status ', ['=', '!=', 'LIKE', 'ILIKE']],
    ['attributes.start_time ', ['=', '!=', '>', '>=', '<', '<=']],
    ['datasets.name ', ['=', '!=', 'LIKE', 'ILIKE', 'IN', 'NOT IN']],
  ])('offers the comparators valid for the kind: %s', (text, expected) => {
    expect(labels(text)).toEqual(expected);
  });

  it.each<[string, string[]]>([
    ['tags.domain = ', ["'churn'", "'cost'", `"o'clock"`]],
    ["tags.domain = 'c", ["'churn'", "'cost'", `"o'clock"`]],
    ['tags.domain != ch', ["'churn'"]],
    ['params.C = ', ["'0.1'", "'1.0'", "'10'"]],
    ['params.C LIKE 1', ["'1.0'", "'10'", "'0.1'"]],
    ["status = 'F", ["'FAILED'", "'FINISHED'"]],
    ['metrics.accuracy > ', []],
  ])('offers known values for params and tags: %s', (text, expected) => {
    expect(labels(text)).toEqual(expected);
  });

  it('offers AND after a complete condition', () => {
    expect(labels("tags.domain = 'churn' ")).toEqual(['AND']);
    expect(labels("tags.domain = 'churn' a")).toEqual(['AND']);
    expect(labels('metrics.a > 1 x')).toEqual([]);
  });

  it('reads the text before the caret only for the partial word', () => {
    const text = "metrics.acc > 0.5 AND tags.domain = 'churn'";
    expect(suggest(text, 11, context).items[0]?.label).toBe('metrics.accuracy');
    expect(suggest(text, 11, context).to).toBe(11);
  });

  it('says nothing inside IN lists or after a syntax error', () => {
    expect(labels("run_id IN ('a', ")).toEqual([]);
    expect(labels('(metrics.a ')).toEqual([]);
  });

  it('caps the list', () => {
    const many: SuggestContext = {
      ...context,
      keys: { ...context.keys, metrics: Array.from({ length: 500 }, (_, i) => `m${i}`) },
    };
    expect(suggest('metrics.', 8, many, 20).items).toHaveLength(20);
  });
});
