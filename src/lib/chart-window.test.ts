import { describe, expect, it } from 'vitest';
import {
  clampWindow,
  coversBounds,
  nextWindow,
  pan,
  stepBounds,
  windowHasStep,
  windowKeyAction,
  zoomIn,
  zoomOut,
} from './chart-window';

const w = (startStep: number, endStep: number) => ({ startStep, endStep });
const run = w(0, 19_999);

describe('keys', () => {
  it('maps the chart keys to actions and leaves the rest alone', () => {
    expect(
      ['+', '=', '-', '_', 'ArrowLeft', 'ArrowRight', '0', 'Escape'].map(windowKeyAction),
    ).toEqual(['in', 'in', 'out', 'out', 'left', 'right', 'reset', 'reset']);
    expect(windowKeyAction('a')).toBeNull();
    expect(windowKeyAction('ArrowUp')).toBeNull();
    expect(windowKeyAction('Tab')).toBeNull();
  });
});

describe('clampWindow', () => {
  it('shifts a window that sticks out back inside, keeping its width', () => {
    expect(clampWindow(w(-10, 90), run)).toEqual(w(0, 100));
    expect(clampWindow(w(19_950, 20_050), run)).toEqual(w(19_899, 19_999));
  });
  it('cuts a window wider than the bounds to the bounds', () => {
    expect(clampWindow(w(-5, 30_000), run)).toEqual(run);
  });
  it('rounds to whole steps and orders the ends', () => {
    expect(clampWindow(w(10.4, 20.6), run)).toEqual(w(10, 21));
    expect(clampWindow(w(20, 10), run)).toEqual(w(10, 20));
  });
  it('keeps a one-step run as one step', () => {
    expect(clampWindow(w(3, 9), w(5, 5))).toEqual(w(5, 5));
  });
});

describe('zoomIn', () => {
  it('takes the middle half', () => {
    expect(zoomIn(run)).toEqual(w(5_000, 14_999));
    expect(zoomIn(w(100, 200))).toEqual(w(125, 175));
    expect(zoomIn(w(-40, 0))).toEqual(w(-30, -10));
  });
  it('halves down to one step and stops there, never empty', () => {
    let cur = run;
    for (let i = 0; i < 40; i++) {
      const next = zoomIn(cur);
      expect(next.startStep).toBeLessThanOrEqual(next.endStep);
      expect(next.startStep).toBeGreaterThanOrEqual(cur.startStep);
      expect(next.endStep).toBeLessThanOrEqual(cur.endStep);
      cur = next;
    }
    expect(cur.endStep - cur.startStep).toBe(0);
    expect(zoomIn(w(7, 8))).toEqual(w(8, 8));
    expect(zoomIn(w(7, 7))).toEqual(w(7, 7));
  });
});

describe('zoomOut', () => {
  it('doubles the window around its middle', () => {
    expect(zoomOut(w(5_000, 14_999), run)).toEqual(w(0, 19_999));
    expect(zoomOut(w(125, 175), run)).toEqual(w(100, 200));
  });
  it('grows a one-step window', () => {
    expect(zoomOut(w(50, 50), run)).toEqual(w(49, 51));
  });
  it("is clamped to the run's steps", () => {
    expect(zoomOut(w(0, 100), run)).toEqual(w(0, 200));
    expect(zoomOut(w(19_900, 19_999), run)).toEqual(w(19_800, 19_999));
    expect(zoomOut(w(0, 15_000), run)).toEqual(run);
  });
});

describe('pan', () => {
  it('moves by a quarter of the window', () => {
    expect(pan(w(100, 200), 1, run)).toEqual(w(125, 225));
    expect(pan(w(100, 200), -1, run)).toEqual(w(75, 175));
  });
  it('moves at least one step', () => {
    expect(pan(w(10, 11), 1, run)).toEqual(w(11, 12));
    expect(pan(w(10, 10), -1, run)).toEqual(w(9, 9));
  });
  it('stops at the ends of the run, keeping the width', () => {
    expect(pan(w(10, 110), -1, run)).toEqual(w(0, 100));
    expect(pan(w(0, 100), -1, run)).toEqual(w(0, 100));
    expect(pan(w(19_950, 19_999), 1, run)).toEqual(w(19_950, 19_999));
  });
});

describe('nextWindow', () => {
  it('zooms from the whole run when there is no zoom', () => {
    expect(nextWindow('in', undefined, run)).toEqual(w(5_000, 14_999));
  });
  it('zooms in from a window without knowing the run, and stops at one step', () => {
    expect(nextWindow('in', w(100, 200), w(100, 200))).toEqual(w(125, 175));
    expect(nextWindow('in', w(7, 7), run)).toEqual(w(7, 7));
    expect(nextWindow('in', undefined, w(3, 3))).toBeUndefined();
  });
  it('reads the whole run as no zoom', () => {
    expect(nextWindow('out', w(5_000, 14_999), run)).toBeUndefined();
    expect(nextWindow('out', undefined, run)).toBeUndefined();
    expect(nextWindow('left', undefined, run)).toBeUndefined();
    expect(nextWindow('reset', w(1, 2), run)).toBeUndefined();
  });
  it('pans a zoomed window', () => {
    expect(nextWindow('right', w(5_000, 14_999), run)).toEqual(w(7_500, 17_499));
    expect(nextWindow('left', w(5_000, 14_999), run)).toEqual(w(2_500, 12_499));
  });
  it('starts from the part of a window from the URL that is inside the run', () => {
    expect(nextWindow('left', w(19_000, 25_000), run)).toEqual(w(18_750, 19_749));
    expect(nextWindow('in', w(-100, 100), run)).toEqual(w(25, 75));
    expect(nextWindow('right', w(30_000, 30_100), run)).toEqual(w(19_899, 19_999));
  });
  it('tells when a window covers the run', () => {
    expect(coversBounds(w(-1, 20_000), run)).toBe(true);
    expect(coversBounds(w(0, 19_998), run)).toBe(false);
  });
});

describe('steps in a window', () => {
  const every10 = Float64Array.from([0, 10, 20, 30]);
  it('finds a logged step inside', () => {
    expect(windowHasStep(every10, w(5, 10))).toBe(true);
    expect(windowHasStep(every10, w(30, 40))).toBe(true);
    expect(windowHasStep(every10, w(0, 0))).toBe(true);
  });
  it('sees a window between logged steps, or past them, as empty', () => {
    expect(windowHasStep(every10, w(11, 19))).toBe(false);
    expect(windowHasStep(every10, w(-5, -1))).toBe(false);
    expect(windowHasStep(every10, w(31, 40))).toBe(false);
    expect(windowHasStep([], w(0, 10))).toBe(false);
  });
  it('joins the step ranges of several runs', () => {
    expect(stepBounds([every10, [5, 45], []])).toEqual(w(0, 45));
    expect(stepBounds([[], []])).toBeNull();
  });
});
