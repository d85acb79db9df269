/**
 * At most `size` tasks at once; the others wait in arrival order. The metric-series store reads
 * histories through one of these: MLflow's workers share a GIL-bound pool, so 80 page reads sent at
 * once all finish late together (each past the upstream timeout, every one wasted), while the same
 * reads a few at a time each finish in a second or two. Waiting here costs no upstream timeout.
 */
export class Slots {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(readonly size: number) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.active < this.size) this.active++;
    else await new Promise<void>((resolve) => this.waiting.push(resolve));
    try {
      return await task();
    } finally {
      // The slot passes straight to the next in line, so a newcomer cannot overtake it.
      const next = this.waiting.shift();
      if (next) next();
      else this.active--;
    }
  }

  /** Tasks running now (for tests). */
  get running(): number {
    return this.active;
  }

  /** Tasks waiting for a slot (for tests). */
  get queued(): number {
    return this.waiting.length;
  }
}
