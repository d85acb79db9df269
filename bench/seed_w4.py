"""W4: two experiments for the compare suite.

- `bench-compare`: 100 runs × 200 params (30 that differ between runs, 170 equal in every run)
  × 30 metrics, each a 1,000-step history (the latest value is what the diff shows).
- `bench-parcoords`: 1,000 runs × 8 numeric params and 3 metrics (one value each), for parallel
  coordinates.

The client is CPU-bound in Python, so the runs are written by several processes, each with its own
MlflowClient on the same SQLite file (WAL), as W1 does. Every run's values come from its own seeded
generator, so the data do not depend on which process wrote it."""

import math
import multiprocessing as mp
import random
import sys
import time

from mlflow.entities import Metric, Param

from seed_lib import BATCH_LIMIT, Ticker, args, connect, create_experiment, retry, say, write_meta

PROCESSES = 3
PARAMS_PER_BATCH = 100  # the server's own cap on params per log_batch call
a = args()
COMPARE_RUNS = max(10, round(100 * a.scale))
STEPS = max(20, round(1_000 * a.scale))
PARCOORDS_RUNS = max(50, round(1_000 * a.scale))
VARYING, EQUAL, METRICS = 30, 170, 30
t0 = int(time.time() * 1000) - (COMPARE_RUNS + PARCOORDS_RUNS) * 60_000
client = None

# Varying params of several kinds, as a sweep logs them (none reads as a dict or list: the diff
# would flatten those into more rows).
OPTIMS = ["adam", "adamw", "sgd", "lamb", "adafactor"]
SCHEDULERS = ["cosine", "linear", "step", "constant"]
VARYING_KEYS = [f"sweep_{k:02d}" for k in range(VARYING)]
EQUAL_KEYS = [f"fixed_{k:03d}" for k in range(EQUAL)]
METRIC_KEYS = [f"metric_{k:02d}" for k in range(METRICS)]
PC_PARAMS = ["lr", "batch_size", "dropout", "weight_decay", "warmup_steps", "layers", "hidden", "momentum"]
PC_METRICS = ["val_loss", "val_accuracy", "train_time_s"]


def varying_value(k: int, rng: random.Random, i: int) -> str:
    kind = k % 5
    if kind == 0:
        return f"{10 ** rng.uniform(-5, -1):.3e}"
    if kind == 1:
        return str(2 ** (3 + (i + k) % 7))
    if kind == 2:
        return f"{rng.uniform(0, 1):.4f}"
    if kind == 3:
        return OPTIMS[(i + k) % len(OPTIMS)] if k % 2 else SCHEDULERS[(i * 7 + k) % len(SCHEDULERS)]
    return str(i * 31 + k)


def compare_run(exp: str, i: int) -> str:
    rng = random.Random(4_000 + i)
    start = t0 + i * 60_000
    run = retry(lambda: client.create_run(exp, start_time=start, run_name=f"cmp-{i:03d}",
                                          tags={"bench": "w4", "sweep": "compare"}))
    rid = run.info.run_id
    params = [Param(k, varying_value(n, rng, i)) for n, k in enumerate(VARYING_KEYS)]
    params += [Param(k, f"value-{n}") for n, k in enumerate(EQUAL_KEYS)]
    for j in range(0, len(params), PARAMS_PER_BATCH):
        chunk = params[j:j + PARAMS_PER_BATCH]
        retry(lambda: client.log_batch(rid, params=chunk))
    # One history per metric: a decay towards a per-run floor, with noise. BATCH_LIMIT points a call.
    for n, key in enumerate(METRIC_KEYS):
        hi, lo, tau = rng.uniform(1, 3), rng.uniform(0.01, 0.5), rng.uniform(STEPS / 10, STEPS / 2)
        points = [Metric(key, lo + (hi - lo) * math.exp(-s / tau) + rng.gauss(0, 0.01), start + s * 100, s)
                  for s in range(STEPS)]
        for j in range(0, len(points), BATCH_LIMIT):
            chunk = points[j:j + BATCH_LIMIT]
            retry(lambda: client.log_batch(rid, metrics=chunk))
    retry(lambda: client.set_terminated(rid, "FINISHED", end_time=start + STEPS * 100))
    return rid


