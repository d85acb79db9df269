// Throughput of src/lib/downsample (issue 5's "≥ 100 M points/s"):
// `npx tsx bench/downsample-throughput.ts` prints the JSON that `npm run bench` records.
import { loadavg } from 'node:os';
import { pathToFileURL } from 'node:url';
import { m4, minMaxLttb } from '../src/lib/downsample/index.ts';

export interface DownsampleThroughput {
  mpts_per_s_minmaxlttb: number;
  mpts_per_s_m4: number;
  n: number;
  target: number;
  runs: number;
  /** The same medians from process CPU time: closer to an idle core's figure on a busy machine. */
  cpu_mpts_per_s_minmaxlttb: number;
  cpu_mpts_per_s_m4: number;
  /** 1-minute load average when measured: wall-clock figures drop when it exceeds the cores. */
  load_avg_1m: number;
}

/** A W2-like series: noisy decaying loss with +10σ spikes and a few NaNs, steps 0..n-1. */
function series(n: number): { x: Float64Array; y: Float64Array } {
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  let seed = 12345;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  for (let i = 0; i < n; i++) {
    x[i] = i;
    y[i] = 2 * Math.exp(-i / (n / 3)) + 0.1 * (random() + random() + random() - 1.5);
  }
  for (let k = 0; k < 50; k++) y[Math.floor(random() * n)] = 5;
  for (let k = 0; k < 3; k++) y[Math.floor(random() * n)] = NaN;
  return { x, y };
}

/** Median wall-clock and CPU milliseconds of `runs` calls. */
function medianMs(runs: number, fn: () => void): { wall: number; cpu: number } {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let r = 0; r < runs; r++) {
    const cpuStart = process.cpuUsage();
    const start = performance.now();
    fn();
    wall.push(performance.now() - start);
    const used = process.cpuUsage(cpuStart);
    cpu.push((used.user + used.system) / 1000);
  }
  const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
  return { wall: median(wall), cpu: median(cpu) };
}

export function measureDownsampleThroughput(
  n = 1_000_000,
  target = 2_000,
  runs = 15,
): DownsampleThroughput {
  const { x, y } = series(n);
  let sink = 0;
  // Warm-up: let the JIT optimise both functions before anything is timed.
  for (let i = 0; i < 5; i++) {
    sink += minMaxLttb(x, y, target).x.length + m4(x, y, target / 4).x.length;
  }
  const lttbMs = medianMs(runs, () => {
    sink += minMaxLttb(x, y, target).x.length;
  });
  const m4Ms = medianMs(runs, () => {
    sink += m4(x, y, target / 4).x.length;
  });
  if (sink === 0) throw new Error('nothing was reduced');
  const mpts = (ms: number) => Math.round(n / (Math.max(ms, 0.001) * 1000));
  return {
    mpts_per_s_minmaxlttb: mpts(lttbMs.wall),
    mpts_per_s_m4: mpts(m4Ms.wall),
    n,
    target,
    runs,
    cpu_mpts_per_s_minmaxlttb: mpts(lttbMs.cpu),
    cpu_mpts_per_s_m4: mpts(m4Ms.cpu),
    load_avg_1m: Math.round((loadavg()[0] ?? 0) * 10) / 10,
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(JSON.stringify(measureDownsampleThroughput()));
}
