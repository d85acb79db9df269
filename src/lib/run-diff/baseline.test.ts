import { describe, expect, it } from 'vitest';
import { baselineFirst } from './baseline';

describe('baselineFirst', () => {
  const id = (x: string) => x;

  it('moves the baseline to the front and keeps the others in order', () => {
    expect(baselineFirst(['a', 'b', 'c', 'd'], 'c', id)).toEqual(['c', 'a', 'b', 'd']);
  });

  it('changes nothing without a baseline, or with one that is first or absent', () => {
    expect(baselineFirst(['a', 'b'], undefined, id)).toEqual(['a', 'b']);
    expect(baselineFirst(['a', 'b'], 'a', id)).toEqual(['a', 'b']);
    expect(baselineFirst(['a', 'b'], 'z', id)).toEqual(['a', 'b']);
    expect(baselineFirst([], 'a', id)).toEqual([]);
  });
});
