import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatRelativeTime } from './time';

const now = new Date(2025, 5, 15, 12, 0, 0).getTime();
const ago = (ms: number) => formatRelativeTime(now - ms, now);
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

describe('formatRelativeTime', () => {
  it('says "just now" within 45 seconds either way (clock skew)', () => {
    expect(ago(0)).toBe('just now');
    expect(ago(44_000)).toBe('just now');
    expect(ago(-30_000)).toBe('just now');
  });

  it('counts minutes, hours and days', () => {
    expect(ago(5 * MIN)).toBe('5 minutes ago');
    expect(ago(3 * HOUR)).toBe('3 hours ago');
    expect(ago(1 * DAY)).toBe('yesterday');
    expect(ago(4 * DAY)).toBe('4 days ago');
  });

  it('counts months up to about a year', () => {
    expect(ago(60 * DAY)).toBe('2 months ago');
  });

  it('gives the date beyond that', () => {
    expect(formatRelativeTime(new Date(2023, 0, 2).getTime(), now)).toBe('2023-01-02');
  });

  it('speaks of the future when MLflow is well ahead of the browser', () => {
    expect(ago(-10 * MIN)).toBe('in 10 minutes');
  });
});

describe('formatDate / formatDateTime', () => {
  it('formats local time with zero padding', () => {
    const t = new Date(2025, 2, 4, 9, 5, 7).getTime();
    expect(formatDate(t)).toBe('2025-03-04');
    expect(formatDateTime(t)).toBe('2025-03-04 09:05:07');
  });
});
