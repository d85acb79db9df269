import { describe, expect, it } from 'vitest';
import { baselineFirst, deltaOf } from './delta';

describe('deltaOf', () => {
  it('gives the absolute and relative change from the baseline', () => {
    expect(deltaOf(0.5, 0.25)).toEqual({ absolute: -0.25, relative: -0.5 });
    expect(deltaOf(10, 15)).toEqual({ absolute: 5, relative: 0.5 });
    expect(deltaOf(3, 3)).toEqual({ absolute: 0, relative: 0 });
  });

  it('keeps the change’s sign below zero', () => {
    expect(deltaOf(-2, -1)).toEqual({ absolute: 1, relative: 0.5 });
    expect(deltaOf(-2, -4)).toEqual({ absolute: -2, relative: -1 });
  });

  it('has no relative change from a zero baseline, unless nothing moved', () => {
    expect(deltaOf(0, 1)).toEqual({ absolute: 1, relative: undefined });
    expect(deltaOf(0, 0)).toEqual({ absolute: 0, relative: 0 });
    expect(Object.is(deltaOf(-0, 0)?.absolute, 0)).toBe(true);
    expect(Object.is(deltaOf(0, -0)?.absolute, 0)).toBe(true);
  });

  it('has no delta for missing or non-finite values', () => {
    expect(deltaOf(undefined, 1)).toBeUndefined();
    expect(deltaOf(1, undefined)).toBeUndefined();
    expect(deltaOf(NaN, 1)).toBeUndefined();
    expect(deltaOf(1, Infinity)).toBeUndefined();
    expect(deltaOf(-Infinity, 1)).toBeUndefined();
  });
});

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
