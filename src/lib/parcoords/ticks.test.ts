import { describe, expect, it } from 'vitest';
import { linearTicks, logTicks, tickStep } from './ticks';

describe('tickStep', () => {
  it('is 1, 2 or 5 times a power of ten', () => {
    expect(tickStep(0, 1, 5)).toBe(0.2);
    expect(tickStep(0, 10, 5)).toBe(2);
    expect(tickStep(0, 100, 10)).toBe(10);
    expect(tickStep(0, 0.09, 5)).toBe(0.02);
    expect(tickStep(3, 3, 5)).toBeNaN();
  });
});

describe('linearTicks', () => {
  it('writes round numbers inside the domain', () => {
    expect(linearTicks(0, 1)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(linearTicks(0.01, 0.1)).toEqual([0.02, 0.04, 0.06, 0.08, 0.1]);
    expect(linearTicks(100, 300)).toEqual([100, 150, 200, 250, 300]);
    expect(linearTicks(-1, 1)).toEqual([-1, -0.5, 0, 0.5, 1]);
    expect(linearTicks(0.33, 0.61, 4)).toEqual([0.35, 0.4, 0.45, 0.5, 0.55, 0.6]);
  });

  it('never spells a float artefact', () => {
    for (const t of linearTicks(0, 0.7, 7)) expect(String(t).length).toBeLessThanOrEqual(4);
    expect(linearTicks(0.1, 0.4, 3)).toEqual([0.1, 0.2, 0.3, 0.4]);
  });

  it('gives a lone value for an empty domain, nothing for a broken one', () => {
    expect(linearTicks(2, 2)).toEqual([2]);
    expect(linearTicks(NaN, 1)).toEqual([]);
  });
});

describe('logTicks', () => {
  it('uses the powers of ten inside the domain', () => {
    expect(logTicks(0.001, 1)).toEqual([0.001, 0.01, 0.1, 1]);
    expect(logTicks(0.01, 0.1)).toEqual([0.01, 0.1]);
  });

  it('adds 2× and 5× when the domain holds fewer than two powers', () => {
    expect(logTicks(0.03, 0.6)).toEqual([0.05, 0.1, 0.2, 0.5]);
    expect(logTicks(3, 8)).toEqual([3, 4, 5, 6, 7, 8]);
  });

  it('thins a long run of powers', () => {
    expect(logTicks(1, 1e12)).toEqual([1, 100, 1e4, 1e6, 1e8, 1e10, 1e12]);
  });

  it('gives nothing for a domain that is not positive', () => {
    expect(logTicks(0, 1)).toEqual([]);
    expect(logTicks(-1, 1)).toEqual([]);
  });
});
