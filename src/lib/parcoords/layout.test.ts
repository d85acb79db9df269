import { describe, expect, it } from 'vitest';
import { axisColumn, buildAxes } from './axes';
import {
  axisIndexAt,
  axisX,
  brushFromDrag,
  nearestRun,
  plotLayout,
  positionAtY,
  projectRuns,
  yOf,
} from './layout';
import { random, runsOf } from './test-runs';

// 620 × 300: axes from x 84 to 564, values from y 12 (top) to 262 (bottom), missing at 288.
const layout = plotLayout(620, 300);

describe('plotLayout', () => {
  it('leaves room for labels and the missing slot', () => {
    expect(layout).toEqual({
      width: 620,
      height: 300,
      left: 84,
      right: 564,
      top: 12,
      bottom: 262,
      missingY: 288,
    });
  });

  it('spreads axes evenly and finds the slot nearest an x', () => {
    expect([0, 1, 2, 3].map((i) => axisX(layout, i, 4))).toEqual([84, 244, 404, 564]);
    expect(axisX(layout, 0, 1)).toBe(324);
    expect(axisIndexAt(layout, 4, 300)).toBe(1);
    expect(axisIndexAt(layout, 4, 1000)).toBe(3);
    expect(axisIndexAt(layout, 4, -5)).toBe(0);
    expect(axisIndexAt(layout, 1, 300)).toBe(0);
  });

  it('maps positions to y and back, the missing slot below', () => {
    expect(yOf(layout, 1)).toBe(12);
    expect(yOf(layout, 0)).toBe(262);
    expect(yOf(layout, 0.5)).toBe(137);
    expect(yOf(layout, NaN)).toBe(288);
    expect(positionAtY(layout, 137)).toBe(0.5);
  });
});

const runs = runsOf([{ 'm:a': 0, 'm:b': 10 }, { 'm:a': 10, 'm:b': 0 }, { 'm:a': 5 }]);
const axes = buildAxes(
  [
    { key: 'm:a', scale: 'linear' },
    { key: 'm:b', scale: 'linear' },
  ],
  runs,
);
const columns = axes.map((a) => axisColumn(a, runs));

describe('projectRuns', () => {
  it('writes each run’s y per axis, run-major, and reuses its array', () => {
    const ys = projectRuns(axes, columns, runs.length, layout);
    expect([...ys]).toEqual([262, 12, 12, 262, 137, 288]);
    const again = projectRuns(axes, columns, runs.length, plotLayout(620, 200), ys);
    expect(again).toBe(ys);
    expect(again[0]).toBe(162);
  });
});

describe('nearestRun', () => {
  const ys = projectRuns(axes, columns, runs.length, layout);
  const xs = [axisX(layout, 0, 2), axisX(layout, 1, 2)];

  it('finds the line under the pointer between two axes', () => {
    // Halfway across, run 0 and run 1 cross at 137 and run 2 is at (137 + 288) / 2.
    expect(nearestRun(ys, xs, 324, 212, 5)).toBe(2);
    expect(nearestRun(ys, xs, 84, 260, 5)).toBe(0);
    expect(nearestRun(ys, xs, 564, 260, 5)).toBe(1);
    expect(nearestRun(ys, xs, 324, 60, 5)).toBe(-1);
    expect(nearestRun(ys, [], 0, 0, 5)).toBe(-1);
  });

  it('agrees with a brute force over every run (random lines)', () => {
    const next = random(7);
    const n = 5;
    const count = 300;
    const line = Float32Array.from({ length: count * n }, () => Math.round(next() * 300));
    const at = [0, 100, 200, 300, 400];
    for (let trial = 0; trial < 200; trial++) {
      const x = next() * 420 - 10;
      const y = next() * 300;
      let best = -1;
      let bestD = 4;
      for (let r = 0; r < count; r++) {
        const a = Math.max(0, Math.min(3, Math.floor(x / 100)));
        const t = Math.max(0, Math.min(1, (x - a * 100) / 100));
        const ly = (line[r * n + a] as number) * (1 - t) + (line[r * n + a + 1] as number) * t;
        if (Math.abs(ly - y) <= bestD) {
          best = r;
          bestD = Math.abs(ly - y);
        }
      }
      const found = nearestRun(line, at, x, y, 4);
      if (best === -1) expect(found).toBe(-1);
      else {
        const a = Math.max(0, Math.min(3, Math.floor(x / 100)));
        const t = Math.max(0, Math.min(1, (x - a * 100) / 100));
        const dist = (r: number) =>
          Math.abs((line[r * n + a] as number) * (1 - t) + (line[r * n + a + 1] as number) * t - y);
        expect(dist(found)).toBeCloseTo(dist(best), 6);
      }
    }
  });
});

describe('brushFromDrag', () => {
  const [a] = axes;

  it('turns a drag into a range, taking the missing slot in when it reaches it', () => {
    if (!a) throw new Error('no axis');
    // y 137 is 5; y 12 is 10.
    expect(brushFromDrag(a, layout, 137, 12)).toEqual({
      kind: 'range',
      lo: 5,
      hi: 10,
      missing: false,
    });
    expect(brushFromDrag(a, layout, 200, 285)).toMatchObject({ lo: 0, missing: true });
    expect(brushFromDrag(a, layout, 270, 290)).toEqual({ kind: 'missing' });
    expect(brushFromDrag(a, layout, 264, 270)).toBeUndefined();
  });
});
