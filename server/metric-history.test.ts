import { describe, expect, it } from 'vitest';
import { buildHistory, offsetOf, offsetToken } from './metric-history.ts';

const page = (rows: [number, number, number][]) => ({
  steps: Float64Array.from(rows, (r) => r[0]),
  values: Float64Array.from(rows, (r) => r[1]),
  times: Float64Array.from(rows, (r) => r[2]),
  next: undefined,
});

describe('buildHistory', () => {
  it('joins pages in order and keeps MLflow-sorted input as it is', () => {
    const h = buildHistory([
      page([
        [0, 1, 10],
        [1, 2, 11],
      ]),
      page([[2, 3, 12]]),
    ]);
    expect([...h.x]).toEqual([0, 1, 2]);
    expect([...h.y]).toEqual([1, 2, 3]);
    expect([...h.t]).toEqual([10, 11, 12]);
    expect(h.loggedCount).toBe(3);
  });

  it('sorts by step (then timestamp) and keeps the last value logged at a step', () => {
    // MLflow orders by timestamp: step 5 logged after step 9, and step 1 logged twice.
    const h = buildHistory([
      page([
        [1, 10, 100],
        [9, 90, 101],
        [5, 50, 102],
        [1, 11, 103],
      ]),
    ]);
    expect([...h.x]).toEqual([1, 5, 9]);
    expect([...h.y]).toEqual([11, 50, 90]);
    expect([...h.t]).toEqual([103, 102, 101]);
    expect(h.loggedCount).toBe(4);
  });

  it('handles an empty history', () => {
    expect(buildHistory([page([])]).x).toHaveLength(0);
  });
});

describe('page tokens', () => {
  it("reads and writes open-source MLflow's offset tokens, and nothing else", () => {
    expect(offsetToken(25_000)).toBe('eyJvZmZzZXQiOiAyNTAwMH0=');
    expect(offsetOf('eyJvZmZzZXQiOiAyNTAwMH0=')).toBe(25_000);
    expect(offsetOf('opaque-databricks-token')).toBeUndefined();
    expect(offsetOf(Buffer.from('{"offset": 5, "x": 1}').toString('base64'))).toBeUndefined();
  });
});
