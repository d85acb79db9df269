/**
 * At most `size` tasks at once; the others wait, lowest `rank` first and in arrival order within a
 * rank. The metric-series store reads histories through one of these: MLflow's workers share a
 * GIL-bound pool, so 80 page reads sent at once all finish late together (each past the upstream
 * timeout, every one wasted), while the same reads a few at a time each finish in a second or two.
 * Waiting here costs no upstream timeout.
 *
 * The rank is how the store finishes what it began: each history's pages carry the order in which
 * that history was started, so 20 histories of 4 pages asked at once complete one after another
 * (the first after ~4 pages), instead of all together after 80 pages of strict arrival order.
 */
export class Slots {
  private active = 0;
  private readonly waiting: { rank: number; start: () => void }[] = [];

  constructor(readonly size: number) {}

  async run<T>(task: () => Promise<T>, rank = 0): Promise<T> {
    if (this.active < this.size) this.active++;
    else
      await new Promise<void>((start) => {
        // After every waiter of a lower or equal rank: arrival order within a rank.
        const at = this.waiting.findIndex((w) => w.rank > rank);
        this.waiting.splice(at < 0 ? this.waiting.length : at, 0, { rank, start });
      });
    try {
      return await task();
    } finally {
      // The slot passes straight to the next in line, so a newcomer cannot overtake it.
      const next = this.waiting.shift();
      if (next) next.start();
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
