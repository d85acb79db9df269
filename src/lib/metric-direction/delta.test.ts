import { describe, expect, it } from 'vitest';
import { deltaAgainst } from './delta';

describe('deltaAgainst', () => {
  it('gives absolute and relative deltas with a verdict by direction', () => {
    expect(deltaAgainst(0.8, 1, 'min')).toEqual({
      absolute: expect.closeTo(-0.2, 12),
      relative: expect.closeTo(-0.2, 12),
      verdict: 'better',
    });
    expect(deltaAgainst(0.8, 1, 'max')).toMatchObject({ verdict: 'worse' });
    expect(deltaAgainst(3, 2, 'max')).toEqual({ absolute: 1, relative: 0.5, verdict: 'better' });
    expect(deltaAgainst(3, 2, 'min')).toEqual({ absolute: 1, relative: 0.5, verdict: 'worse' });
    expect(deltaAgainst(3, 2, 'neutral')).toEqual({
      absolute: 1,
      relative: 0.5,
      verdict: 'neutral',
    });
  });

  it('a lower loss is better and a higher accuracy is better', () => {
    expect(deltaAgainst(0.25, 0.5, 'min').verdict).toBe('better');
    expect(deltaAgainst(0.9, 0.85, 'max').verdict).toBe('better');
  });

  it('relative is against the baseline magnitude, so its sign follows the change', () => {
    expect(deltaAgainst(-1, -2, 'max')).toEqual({ absolute: 1, relative: 0.5, verdict: 'better' });
    expect(deltaAgainst(-3, -2, 'max')).toEqual({
      absolute: -1,
      relative: -0.5,
      verdict: 'worse',
    });
  });

  it('has no relative delta against a zero baseline', () => {
    expect(deltaAgainst(1, 0, 'min')).toEqual({
      absolute: 1,
      relative: undefined,
      verdict: 'worse',
    });
    expect(deltaAgainst(-1, -0, 'min')).toEqual({
      absolute: -1,
      relative: undefined,
      verdict: 'better',
    });
  });

  it('calls exact equals the same, whatever the direction', () => {
    expect(deltaAgainst(0.5, 0.5, 'min')).toEqual({ absolute: 0, relative: 0, verdict: 'same' });
    expect(deltaAgainst(0.5, 0.5, 'neutral')).toMatchObject({ verdict: 'same' });
    expect(deltaAgainst(0, -0, 'max')).toEqual({
      absolute: 0,
      relative: undefined,
      verdict: 'same',
    });
    // a difference in the last bit is still a difference
    expect(deltaAgainst(0.1 + 0.2, 0.3, 'min').verdict).toBe('worse');
  });

  it('compares nothing with NaN or a missing value', () => {
    const none = { absolute: undefined, relative: undefined, verdict: 'incomparable' };
    expect(deltaAgainst(NaN, 1, 'min')).toEqual(none);
    expect(deltaAgainst(1, NaN, 'max')).toEqual(none);
    expect(deltaAgainst(NaN, NaN, 'neutral')).toEqual(none);
    expect(deltaAgainst(undefined, 1, 'min')).toEqual(none);
    expect(deltaAgainst(1, null, 'min')).toEqual(none);
  });

  it('orders infinities like numbers, with no ratio against an infinite baseline', () => {
    expect(deltaAgainst(Infinity, 2, 'min')).toEqual({
      absolute: Infinity,
      relative: Infinity,
      verdict: 'worse',
    });
    expect(deltaAgainst(-Infinity, 2, 'max')).toEqual({
      absolute: -Infinity,
      relative: -Infinity,
      verdict: 'worse',
    });
    expect(deltaAgainst(2, Infinity, 'min')).toEqual({
      absolute: -Infinity,
      relative: undefined,
      verdict: 'better',
    });
    expect(deltaAgainst(Infinity, Infinity, 'min')).toEqual({
      absolute: 0,
      relative: undefined,
      verdict: 'same',
    });
    expect(deltaAgainst(-Infinity, Infinity, 'max')).toEqual({
      absolute: -Infinity,
      relative: undefined,
      verdict: 'worse',
    });
  });
});
