import { describe, expect, test } from 'vitest';
import { versionMetricKeys, versionMetricPoints } from './version-metric';

const run = (metrics: Record<string, number>) => ({
  metrics: new Map(Object.entries(metrics).map(([k, value]) => [k, { value }])),
});
const runs = new Map([
  ['a', run({ auc: 0.81, loss: 0.4 })],
  ['b', run({ auc: 0.86 })],
  ['c', run({ auc: Number.NaN, f1: 0.7 })],
]);
const versions = [
  { version: '10', run_id: 'b', aliases: ['champion'] },
  { version: '2', run_id: 'a' },
  { version: '3', run_id: 'c' },
  { version: '4' },
  { version: '5', run_id: 'gone' },
];

describe('versionMetricPoints', () => {
  test('one point per version with the value, by version number, aliases in the name', () => {
    const { points, missing } = versionMetricPoints(versions, runs, 'auc');
    expect(points).toEqual([
      { runId: '2', name: 'v2', x: 2, y: 0.81 },
      { runId: '10', name: 'v10 @champion', x: 10, y: 0.86 },
    ]);
    // v3 logged NaN, v4 has no source run, v5's run is unknown.
    expect(missing).toBe(3);
  });

  test('a metric only one run logged', () => {
    expect(versionMetricPoints(versions, runs, 'loss').points.map((p) => p.runId)).toEqual(['2']);
  });
});

describe('versionMetricKeys', () => {
  test('the union of the source runs’ metrics, sorted', () => {
    expect(versionMetricKeys(versions, runs)).toEqual(['auc', 'f1', 'loss']);
  });
});
