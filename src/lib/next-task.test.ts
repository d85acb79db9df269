import { describe, expect, it } from 'vitest';
import { afterTask, nextTask } from './next-task';

describe('nextTask', () => {
  it('resolves after microtasks and timers queued before it', async () => {
    const order: string[] = [];
    setTimeout(() => order.push('timer'), 0);
    const done = nextTask().then(() => order.push('next task'));
    void Promise.resolve().then(() => order.push('microtask'));
    await done;
    expect(order).toEqual(['microtask', 'timer', 'next task']);
  });
});

describe('afterTask', () => {
  it('starts the load only in a later task, and passes its result on', async () => {
    let started = false;
    const load = afterTask(() => {
      started = true;
      return Promise.resolve(42);
    });
    const result = load();
    await Promise.resolve();
    expect(started).toBe(false);
    await expect(result).resolves.toBe(42);
    expect(started).toBe(true);
  });
});
