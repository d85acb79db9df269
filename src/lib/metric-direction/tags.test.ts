import { describe, expect, it } from 'vitest';
import {
  DIRECTION_TAG_PREFIX,
  directionStorageKey,
  directionTagKey,
  directionsFromTags,
  effectiveDirection,
  parseDirection,
  parseStoredDirections,
  serializeStoredDirections,
  tagKeyProblem,
} from './tags';

// Expected by reading mlflow/utils/validation.py (_validate_experiment_tag), and checked once by
// hand against the pinned MLflow's own function with the same keys.
const TAG_KEYS: [metricKey: string, accepted: boolean][] = [
  ['val_loss', true],
  ['train/accuracy', true],
  ['x y-z.w', true],
  ['a:b', true],
  ['é_score', true],
  ['日本語', true],
  ['²', true],
  ['a/.hidden', true],
  ['', true],
  // the prefix ends the first path part, so these are not "." or ".." parts of the tag key
  ['.', true],
  ['..', true],
  ['..x', true],
  ['./x', true],
  ['../x', true],
  ['/x', true],
  ['a'.repeat(224), true],
  ['\u{1d400}'.repeat(224), true], // 448 UTF-16 units, but 224 code points as Python counts
  // characters outside the rule
  ['mAP@50', false],
  ['q?', false],
  ['a+b', false],
  ['a,b', false],
  ['a"b', false],
  ["a'b", false],
  ['a\\b', false],
  ['tab\there', false],
  ['😀', false],
  // paths that normalize to another name
  ['x/', false],
  ['a//b', false],
  ['a/./b', false],
  ['a/../b', false],
  ['x/..', false],
  // too long: the prefix takes 26 of the 250
  ['a'.repeat(225), false],
  ['\u{1d400}'.repeat(225), false],
];

describe('directionTagKey', () => {
  it.each(TAG_KEYS)('%j accepted: %s', (metricKey, accepted) => {
    const result = directionTagKey(metricKey);
    expect(result.ok).toBe(accepted);
    if (result.ok) expect(result.key).toBe(`parallax.metric_direction.${metricKey}`);
    else expect(result.reason).toMatch(/MLflow/);
  });

  it('says which character, or how long, in the reason', () => {
    expect(directionTagKey('mAP@50')).toEqual({
      ok: false,
      reason: expect.stringContaining('"@"'),
    });
    expect(directionTagKey('a'.repeat(230))).toEqual({
      ok: false,
      reason: expect.stringContaining('this one has 256'),
    });
    expect(directionTagKey('a//b')).toEqual({ ok: false, reason: expect.stringContaining('path') });
  });

  it('has the prefix the issue names', () => {
    expect(DIRECTION_TAG_PREFIX).toBe('parallax.metric_direction.');
  });
});

describe('tagKeyProblem', () => {
  it('refuses keys that are paths starting outside, empty or dotted, as MLflow does', () => {
    expect(tagKeyProblem('')).toBeDefined();
    expect(tagKeyProblem('.')).toBeDefined();
    expect(tagKeyProblem('..x')).toBeDefined();
    expect(tagKeyProblem('/x')).toBeDefined();
    expect(tagKeyProblem('x')).toBeUndefined();
    expect(tagKeyProblem('x.y/z')).toBeUndefined();
  });
});

describe('parseDirection', () => {
  it.each([
    ['min', 'min'],
    ['max', 'max'],
    ['MAX', 'max'],
    [' Min\n', 'min'],
    ['minimize', undefined],
    ['lower', undefined],
    ['', undefined],
    ['neutral', undefined],
    [null, undefined],
    [1, undefined],
    [{ value: 'min' }, undefined],
  ] as const)('%j → %s', (value, expected) => {
    expect(parseDirection(value)).toBe(expected);
  });
});

describe('directionsFromTags', () => {
  it('reads only parallax direction tags with a valid value, keyed by the metric', () => {
    const map = directionsFromTags([
      { key: 'parallax.metric_direction.val_loss', value: 'min' },
      { key: 'parallax.metric_direction.train/acc', value: 'max' },
      { key: 'parallax.metric_direction.odd', value: 'sideways' },
      { key: 'parallax.metric_direction.a.b', value: 'MIN' },
      { key: 'metric_direction.epoch', value: 'max' },
      { key: 'mlflow.note.content', value: 'min' },
    ]);
    expect([...map]).toEqual([
      ['val_loss', 'min'],
      ['train/acc', 'max'],
      ['a.b', 'min'],
    ]);
  });

  it('takes no tags', () => {
    expect(directionsFromTags(undefined).size).toBe(0);
    expect(directionsFromTags([]).size).toBe(0);
  });
});

describe('stored directions', () => {
  it('round-trips, keeping odd metric names as plain keys', () => {
    const map = new Map([
      ['val_loss', 'min'],
      ['__proto__', 'max'],
      ['mAP@50', 'max'],
    ] as const);
    const text = serializeStoredDirections(map);
    expect(text).toBe('{"val_loss":"min","__proto__":"max","mAP@50":"max"}');
    expect([...parseStoredDirections(text)]).toEqual([...map]);
  });

  it('ignores anything that is not an object of min and max', () => {
    for (const text of [null, undefined, '', 'not json', '[1,2]', '"min"', 'null', '42']) {
      expect(parseStoredDirections(text).size).toBe(0);
    }
    expect([...parseStoredDirections('{"a":"min","b":"up","c":3,"d":null,"e":"max"}')]).toEqual([
      ['a', 'min'],
      ['e', 'max'],
    ]);
  });

  it('keeps one storage key per experiment', () => {
    expect(directionStorageKey('42')).toBe('parallax.metric-direction.42');
    expect(directionStorageKey('7')).not.toBe(directionStorageKey('42'));
  });
});

describe('effectiveDirection', () => {
  const tags = new Map([['val_loss', 'max']] as const);
  const stored = new Map([
    ['val_loss', 'min'],
    ['epoch', 'max'],
  ] as const);

  it('prefers the tag, then the browser, then the guess', () => {
    expect(effectiveDirection('val_loss', { tags, stored })).toEqual({
      direction: 'max',
      source: 'tag',
    });
    expect(effectiveDirection('epoch', { tags, stored })).toEqual({
      direction: 'max',
      source: 'browser',
    });
    expect(effectiveDirection('train_loss', { tags, stored })).toEqual({
      direction: 'min',
      source: 'guess',
    });
    expect(effectiveDirection('lr', {})).toEqual({ direction: 'neutral', source: 'guess' });
  });
});
