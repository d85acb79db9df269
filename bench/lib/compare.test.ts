import { describe, expect, it } from 'vitest';
import {
  PARALLAX_COMPARE_MAX_RUNS,
  brushPath,
  compareGoalsMet,
  compareUrls,
  deltasBetween,
  frameFigures,
  mlflowParcoordsView,
  parcoordsUrls,
  sumKnown,
} from './compare.ts';

const srv = { parallaxUrl: 'http://p', mlflowUrl: 'http://m' };

describe('compareUrls', () => {
  it("spells Parallax's list with commas and MLflow's as its own route does, in JSON", () => {
    const u = compareUrls(srv, '7', ['a1', 'b2']);
    expect(u.parallax).toBe('http://p/compare?runs=a1,b2&experiments=7');
    expect(u.mlflow).toBe('http://m/#/compare-runs?runs=["a1","b2"]&experiments=["7"]');
  });
});

describe('parcoordsUrls', () => {
  const ids = Array.from({ length: 1000 }, (_, i) => `r${i}`);
  it('gives Parallax at most the runs its compare page loads', () => {
    const u = parcoordsUrls(srv, '3', ids);
    const runs = new URL(u.parallax).searchParams.get('runs')?.split(',') ?? [];
    expect(runs).toHaveLength(PARALLAX_COMPARE_MAX_RUNS);
    expect(runs[0]).toBe('r0');
    expect(u.mlflow).toBe('http://m/#/experiments/3/runs?compareRunsMode=CHART');
  });
  it('fills a template', () => {
    expect(parcoordsUrls(srv, '3', ['x', 'y'], '/experiments/{exp}?view=charts').parallax).toBe(
      'http://p/experiments/3?view=charts',
    );
  });
});

describe('mlflowParcoordsView', () => {
  it("is MLflow's local-storage scope for the experiment page, holding one parallel card", () => {
    const v = mlflowParcoordsView('12', ['lr', 'dropout'], ['val_loss']);
    expect(v.key).toBe('MLflowLocalStorage-1.1-ExperimentPage-["12"]-ReactComponentState');
    const state = JSON.parse(v.value) as {
      compareRunCharts: Record<string, unknown>[];
      compareRunSections: { uuid: string; name: string }[];
    };
    expect(state.compareRunCharts).toHaveLength(1);
    const card = state.compareRunCharts[0];
    expect(card).toMatchObject({
      type: 'PARALLEL',
      selectedParams: ['lr', 'dropout'],
      selectedMetrics: ['val_loss'],
      showAllRuns: true,
      deleted: false,
    });
    // The card sits in a section that exists.
    expect(state.compareRunSections.map((s) => s.uuid)).toContain(card?.metricSectionId);
  });
});

describe('brushPath', () => {
  it('goes straight down the middle of the strip from 15 % to 65 % in the given steps', () => {
    const p = brushPath({ x: 100, y: 50, w: 24, h: 200 }, 4);
    expect(p).toHaveLength(5);
    expect(p.every((q) => q.x === 112)).toBe(true);
    expect(p.map((q) => q.y)).toEqual([80, 105, 130, 155, 180]);
  });
});

describe('frameFigures', () => {
  const v = 1000 / 60;
  const idle = Array<number>(120).fill(v);
  it('snaps to the still page’s interval, so jitter reads as one frame', () => {
    const f = frameFigures([16.5, 16.9, 16.8, 16.6], idle);
    expect(f.p95_vsync_ms).toBeCloseTo(16.7, 1);
    expect(f.p95_ms).toBe(16.9);
    expect(f.dropped).toBe(0);
    expect(f.interval_ms).toBeCloseTo(16.67, 2);
  });
  it('counts a frame over two intervals as dropped and keeps a slow p95 slow', () => {
    const f = frameFigures([...Array<number>(18).fill(v), 50, 50], idle);
    expect(f.dropped).toBe(2);
    expect(f.p95_vsync_ms).toBe(50);
  });
  it('is empty for no frames', () => {
    const f = frameFigures([], []);
    expect(f).toMatchObject({ frames: 0, p95_ms: null, p95_vsync_ms: null, interval_ms: null });
  });
});

describe('deltasBetween', () => {
  it('differences the timestamps inside the window only', () => {
    expect(deltasBetween([0, 10, 27, 44, 61, 90], 10, 61)).toEqual([17, 17, 17]);
    expect(deltasBetween([5], 0, 10)).toEqual([]);
  });
});

describe('goals', () => {
  it('sums counts only when all are known', () => {
    expect(sumKnown([0, 1, 2])).toBe(3);
    expect(sumKnown([0, null])).toBeNull();
  });
  it('judges each goal, null when its figure is unknown', () => {
    expect(
      compareGoalsMet({
        compare_table: 0.25,
        parcoords: 0.6,
        brush_p95_vsync_ms: 16.7,
        longtasks_over_50ms: null,
      }),
    ).toEqual({
      compare_table: true,
      parcoords: false,
      brush_p95_ms: true,
      longtasks_over_50ms: null,
    });
  });
});
