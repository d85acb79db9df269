import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mapBounded } from './bounded';

/** A task whose calls resolve (or reject) only when the test says so, recording what is in flight. */
function controlled() {
  const pending: { item: number; resolve: () => void; reject: (e: unknown) => void }[] = [];
  let inFlight = 0;
  let peak = 0;
  const task = (item: number) =>
    new Promise<number>((resolve, reject) => {
      inFlight++;
      peak = Math.max(peak, inFlight);
      pending.push({
        item,
        resolve: () => {
          inFlight--;
          resolve(item * 10);
        },
        reject: (e) => {
          inFlight--;
          reject(e);
        },
      });
    });
  return { task, pending, peak: () => peak, inFlight: () => inFlight };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('mapBounded', () => {
  it('never has more than the limit in flight, and starts the next as one settles', async () => {
    const c = controlled();
    const items = Array.from({ length: 20 }, (_, i) => i);
    const done = mapBounded(items, 8, c.task);
    await tick();
    expect(c.inFlight()).toBe(8);
    expect(c.pending.map((p) => p.item)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    c.pending[3]?.resolve();
    await tick();
    expect(c.inFlight()).toBe(8);
    expect(c.pending[8]?.item).toBe(8);
    while (c.pending.some((p) => p)) {
      const p = c.pending.shift();
      p?.resolve();
      await tick();
    }
    const results = await done;
    expect(c.peak()).toBe(8);
    expect(results.map((r) => r.ok && r.value)).toEqual(items.map((i) => i * 10));
  });

  it('settles every item, failures included, in item order, and reports progress', async () => {
    const progress: string[] = [];
    const results = await mapBounded(
      ['a', 'b', 'c', 'd'],
      2,
      async (s) => {
        if (s === 'b' || s === 'd') throw new Error(`no ${s}`);
        return s.toUpperCase();
      },
      { onProgress: (n, total) => progress.push(`${n}/${total}`) },
    );
    expect(results).toEqual([
      { item: 'a', ok: true, value: 'A' },
      { item: 'b', ok: false, error: new Error('no b'), started: true },
      { item: 'c', ok: true, value: 'C' },
      { item: 'd', ok: false, error: new Error('no d'), started: true },
    ]);
    expect(progress).toEqual(['1/4', '2/4', '3/4', '4/4']);
  });

  it('stops starting items once aborted; those not started settle as such', async () => {
    const c = controlled();
    const stop = new AbortController();
    const done = mapBounded([0, 1, 2, 3, 4, 5], 2, c.task, { signal: stop.signal });
    await tick();
    stop.abort(new Error('stopped'));
    c.pending[0]?.resolve();
    c.pending[1]?.reject(new Error('boom'));
    const results = await done;
    expect(c.pending).toHaveLength(2);
    expect(results.map((r) => (r.ok ? 'ok' : r.started ? 'failed' : 'skipped'))).toEqual([
      'ok',
      'failed',
      'skipped',
      'skipped',
      'skipped',
      'skipped',
    ]);
  });

  it('handles no items and odd limits', async () => {
    expect(await mapBounded([], 8, async () => 1)).toEqual([]);
    expect((await mapBounded([1, 2], 0, async (x) => x)).map((r) => r.ok)).toEqual([true, true]);
  });

  it('holds the limit for any timing (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 0, max: 3 }), { maxLength: 60 }),
        fc.integer({ min: 1, max: 10 }),
        async (delays, limit) => {
          let inFlight = 0;
          let peak = 0;
          const results = await mapBounded(delays, limit, async (d) => {
            inFlight++;
            peak = Math.max(peak, inFlight);
            for (let i = 0; i < d; i++) await tick();
            inFlight--;
            if (d === 3) throw new Error('three');
            return d;
          });
          expect(peak).toBeLessThanOrEqual(limit);
          expect(results).toHaveLength(delays.length);
          results.forEach((r, i) => {
            expect(r.item).toBe(delays[i]);
            expect(r.ok).toBe(delays[i] !== 3);
          });
        },
      ),
      { numRuns: 100 },
    );
  });
});
