import { describe, expect, it } from 'vitest';
import {
  closestToMedian,
  medianNeverAsSlowest,
  coldGoalsMet,
  coldOrder,
  coldRatios,
  linesAtFirst,
  linesTarget,
  seriesTimeline,
  timeToFullLines,
  timeToLines,
  worse,
  type TimedRequest,
} from './cold.ts';

describe('coldOrder', () => {
  it('alternates which UI goes first', () => {
    expect([0, 1, 2, 3].map((i) => coldOrder(i)[0])).toEqual([
      'parallax',
      'mlflow',
      'parallax',
      'mlflow',
    ]);
    expect(coldOrder(1)).toEqual(['mlflow', 'parallax']);
  });
});

describe('timeToLines', () => {
  const tl = [
    [100, 1],
    [250, 4],
    [300, 2], // a remount: fewer lines for a moment
    [900, 10],
    [950, 12],
  ] as const;

  it('is the first moment the target was reached, with the count then', () => {
    expect(timeToLines(tl, 10)).toEqual({ t: 900, lines: 10 });
    expect(timeToLines(tl, 3)).toEqual({ t: 250, lines: 4 });
  });

  it('is null when the page never drew that many', () => {
    expect(timeToLines(tl, 13)).toBeNull();
    expect(timeToLines([], 1)).toBeNull();
  });

  it('counts the lines at the first line', () => {
    expect(linesAtFirst([[50, 0] as const, [80, 3] as const])).toBe(3);
    expect(linesAtFirst([])).toBeNull();
  });
});

describe('timeToFullLines', () => {
  it('waits for the target lines and full fidelity together', () => {
    const tl = [
      [100, 1, 0],
      [150, 1, 1], // one run drawn, and that one at full fidelity: not every run yet
      [400, 10, 0],
      [700, 10, 1],
    ] as const;
    expect(timeToFullLines(tl, 10)).toBe(700);
    expect(timeToFullLines(tl, 1)).toBe(150);
  });

  it('is null when full fidelity never came with every line', () => {
    expect(timeToFullLines([[100, 10, 0] as const, [200, 3, 1] as const], 10)).toBeNull();
    expect(timeToFullLines([[100, 10] as const], 10)).toBeNull();
  });
});

describe('linesTarget', () => {
  it('is one line for a one-run workload', () => {
    expect(linesTarget(1, [5]).count).toBe(1);
  });

  it("is the most common settled count of MLflow's samples, the larger on a tie", () => {
    expect(linesTarget(20, [10, 10, 9, null]).count).toBe(10);
    expect(linesTarget(20, [9, 10]).count).toBe(10);
  });

  it("falls back to MLflow's default of 10 runs when MLflow drew nothing", () => {
    expect(linesTarget(20, [null, 0])).toMatchObject({ count: 10 });
    expect(linesTarget(4, []).count).toBe(4);
  });
});

describe('seriesTimeline', () => {
  const origin = 1_000_000;
  const req = (url: string, startTime: number, rs: number, re: number, failed = false) =>
    ({
      url,
      startTime,
      responseStart: rs,
      responseEnd: re,
      status: failed ? null : 200,
      failed,
    }) satisfies TimedRequest;

  it('keeps the series requests only, on the page clock, in the order they were sent', () => {
    const out = seriesTimeline(
      [
        req('http://h/static/app.js', origin + 5, 1, 2),
        req(
          'http://h/parallax/api/metric-series?run_id=abcdef123456&key=k&points=2500',
          origin + 400,
          100,
          150,
        ),
        req(
          'http://h/ajax-api/2.0/mlflow/metrics/get-history-bulk-interval?run_ids=r1&run_ids=r2&metric_key=k&max_results=320&start_step=10&end_step=20',
          origin + 300,
          50,
          60,
        ),
      ],
      origin,
    );
    expect(out).toEqual([
      {
        kind: 'bulk-interval',
        runs: 2,
        run: 'r1',
        points: 320,
        window: [10, 20],
        start_ms: 300,
        response_ms: 350,
        end_ms: 360,
        status: 200,
        server_timing: null,
      },
      {
        kind: 'metric-series',
        runs: 1,
        run: 'abcdef12',
        points: 2500,
        window: null,
        start_ms: 400,
        response_ms: 500,
        end_ms: 550,
        status: 200,
        server_timing: null,
      },
    ]);
  });

  it('leaves the end of a failed or unanswered request empty', () => {
    const [e] = seriesTimeline(
      [
        req(
          'http://h/api/2.0/mlflow/metrics/get-history?run_id=r&metric_key=k',
          origin + 10,
          -1,
          -1,
          true,
        ),
      ],
      origin,
    );
    expect(e).toMatchObject({ kind: 'get-history', start_ms: 10, response_ms: null, end_ms: null });
  });

  it('keeps a missing window bound as null and the Server-Timing header as it came', () => {
    const [e] = seriesTimeline(
      [
        {
          ...req('http://h/parallax/api/metric-series?run_id=r&key=k&start_step=5', origin, 1, 2),
          serverTiming: 'history;desc="cached"',
        },
      ],
      origin,
    );
    expect(e).toMatchObject({ window: [5, null], server_timing: 'history;desc="cached"' });
    expect(JSON.parse(JSON.stringify(e)).window).toEqual([5, null]);
  });
});

