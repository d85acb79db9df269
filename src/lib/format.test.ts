import { describe, expect, it } from 'vitest';
import {
  formatDate,
  formatDuration,
  formatMetric,
  formatRelative,
  formatTimestamp,
} from './format';

describe('formatMetric', () => {
  it.each([
    [Number.NaN, 'NaN'],
    [Number.POSITIVE_INFINITY, 'Infinity'],
    [Number.NEGATIVE_INFINITY, '-Infinity'],
    [0, '0'],
    [-0, '0'],
    [1, '1'],
    [42, '42'],
    [-7, '-7'],
    [0.5, '0.5'],
    [0.1 + 0.2, '0.3'],
    [0.912345, '0.9123'],
    [0.99996, '1'],
    [12.3456, '12.35'],
    [-12.3456, '-12.35'],
    [999.96, '1000'],
    [1234.5, '1235'],
    [12345.6, '12346'],
    [123456.7, '123457'],
    [999999.4, '999999'],
    [0.001234567, '0.001235'],
  ])('shows %s as %s with about four significant digits', (n, text) => {
    expect(formatMetric(n)).toBe(text);
  });

  it.each([
    [1e6, '1e6'],
    [1234567, '1.235e6'],
    [-1234567, '-1.235e6'],
    [6.02e23, '6.02e23'],
    [0.000999, '9.99e-4'],
    [0.00012346, '1.235e-4'],
    [1e-7, '1e-7'],
    [-2.5e-10, '-2.5e-10'],
    [Number.MAX_VALUE, '1.798e308'],
    [Number.MIN_VALUE, '4.941e-324'],
  ])('shows the extreme magnitude %s in exponent form as %s', (n, text) => {
    expect(formatMetric(n)).toBe(text);
  });
});

describe('formatDuration', () => {
  it.each([
    [undefined, '—'],
    [Number.NaN, '—'],
    [-5, '—'],
    [Number.POSITIVE_INFINITY, '—'],
    [0, '0ms'],
    [450, '450ms'],
    [999.6, '1000ms'],
    [1000, '1s'],
    [3400, '3.4s'],
    [3449, '3.4s'],
    [9999, '9.9s'],
    [10_000, '10s'],
    [42_900, '42s'],
    [59_999, '59s'],
    [60_000, '1m 00s'],
    [5 * 60_000 + 7_000, '5m 07s'],
    [3_599_999, '59m 59s'],
    [3_600_000, '1h 00m'],
    [3_600_000 + 2 * 60_000 + 59_000, '1h 02m'],
    [23 * 3_600_000 + 59 * 60_000, '23h 59m'],
    [86_400_000, '1d 00h'],
    [2 * 86_400_000 + 3 * 3_600_000, '2d 03h'],
  ])('formats %s ms as %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});

describe('formatTimestamp', () => {
  it('writes local time as YYYY-MM-DD HH:MM:SS', () => {
    const ms = new Date(2024, 4, 1, 13, 4, 5).getTime();
    expect(formatTimestamp(ms)).toBe('2024-05-01 13:04:05');
  });

  it('pads single-digit months, days and times', () => {
    expect(formatTimestamp(new Date(2023, 0, 2, 3, 4, 5).getTime())).toBe('2023-01-02 03:04:05');
  });

  it.each([[undefined], [Number.NaN]])('shows an unknown time (%s) as a dash', (ms) => {
    expect(formatTimestamp(ms)).toBe('—');
  });
});

describe('formatRelative', () => {
  const now = Date.UTC(2024, 5, 15, 12, 0, 0);
  const s = 1000;
  const min = 60 * s;
  const h = 60 * min;
  const day = 24 * h;

  it.each([
    [0, 'just now'],
    [59 * s, 'just now'],
    [-30 * s, 'just now'],
    [60 * s, '1 min ago'],
    [3 * min + 20 * s, '3 min ago'],
    [59 * min, '59 min ago'],
    [h, '1 h ago'],
    [5 * h + 59 * min, '5 h ago'],
    [day, '1 day ago'],
    [2 * day, '2 days ago'],
    [29 * day, '29 days ago'],
    [30 * day, '1 month ago'],
    [300 * day, '10 months ago'],
    [365 * day, '1 year ago'],
    [3 * 365 * day, '3 years ago'],
    [-4 * min, 'in 4 min'],
    [-2 * day, 'in 2 days'],
  ])('describes a time %s ms before now as "%s"', (ago, text) => {
    expect(formatRelative(now - ago, now)).toBe(text);
  });

  it('shows an unknown time as a dash', () => {
    expect(formatRelative(undefined, now)).toBe('—');
  });
});

describe('formatDate', () => {
  it('gives the local date, zero-padded', () => {
    expect(formatDate(new Date(2023, 0, 2, 23, 59).getTime())).toBe('2023-01-02');
  });

  it('shows a dash for an unknown time', () => {
    expect(formatDate(undefined)).toBe('—');
  });
});
