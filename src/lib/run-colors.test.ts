import { describe, expect, it } from 'vitest';
import { RUN_PALETTE, runColor, runColors } from './run-colors';

describe('run colours', () => {
  it('gives a run the same colour every time', () => {
    expect(runColor('abc123')).toBe(runColor('abc123'));
    expect(RUN_PALETTE).toContain(runColor('abc123'));
  });
  it('gives the runs of one chart distinct colours while the palette lasts', () => {
    const ids = Array.from({ length: RUN_PALETTE.length }, (_, i) => `run-${i}`);
    expect(new Set(runColors(ids).values()).size).toBe(RUN_PALETTE.length);
  });
  it('keeps the first run its own colour', () => {
    expect(runColors(['x', 'y']).get('x')).toBe(runColor('x'));
  });
});