describe('cold ratios and goals', () => {
  const w = (p: number, m: number, full: number, floor: number) =>
    coldRatios({
      parallax: { T_chart_all: p, T_chart_first: p / 2, T_full_fidelity: full, T_zoom: 100 },
      mlflow: { T_chart_all: m, T_chart_first: m, T_zoom: 200 },
      floor_ms: floor,
    });

  it('judges chart_first on every drawn run and full fidelity against the floor', () => {
    expect(w(700, 1000, 4000, 5000)).toEqual({
      chart_first: 0.7,
      chart_first_line: 0.35,
      zoom: 0.5,
      full_fidelity_vs_floor: 0.8,
    });
  });

  it('meets a goal only when both workloads meet it', () => {
    const ok = w(600, 1000, 4000, 5000);
    const slow = w(800, 1000, 6000, 5000);
    expect(coldGoalsMet(ok, ok, [0, 0])).toEqual({
      chart_first: true,
      zoom: true,
      full_fidelity_vs_floor: true,
      longtasks_over_50ms: true,
    });
    expect(coldGoalsMet(ok, slow, [0, 1])).toEqual({
      chart_first: false,
      zoom: true,
      full_fidelity_vs_floor: false,
      longtasks_over_50ms: false,
    });
  });

  it('is not judged when a workload was not measured', () => {
    const ok = w(600, 1000, 4000, 5000);
    const none = coldRatios({
      parallax: { T_chart_all: null, T_chart_first: null, T_full_fidelity: null, T_zoom: null },
      mlflow: { T_chart_all: 1, T_chart_first: 1, T_zoom: 1 },
      floor_ms: null,
    });
    expect(coldGoalsMet(ok, none, [0, null]).chart_first).toBeNull();
    expect(coldGoalsMet(ok, none, [0, null]).longtasks_over_50ms).toBeNull();
  });

  it('meets the long-task goal only with no task over 50 ms anywhere', () => {
    const ok = w(600, 1000, 4000, 5000);
    expect(coldGoalsMet(ok, ok, [0, 0, 0, 0]).longtasks_over_50ms).toBe(true);
    expect(coldGoalsMet(ok, ok, [0, 0, 2, 0]).longtasks_over_50ms).toBe(false);
  });

  it('takes the worse of two ratios, and none when either is unknown', () => {
    expect(worse(0.5, 0.9)).toBe(0.9);
    expect(worse(1.2, 0.4)).toBe(1.2);
    expect(worse(null, 0.4)).toBeNull();
    expect(worse(0.4, null)).toBeNull();
  });
});

describe('closestToMedian', () => {
  it('picks the sample nearest the median, skipping unknown ones', () => {
    expect(closestToMedian([900, null, 100, 480, 520])).toBe(3);
    expect(closestToMedian([5])).toBe(0);
  });

  it('is null with nothing known', () => {
    expect(closestToMedian([null, null])).toBeNull();
    expect(closestToMedian([])).toBeNull();
  });
});

describe('medianNeverAsSlowest', () => {
  it('counts a missing time as slower than every measured one', () => {
    // Dropping the nulls would give 200; as the slowest they move the median up to 300.
    expect(medianNeverAsSlowest([100, 200, 300, null, null])).toEqual({ median: 300, missing: 2 });
    expect(medianNeverAsSlowest([100, 200, 300])).toEqual({ median: 200, missing: 0 });
  });

  it('is null when the median itself is missing', () => {
    expect(medianNeverAsSlowest([100, null, null])).toEqual({ median: null, missing: 2 });
    expect(medianNeverAsSlowest([])).toEqual({ median: null, missing: 0 });
  });
});
