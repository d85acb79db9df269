"""W5: one registered model, `bench-registry-model`, with 500 versions, for the registry suite.

- Experiment `bench-registry`: one source run per version (run-000 … run-499), each with 20
  metrics (one value each), 5 params and 3 tags. The champion's and the candidate's runs also log
  `train_loss` and `val_loss` over 100 steps, so the promotion view has curves to overlay.
- Each version: source `mlflow-artifacts:/bench-registry/<run>/artifacts/model`, its run id, 3
  version tags, a one-line description on every fifth. Its `model/MLmodel` is written next to the
  run's artifacts (a small sklearn-flavoured MLmodel with a signature, no model files: the pages read
  only the MLmodel), so the versions table's signature column and the version page's signature
  section have something to read.
- Stages spread over the versions: 3 in Production, 12 in Staging, 300 Archived, the rest None.
- 20 aliases: `champion` (a Production version, v480), `challenger` (the candidate, v500) and 18
  more spread over the versions.
- The candidate's signature retypes `tenure_months` (double → long) and adds `region`, so the
  promotion view of v500 against `champion` has a breaking change to show.

Versions are numbered by MLflow as they are created, so they are created one after another; the
runs (most of the work) are written by a few processes first, each with its own MlflowClient on the
same SQLite file (WAL), as W1 does."""

import multiprocessing as mp
import random
import sys
import time
from pathlib import Path

from mlflow.entities import Metric, Param

from seed_lib import Ticker, args, connect, create_experiment, retry, say, write_meta

PROCESSES = 3
EXPERIMENT = "bench-registry"
MODEL = "bench-registry-model"
a = args()
VERSIONS = max(20, round(500 * a.scale))
METRICS = [f"metric_{k:02d}" for k in range(18)] + ["roc_auc", "accuracy"]
CURVE_STEPS = 100
# Version numbers (1-based): the champion is in Production and holds `champion`; the candidate is the
# newest version and holds `challenger`.
CHAMPION = max(1, VERSIONS - 20)
CANDIDATE = VERSIONS
t0 = int(time.time() * 1000) - VERSIONS * 3_600_000
client = None

BASE_INPUTS = [("tenure_months", "double"), ("monthly_charges", "double"), ("contract", "string"),
               ("support_calls", "long"), ("has_fiber", "boolean")]


def run_metrics(i: int, ts: int) -> list:
    rng = random.Random(5_000 + i)
    quality = 0.70 + 0.15 * i / max(1, VERSIONS - 1)  # later versions are better, with noise
    out = [Metric(k, rng.uniform(0, 1), ts, 0) for k in METRICS[:18]]
    out.append(Metric("roc_auc", min(0.99, quality + rng.gauss(0, 0.01)), ts, 0))
    out.append(Metric("accuracy", min(0.99, quality - 0.05 + rng.gauss(0, 0.01)), ts, 0))
    return out


def curve(final: float, key: str, i: int, start: int) -> list:
    rng = random.Random(f"{key}-{i}")
    return [Metric(key, final + 1.5 * (1 - s / CURVE_STEPS) ** 3 + rng.gauss(0, 0.01), start + s * 1000, s)
            for s in range(CURVE_STEPS)]


def source_run(exp: str, i: int) -> str:
    """Run i is the source of version i + 1."""
    start = t0 + i * 3_600_000
    run = retry(lambda: client.create_run(exp, start_time=start, run_name=f"run-{i:03d}",
                                          tags={"bench": "w5", "team": ["growth", "risk"][i % 2],
                                                "feature_set": f"v{1 + i // 100}"}))
    rid = run.info.run_id
    params = [Param("C", f"{0.1 + (i % 10) / 10:.1f}"), Param("max_iter", str(100 + i % 5 * 100)),
              Param("feature_set", f"v{1 + i // 100}"), Param("penalty", ["l1", "l2"][i % 2]),
              Param("seed", str(i))]
    metrics = run_metrics(i, start + 60_000)
    if i + 1 in (CHAMPION, CANDIDATE):
        metrics += curve(0.30 if i + 1 == CANDIDATE else 0.35, "train_loss", i, start)
        metrics += curve(0.38 if i + 1 == CANDIDATE else 0.40, "val_loss", i, start)
    retry(lambda: client.log_batch(rid, metrics=metrics, params=params))
    retry(lambda: client.set_terminated(rid, "FINISHED", end_time=start + 120_000))
    return rid


