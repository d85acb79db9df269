"""W2: experiment `bench-long`, 1 run × 1,000,000 steps of `train/loss` (trend + noise)
with 50 recorded +10σ spikes and 10 dips. The spike steps and values go to meta.json."""

import math
import random
import time

from seed_lib import Ticker, args, connect, create_experiment, log_series, say, write_meta

a = args()
N = max(1000, int(1_000_000 * a.scale))
SIGMA = 0.02
rng = random.Random(20261125)
t0 = int(time.time() * 1000) - N * 10
client = connect(a.dir)
exp = create_experiment(client, a.dir, "bench-long")
run = client.create_run(exp, start_time=t0, run_name="long-1m", tags={"bench": "w2"})
rid = run.info.run_id

values = [1.5 * math.exp(-s / (N / 4)) + 0.3 + rng.gauss(0, SIGMA) for s in range(N)]
# Spikes away from the ends and from each other, so each one is a distinct event.
cand = rng.sample(range(N // 100, N - N // 100), 60)
spike_steps = sorted(cand[:50])
dip_steps = sorted(cand[50:])
spikes = []
for s in spike_steps:
    values[s] = values[s] + 10 * SIGMA  # well above 10σ of the noise: +0.2 over the local trend
    spikes.append({"step": s, "value": values[s]})
dips = []
for s in dip_steps:
    values[s] = values[s] - 10 * SIGMA
    dips.append({"step": s, "value": values[s]})

tick = Ticker("W2 train/loss points", N)
log_series(client, rid, "train/loss", range(N), values, t0, on_chunk=tick.add)
client.set_terminated(rid, "FINISHED", end_time=t0 + N * 10)
write_meta(a.dir, {"experiment_id": exp, "key": "train/loss", "steps": N,
                   "runs": [{"run_id": rid, "name": "long-1m", "spikes": spikes, "dips": dips}]})
say(f"W2 done: run {rid}")
