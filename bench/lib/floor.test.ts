import { describe, expect, it } from 'vitest';
import { HISTORY_PAGE, historyPages, measureFloor, type FetchFn } from './floor.ts';

/** A fake MLflow: `pages[run]` points per page; answers take `ms` on a fake clock. */
function fakeMlflow(pages: Record<string, number[]>, ms = 10) {
  let clock = 0;
  let inFlight = 0;
  let maxInFlight = 0;
  const urls: string[] = [];
  const fetchFn: FetchFn = async (url) => {
    urls.push(url);
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    await Promise.resolve();
    const q = new URL(url).searchParams;
    const run = q.get('run_id') ?? '';
    const i = Number(q.get('page_token') ?? 0);
    const sizes = pages[run];
    clock += ms;
    if (!sizes) {
      inFlight--;
      return {
        ok: false,
        status: 404,
        text: async () => '{"error_code":"RESOURCE_DOES_NOT_EXIST"}',
      };
    }
    const body = JSON.stringify({
      metrics: Array.from({ length: sizes[i] ?? 0 }, (_, k) => ({ step: k, value: 1 })),
      ...(i + 1 < sizes.length ? { next_page_token: String(i + 1) } : {}),
    });
    return {
      ok: true,
      status: 200,
      text: async () => {
        inFlight--;
        return body;
      },
    };
  };
  return { fetchFn, urls, now: () => clock, maxInFlight: () => maxInFlight };
}

describe('historyPages', () => {
  it('follows next_page_token to the last page, asking for full pages', async () => {
    const m = fakeMlflow({ r1: [3, 3, 1] });
    const h = await historyPages(m.fetchFn, 'http://x', 'r1', 'train/loss', m.now);
    expect(h).toMatchObject({ pages: 3, points: 7, ms: 30, first_page_ms: 10 });
    expect(m.urls).toHaveLength(3);
    const qs = m.urls.map((u) => new URL(u).searchParams);
    expect(qs.map((q) => q.get('page_token'))).toEqual([null, '1', '2']);
    expect(qs.every((q) => q.get('max_results') === String(HISTORY_PAGE))).toBe(true);
    expect(qs.every((q) => q.get('metric_key') === 'train/loss')).toBe(true);
    expect(new URL(m.urls[0] ?? '').pathname).toBe('/api/2.0/mlflow/metrics/get-history');
  });

  it('throws on an error answer', async () => {
    const m = fakeMlflow({});
    await expect(historyPages(m.fetchFn, 'http://x', 'nope', 'k', m.now)).rejects.toThrow(
      /HTTP 404/,
    );
  });
});

describe('measureFloor', () => {
  it('reads the runs one after another, one request in flight, and sums their pages', async () => {
    const m = fakeMlflow({ a: [2, 1], b: [2] });
    const s = await measureFloor(m.fetchFn, 'http://x', ['a', 'b'], 'k', m.now);
    expect(s).toMatchObject({ ms: 30, runs: 2, pages: 3, points: 5, per_run_ms: [20, 10] });
    expect(s.error).toBeNull();
    expect(m.maxInFlight()).toBe(1);
    expect(m.urls.map((u) => new URL(u).searchParams.get('run_id'))).toEqual(['a', 'a', 'b']);
  });

  it('reports a failed run as an error and no time', async () => {
    const m = fakeMlflow({ a: [1] });
    const s = await measureFloor(m.fetchFn, 'http://x', ['a', 'missing'], 'k', m.now);
    expect(s.ms).toBeNull();
    expect(s.error).toMatch(/missing: HTTP 404/);
  });
});