def parcoords_run(exp: str, i: int) -> str:
    rng = random.Random(40_000 + i)
    start = t0 + (COMPARE_RUNS + i) * 60_000
    run = retry(lambda: client.create_run(exp, start_time=start, run_name=f"pc-{i:04d}",
                                          tags={"bench": "w4", "sweep": "parcoords"}))
    rid = run.info.run_id
    lr = 10 ** rng.uniform(-5, -2)
    dropout = rng.uniform(0, 0.5)
    layers = 4 + i % 21
    params = [
        Param("lr", f"{lr:.3e}"),
        Param("batch_size", str(2 ** (4 + i % 6))),
        Param("dropout", f"{dropout:.3f}"),
        Param("weight_decay", f"{rng.uniform(0, 0.1):.4f}"),
        Param("warmup_steps", str(100 * (i % 20))),
        Param("layers", str(layers)),
        Param("hidden", str(128 * (1 + i % 8))),
        Param("momentum", f"{rng.uniform(0.8, 0.99):.3f}"),
    ]
    # Metrics that depend on the params, so the plot has structure to brush.
    val_loss = 0.2 + abs(math.log10(lr) + 3.5) * 0.3 + dropout * 0.4 + rng.gauss(0, 0.05)
    ts = start + 30_000
    metrics = [
        Metric("val_loss", val_loss, ts, 0),
        Metric("val_accuracy", max(0.0, min(1.0, 1.05 - val_loss / 2 + rng.gauss(0, 0.02))), ts, 0),
        Metric("train_time_s", layers * 40 * rng.uniform(0.8, 1.2), ts, 0),
    ]
    retry(lambda: client.log_batch(rid, metrics=metrics, params=params))
    retry(lambda: client.set_terminated(rid, "FINISHED", end_time=ts + 1000))
    return rid


def worker(shard: int, compare_exp: str, pc_exp: str, q) -> None:
    global client
    client = connect(a.dir)
    # The heavy compare runs first, spread over the processes, then the light parcoords runs.
    for i in range(shard, COMPARE_RUNS, PROCESSES):
        q.put(("compare", i, compare_run(compare_exp, i)))
    for i in range(shard, PARCOORDS_RUNS, PROCESSES):
        q.put(("parcoords", i, parcoords_run(pc_exp, i)))


if __name__ == "__main__":
    client = connect(a.dir)
    compare_exp = create_experiment(client, a.dir, "bench-compare")
    pc_exp = create_experiment(client, a.dir, "bench-parcoords")
    ctx = mp.get_context("spawn")  # each process opens its own SQLAlchemy engine on the file
    q = ctx.Queue()
    procs = [ctx.Process(target=worker, args=(k, compare_exp, pc_exp, q)) for k in range(PROCESSES)]
    for proc in procs:
        proc.start()
    ids = {"compare": [""] * COMPARE_RUNS, "parcoords": [""] * PARCOORDS_RUNS}
    ticks = {"compare": Ticker(f"W4 compare runs ({STEPS} steps × {METRICS} metrics)", COMPARE_RUNS),
             "parcoords": Ticker("W4 parcoords runs", PARCOORDS_RUNS)}
    for _ in range(COMPARE_RUNS + PARCOORDS_RUNS):
        while True:
            try:
                kind, i, rid = q.get(timeout=5)
                break
            except Exception:  # queue.Empty: a process that died would leave this waiting forever
                dead = [p for p in procs if p.exitcode not in (None, 0)]
                if dead:
                    sys.exit(f"a seed process failed ({dead[0].exitcode})")
        ids[kind][i] = rid
        ticks[kind].add(1)
    for proc in procs:
        proc.join()
        if proc.exitcode != 0:
            sys.exit(f"a seed process failed ({proc.exitcode})")
    write_meta(a.dir, {
        "experiment_id": compare_exp,
        "runs": COMPARE_RUNS,
        "compare": {
            "experiment_id": compare_exp,
            "name": "bench-compare",
            "run_ids": ids["compare"],
            "params": VARYING + EQUAL,
            "varying_params": VARYING,
            "metrics": METRICS,
            "steps": STEPS,
        },
        "parcoords": {
            "experiment_id": pc_exp,
            "name": "bench-parcoords",
            "run_ids": ids["parcoords"],
            "params": PC_PARAMS,
            "metrics": PC_METRICS,
        },
    })
    say(f"W4 done: {COMPARE_RUNS} compare runs × {STEPS} steps, {PARCOORDS_RUNS} parcoords runs")
