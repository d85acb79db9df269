import { describe, expect, test } from 'vitest';
import { scatterScale } from './scatter-scale';

describe('scatterScale', () => {
  test('widens the domain to whole tick steps around the values', () => {
    const s = scatterScale([0.013, 0.1, 0.047]);
    expect(s.lo).toBe(0);
    expect(s.hi).toBeCloseTo(0.1, 12);
    expect(s.ticks).toEqual([0, 0.02, 0.04, 0.06, 0.08, 0.1]);
  });

  test('places every value inside [0, 1], lo at 0 and hi at 1', () => {
    const values = [-37.5, 12, 88.25, 3];
    const s = scatterScale(values);
    expect(s.at(s.lo)).toBe(0);
    expect(s.at(s.hi)).toBe(1);
    for (const v of values) {
      expect(s.at(v)).toBeGreaterThanOrEqual(0);
      expect(s.at(v)).toBeLessThanOrEqual(1);
    }
    expect(s.lo).toBe(-40);
    expect(s.hi).toBe(100);
  });

  test('one value, or all equal: the point sits in the middle', () => {
    expect(scatterScale([5, 5, 5]).at(5)).toBeCloseTo(0.5, 12);
    expect(scatterScale([0]).at(0)).toBeCloseTo(0.5, 12);
    expect(scatterScale([-200]).at(-200)).toBeCloseTo(0.5, 12);
  });

  test('no values: a unit axis rather than NaN', () => {
    const s = scatterScale([]);
    expect([s.lo, s.hi]).toEqual([0, 1]);
    expect(s.ticks.length).toBeGreaterThan(1);
  });

  test('ticks stay inside the domain', () => {
    const s = scatterScale([1234, 98_765]);
    expect(s.ticks.length).toBeGreaterThanOrEqual(3);
    for (const t of s.ticks) {
      expect(t).toBeGreaterThanOrEqual(s.lo);
      expect(t).toBeLessThanOrEqual(s.hi);
    }
  });
});
