"""W1: experiment `bench-10k`, 10,000 runs × 15 params, 10 metrics (one value each),
5 tags, with 100 parent/child pairs (the child carries `mlflow.parentRunId`).

The client is CPU-bound in Python (about 3 store transactions per run), so the independent runs are
written by several processes, each with its own MlflowClient on the same SQLite file (WAL)."""

import multiprocessing as mp
import random
import sys
import time

from mlflow.entities import Metric, Param

from seed_lib import Ticker, args, connect, create_experiment, retry, say, write_meta

PROCESSES = 3
a = args()
RUNS = max(50, int(10_000 * a.scale))
PAIRS = min(100, RUNS // 10)
rng = random.Random(10_000)
client = None
exp = ""
t0 = int(time.time() * 1000) - RUNS * 60_000
tick = Ticker("W1 runs", RUNS)
models = ["resnet18", "resnet50", "vit-b16", "bert-base", "gpt2-small"]
optims = ["adam", "adamw", "sgd", "lamb"]


def one(i: int, parent: str | None = None) -> str:
    tags = {
        "team": rng.choice(["vision", "nlp", "rl"]),
        "owner": f"user{i % 37}",
        "stage": rng.choice(["sweep", "ablation", "final"]),
        "git_branch": f"feature/{i % 13}",
        "dataset_version": f"v{i % 5}",
    }
    if parent:
        tags["mlflow.parentRunId"] = parent
    run = retry(lambda: client.create_run(exp, start_time=t0 + i * 60_000, tags=tags, run_name=f"run-{i:05d}"))
    rid = run.info.run_id
    params = [
        Param("model", models[i % len(models)]),
        Param("optimizer", optims[i % len(optims)]),
        Param("lr", f"{10 ** rng.uniform(-5, -2):.2e}"),
        Param("batch_size", str(2 ** (4 + i % 5))),
        Param("epochs", str(10 + i % 90)),
        Param("seed", str(i)),
        Param("weight_decay", f"{rng.uniform(0, 0.1):.4f}"),
        Param("dropout", f"{rng.uniform(0, 0.5):.3f}"),
        Param("warmup_steps", str(100 * (i % 20))),
        Param("scheduler", rng.choice(["cosine", "linear", "step"])),
        Param("precision", rng.choice(["fp32", "bf16", "fp16"])),
        Param("grad_clip", f"{rng.uniform(0.5, 5):.2f}"),
        Param("layers", str(6 + i % 18)),
        Param("hidden", str(256 * (1 + i % 8))),
        Param("augment", rng.choice(["none", "light", "heavy"])),
    ]
    ts = t0 + i * 60_000 + 30_000
    metrics = [
        Metric(k, rng.uniform(lo, hi), ts, 0)
        for k, lo, hi in [
            ("train/loss", 0.05, 2.5), ("val/loss", 0.1, 3.0), ("val/accuracy", 0.4, 0.99),
            ("val/f1", 0.3, 0.98), ("train/accuracy", 0.5, 1.0), ("lr_final", 1e-7, 1e-3),
            ("epoch_time_s", 10, 600), ("gpu_mem_gb", 2, 80), ("throughput", 100, 5000),
            ("grad_norm", 0.1, 10),
        ]
    ]
    retry(lambda: client.log_batch(rid, metrics=metrics, params=params))
    retry(lambda: client.set_terminated(rid, "FINISHED", end_time=ts + 1000))
    tick.add(1)
    return rid


def worker(shard: int, indices: list, exp_id: str, q) -> None:
    global client, exp, rng, tick
    client, exp, rng = connect(a.dir), exp_id, random.Random(shard)
    tick = Ticker(f"W1 runs (process {shard})", 10**9)
    tick.last = float("inf")  # silent: the parent prints the total
    for i in indices:
        one(i)
        q.put(1)


if __name__ == "__main__":
    client = connect(a.dir)
    exp = create_experiment(client, a.dir, "bench-10k")
    # Parents first, then their children; the rest are independent runs, written in parallel.
    parents = [one(i) for i in range(PAIRS)]
    children = [one(PAIRS + k, parent=parents[k]) for k in range(PAIRS)]
    rest = list(range(2 * PAIRS, RUNS))
    q = mp.get_context("spawn").Queue()
    # spawn, not fork: each process opens its own SQLAlchemy engine on the file.
    procs = [mp.get_context("spawn").Process(target=worker, args=(k, rest[k::PROCESSES], exp, q))
             for k in range(PROCESSES)]
    for proc in procs:
        proc.start()
    total = Ticker("W1 runs (all processes)", len(rest))
    for _ in rest:
        q.get()
        total.add(1)
    for proc in procs:
        proc.join()
        if proc.exitcode != 0:
            sys.exit(f"a seed process failed ({p.exitcode})")
    write_meta(a.dir, {"experiment_id": exp, "runs": RUNS, "pairs": [list(pc) for pc in zip(parents, children)]})
    say(f"W1 done: {RUNS} runs")
