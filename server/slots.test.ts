import { describe, expect, it } from 'vitest';
import { Slots } from './slots.ts';

/** A task that ends when the test says so. */
function gate<T>(value: T) {
  let open: () => void = () => {};
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { task: () => opened.then(() => value), open };
}

const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('Slots', () => {
  it('runs at most `size` tasks at once, the rest in arrival order', async () => {
    const slots = new Slots(2);
    const gates = ['a', 'b', 'c', 'd'].map(gate);
    const started: string[] = [];
    const results = gates.map((g, i) =>
      slots.run(() => {
        started.push('abcd'[i] ?? '?');
        return g.task();
      }),
    );
    await tick();
    expect(started).toEqual(['a', 'b']);
    expect([slots.running, slots.queued]).toEqual([2, 2]);
    gates[1]?.open();
    await tick();
    expect(started).toEqual(['a', 'b', 'c']);
    // A newcomer waits behind the ones already queued.
    const late = slots.run(async () => {
      started.push('e');
      return 'e';
    });
    gates[0]?.open();
    await tick();
    expect(started).toEqual(['a', 'b', 'c', 'd']);
    gates[2]?.open();
    gates[3]?.open();
    expect(await Promise.all([...results, late])).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(started).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect([slots.running, slots.queued]).toEqual([0, 0]);
  });

  it('frees the slot of a task that fails', async () => {
    const slots = new Slots(1);
    await expect(slots.run(() => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await slots.run(async () => 'next')).toBe('next');
    expect(slots.running).toBe(0);
  });
});

describe('Slots ranks', () => {
  it('lets a waiter of a lower rank go first, arrival order within a rank', async () => {
    const slots = new Slots(1);
    const first = gate('first');
    const started: string[] = [];
    const run = (name: string, rank: number) =>
      slots.run(async () => {
        started.push(name);
        return name;
      }, rank);
    const running = slots.run(first.task, 5);
    const waiting = [run('b3', 3), run('c7', 7), run('d3', 3), run('e1', 1), run('f7', 7)];
    await tick();
    expect(slots.queued).toBe(5);
    first.open();
    await Promise.all([running, ...waiting]);
    expect(started).toEqual(['e1', 'b3', 'd3', 'c7', 'f7']);
  });
});
