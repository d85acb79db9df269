import { describe, expect, it } from 'vitest';
import { nextTask } from './next-task';

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
