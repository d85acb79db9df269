"""W3: experiment `bench-overlay`, 20 runs × 100,000 steps of `train/loss`,
5 recorded +10σ spikes per run (steps and values in meta.json)."""

import math
import random
import time
from concurrent.futures import ThreadPoolExecutor

from seed_lib import Ticker, args, connect, create_experiment, log_series, say, write_meta

a = args()
RUNS = 20
N = max(500, int(100_000 * a.scale))
SIGMA = 0.02
rng = random.Random(3)
t0 = int(time.time() * 1000) - N * 10
client = connect(a.dir)
exp = create_experiment(client, a.dir, "bench-overlay")
tick = Ticker("W3 train/loss points", RUNS * N)
runs = []
for r in range(RUNS):
    name = f"overlay-{r:02d}"
    run = client.create_run(exp, start_time=t0 + r, run_name=name, tags={"bench": "w3"})
    lr = 0.5 + r * 0.05
    values = [lr * math.exp(-s / (N / 3)) + 0.2 + rng.gauss(0, SIGMA) for s in range(N)]
    spikes = []
    for s in sorted(rng.sample(range(N // 100, N - N // 100), 5)):
        values[s] += 10 * SIGMA
        spikes.append({"step": s, "value": values[s]})
    runs.append({"run_id": run.info.run_id, "name": name, "spikes": spikes, "values": values})


def seed(r):
    log_series(client, r["run_id"], "train/loss", range(N), r["values"], t0, workers=1, on_chunk=tick.add)
    client.set_terminated(r["run_id"], "FINISHED", end_time=t0 + N * 10)


with ThreadPoolExecutor(3) as pool:
    list(pool.map(seed, runs))
for r in runs:
    del r["values"]
write_meta(a.dir, {"experiment_id": exp, "key": "train/loss", "steps": N, "runs": runs})
say(f"W3 done: {RUNS} runs")