def write_mlmodel(data_dir: str, exp: str, rid: str, candidate: bool) -> str:
    """The version's MLmodel under the run's artifacts; returns the version's source URI."""
    from mlflow.models import Model, ModelSignature
    from mlflow.types.schema import ColSpec, Schema

    inputs = [("tenure_months", "long" if candidate else "double")] + BASE_INPUTS[1:]
    if candidate:
        inputs.append(("region", "string"))
    sig = ModelSignature(inputs=Schema([ColSpec(t, n) for n, t in inputs]),
                         outputs=Schema([ColSpec("long")]))
    model = Model(artifact_path="model", run_id=rid, signature=sig)
    model.add_flavor("python_function", loader_module="mlflow.sklearn", model_path="model.pkl",
                     python_version="3.11.0", env={"virtualenv": "python_env.yaml"})
    model.add_flavor("sklearn", pickled_model="model.pkl", sklearn_version="1.5.0",
                     serialization_format="cloudpickle")
    folder = Path(data_dir, "artifacts", EXPERIMENT, rid, "artifacts", "model")
    folder.mkdir(parents=True, exist_ok=True)
    model.save(str(folder / "MLmodel"))
    return f"mlflow-artifacts:/{EXPERIMENT}/{rid}/artifacts/model"


def worker(shard: int, exp: str, q) -> None:
    global client
    client = connect(a.dir)
    for i in range(shard, VERSIONS, PROCESSES):
        q.put((i, source_run(exp, i)))


def stage_of(v: int) -> str:
    """Spread over the versions: Production at the champion and two older versions, Staging on
    twelve recent ones, Archived on 300 (most older ones), None on the rest."""
    if v in (CHAMPION, max(1, CHAMPION - 97), max(1, CHAMPION - 211)):
        return "Production"
    if v > VERSIONS - 40 and v % 3 == 0:
        return "Staging" if v != CANDIDATE else "None"
    archived = round(300 * VERSIONS / 500)
    return "Archived" if v % 5 != 0 and v <= archived * 5 // 4 else "None"


def aliases() -> dict[str, int]:
    out = {"champion": CHAMPION, "challenger": CANDIDATE}
    for k in range(18):
        out[f"alias-{k:02d}"] = 1 + (k * 29 + 7) % VERSIONS
    return out


if __name__ == "__main__":
    client = connect(a.dir)
    exp = create_experiment(client, a.dir, EXPERIMENT)
    ctx = mp.get_context("spawn")  # each process opens its own SQLAlchemy engine on the file
    q = ctx.Queue()
    procs = [ctx.Process(target=worker, args=(k, exp, q)) for k in range(PROCESSES)]
    for proc in procs:
        proc.start()
    run_ids = [""] * VERSIONS
    tick = Ticker("W5 source runs", VERSIONS)
    for _ in range(VERSIONS):
        while True:
            try:
                i, rid = q.get(timeout=5)
                break
            except Exception:  # queue.Empty: a process that died would leave this waiting forever
                dead = [p for p in procs if p.exitcode not in (None, 0)]
                if dead:
                    sys.exit(f"a seed process failed ({dead[0].exitcode})")
        run_ids[i] = rid
        tick.add(1)
    for proc in procs:
        proc.join()
        if proc.exitcode != 0:
            sys.exit(f"a seed process failed ({proc.exitcode})")

    client.create_registered_model(MODEL, tags={"team": "growth", "bench": "w5"},
                                   description="W5: 500 versions, 20 aliases, stages spread over them.")
    tick = Ticker("W5 versions", VERSIONS)
    stages: dict[str, int] = {}
    for i, rid in enumerate(run_ids):
        v = i + 1
        source = write_mlmodel(a.dir, exp, rid, candidate=v == CANDIDATE)
        mv = client.create_model_version(
            MODEL, source, run_id=rid,
            tags={"validation": ["passed", "pending", "failed"][v % 3], "dataset": f"churn-2026-{1 + v % 12:02d}",
                  "owner": f"user{v % 7}"},
            description=f"Retrain {v} on feature set v{1 + i // 100}." if v % 5 == 0 else None,
        )
        assert str(mv.version) == str(v), f"expected version {v}, MLflow made {mv.version}"
        stage = stage_of(v)
        if stage != "None":
            client.transition_model_version_stage(MODEL, str(v), stage)
        stages[stage] = stages.get(stage, 0) + 1
        tick.add(1)
    held = aliases()
    for alias, v in held.items():
        client.set_registered_model_alias(MODEL, alias, str(v))
    write_meta(a.dir, {
        "experiment_id": exp,
        "runs": VERSIONS,
        "registry": {
            "model": MODEL,
            "versions": VERSIONS,
            "metrics": len(METRICS),
            "aliases": held,
            "stages": stages,
            "champion": str(CHAMPION),
            "candidate": str(CANDIDATE),
            "champion_run_id": run_ids[CHAMPION - 1],
            "candidate_run_id": run_ids[CANDIDATE - 1],
            # The version page the suite opens: an ordinary version in the middle (Archived at full scale).
            "version_page": str(VERSIONS // 2 + 1),
            "run_ids": run_ids,
        },
    })
    say(f"W5 done: {VERSIONS} versions of {MODEL}, {len(held)} aliases, stages {stages}")
