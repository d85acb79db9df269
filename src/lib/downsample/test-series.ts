// Test helpers (not shipped): seeded random series.

/** mulberry32: small, fast, and the same numbers on every machine. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Standard normal via Box–Muller. */
export function gaussian(random: () => number): () => number {
  return () => Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());
}

/** A noisy decaying loss over steps 0..n-1 (or strictly increasing uneven steps when `uneven`). */
export function randomSeries(
  n: number,
  seed: number,
  uneven = false,
): { x: Float64Array; y: Float64Array } {
  const random = prng(seed);
  const normal = gaussian(random);
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  let step = 0;
  for (let i = 0; i < n; i++) {
    x[i] = step;
    step += uneven ? 1 + Math.floor(random() * (random() < 0.05 ? 500 : 3)) : 1;
    y[i] = 2 * Math.exp(-i / (n / 3 + 1)) + 0.1 * normal();
  }
  return { x, y };
}
