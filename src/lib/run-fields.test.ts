import { describe, expect, it } from 'vitest';
import {
  compareKeys,
  filterEntries,
  isSystemTag,
  shortCommit,
  statusLabel,
  topKeys,
} from './run-fields';

describe('topKeys', () => {
  const runs = [
    ['loss', 'accuracy', 'f1'],
    ['loss', 'accuracy'],
    ['loss', 'rare'],
  ];

  it('keeps the keys present in the most runs and returns them in natural order', () => {
    expect(topKeys(runs, 2)).toEqual(['accuracy', 'loss']);
  });

  it('breaks frequency ties by name', () => {
    expect(topKeys(runs, 3)).toEqual(['accuracy', 'f1', 'loss']);
  });

  it('returns every key when there are fewer than the limit', () => {
    expect(topKeys(runs, 12)).toEqual(['accuracy', 'f1', 'loss', 'rare']);
  });

  it('always keeps pinned keys, even ones no loaded run has', () => {
    expect(topKeys(runs, 2, ['rare'])).toEqual(['loss', 'rare']);
    expect(topKeys(runs, 1, ['missing'])).toEqual(['missing']);
  });

  it('handles no runs and keys named like Object.prototype members', () => {
    expect(topKeys([], 5)).toEqual([]);
    expect(topKeys([['__proto__', 'constructor']], 5)).toEqual(['__proto__', 'constructor']);
  });
});

describe('compareKeys', () => {
  it('orders numbers inside keys naturally and ignores case', () => {
    expect(['layer10', 'Layer2', 'b', 'A'].sort(compareKeys)).toEqual([
      'A',
      'b',
      'Layer2',
      'layer10',
    ]);
  });

  it('gives keys that differ only in case a stable order', () => {
    expect(['c', 'C'].sort(compareKeys)).toEqual(['C', 'c']);
    expect(['C', 'c'].sort(compareKeys)).toEqual(['C', 'c']);
  });
});

describe('statusLabel', () => {
  it.each([
    ['FINISHED', 'Finished'],
    ['RUNNING', 'Running'],
    ['FAILED', 'Failed'],
    ['KILLED', 'Killed'],
    ['SCHEDULED', 'Scheduled'],
    [undefined, 'Unknown'],
  ] as const)('labels %s as %s', (status, label) => {
    expect(statusLabel(status)).toBe(label);
  });
});

describe('isSystemTag', () => {
  it.each([
    ['mlflow.user', true],
    ['mlflow.source.git.commit', true],
    ['team', false],
    ['mlflowish', false],
  ])('%s → %s', (key, system) => {
    expect(isSystemTag(key)).toBe(system);
  });
});

describe('filterEntries', () => {
  const entries = [
    ['learning_rate', '0.01'],
    ['batch size', '32'],
    ['optimizer', 'Adam'],
  ] as const;

  it('matches keys and values case-insensitively', () => {
    expect(filterEntries(entries, 'ADAM').map(([k]) => k)).toEqual(['optimizer']);
    expect(filterEntries(entries, 'Rate').map(([k]) => k)).toEqual(['learning_rate']);
  });

  it('returns everything for a blank query', () => {
    expect(filterEntries(entries, '  ')).toHaveLength(3);
  });

  it('returns nothing when nothing matches', () => {
    expect(filterEntries(entries, 'zzz')).toEqual([]);
  });
});

describe('shortCommit', () => {
  it('abbreviates to seven characters', () => {
    expect(shortCommit('0123456789abcdef')).toBe('0123456');
    expect(shortCommit('abc')).toBe('abc');
  });
});
