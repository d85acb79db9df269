import { describe, expect, it } from 'vitest';
import { deltaText } from './delta-text';

describe('deltaText', () => {
  it.each([
    [{ absolute: 0.012, relative: 0.041, verdict: 'better' as const }, '+0.012 (+4.1%)'],
    [{ absolute: -0.5, relative: -0.25, verdict: 'worse' as const }, '-0.5 (-25%)'],
    [{ absolute: 3, relative: undefined, verdict: 'neutral' as const }, '+3'],
    [{ absolute: 0, relative: 0, verdict: 'same' as const }, '='],
    [{ absolute: Infinity, relative: Infinity, verdict: 'worse' as const }, '+Infinity (+∞%)'],
    [{ absolute: -Infinity, relative: -Infinity, verdict: 'better' as const }, '-Infinity (-∞%)'],
    [{ absolute: undefined, relative: undefined, verdict: 'incomparable' as const }, ''],
  ])('%o reads %s', (delta, text) => {
    expect(deltaText(delta)).toBe(text);
  });
});
