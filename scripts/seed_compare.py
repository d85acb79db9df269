"""The run-diff (compare) page's fixtures: runs that differ from each other in known ways.

- `/Shared/e2e/compare-a`: `cmp-base`, `cmp-lr` (higher learning rate), `cmp-deep` (deeper, more
  trees) and `cmp-gone`, deleted after logging. Params equal across the live runs, varying, a JSON
  dict, a Python-style dict and a 600-character value; metrics `val_loss`, `val_accuracy` and
  `epoch_time_s` over steps 0…9; a training dataset whose digest differs in `cmp-deep`; tags
  `team` (equal) and `note` (varying); `config.yaml` in `cmp-base` and `cmp-lr`, 2 lines apart, and
  `only_in_base.txt` in `cmp-base` alone.
- `/Shared/e2e/compare-b`: `cmp-other`, the same param and metric keys with other values, for a
  diff across experiments.

seed_e2e.py puts what seed_compare returns under the manifest's `experiments.compare`
(e2e/support/manifest.ts: SeededCompare).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

import mlflow.data
import pandas as pd
import yaml
from mlflow import MlflowClient
from mlflow.data.pandas_dataset import PandasDataset
from seed_common import create_experiment, create_run, finish_run, log_datasets, log_metrics, series, upload_files

COMPARE_EXPERIMENTS = {"a": "/Shared/e2e/compare-a", "b": "/Shared/e2e/compare-b"}
RUN_MS = 60_000  # between run starts
STEPS = 10  # metric points per key, at steps 0…9
STEP_MS = 1_000  # between a run's metric points

# Steps 0…9 of each run's histories. Per metric, the runs differ in their latest value, their value
# at step 5, their min and their max, so that every step choice of the diff tells them apart.
# `cmp-lr` overfits: its val_loss is lowest at step 4 (0.42) and ends at 0.61, its val_accuracy
# peaks at step 4 (0.80) and ends at 0.76, so best and latest differ. `epoch_time_s` holds no word
# that gives a direction: the diff must treat it as neutral.
HISTORIES: dict[str, dict[str, list[float]]] = {
    "val_loss": {
        "cmp-base": [1.00, 0.82, 0.68, 0.57, 0.49, 0.44, 0.41, 0.39, 0.38, 0.37],
        "cmp-lr": [1.20, 0.70, 0.52, 0.45, 0.42, 0.43, 0.46, 0.50, 0.55, 0.61],
        "cmp-deep": [0.90, 0.80, 0.71, 0.63, 0.56, 0.50, 0.45, 0.41, 0.36, 0.33],
        "cmp-gone": [1.05, 0.90, 0.80, 0.72, 0.66, 0.61, 0.57, 0.54, 0.52, 0.51],
        "cmp-other": [0.95, 0.78, 0.66, 0.58, 0.52, 0.48, 0.46, 0.45, 0.445, 0.44],
    },
    "val_accuracy": {
        "cmp-base": [0.50, 0.62, 0.70, 0.75, 0.78, 0.80, 0.81, 0.82, 0.825, 0.83],
        "cmp-lr": [0.45, 0.68, 0.76, 0.79, 0.80, 0.795, 0.79, 0.78, 0.77, 0.76],
        "cmp-deep": [0.55, 0.60, 0.66, 0.71, 0.75, 0.78, 0.81, 0.83, 0.85, 0.86],
        "cmp-gone": [0.48, 0.55, 0.60, 0.64, 0.67, 0.69, 0.71, 0.72, 0.73, 0.735],
        "cmp-other": [0.52, 0.63, 0.70, 0.74, 0.77, 0.79, 0.80, 0.805, 0.81, 0.812],
    },
    "epoch_time_s": {
        "cmp-base": [12.4, 11.9, 12.1, 11.8, 12.0, 12.2, 11.7, 11.9, 12.3, 12.0],
        "cmp-lr": [12.6, 12.0, 11.8, 12.1, 11.9, 12.5, 12.2, 11.6, 12.0, 12.1],
        "cmp-deep": [31.0, 29.8, 30.4, 30.1, 29.5, 30.7, 30.2, 29.9, 30.6, 30.3],
        "cmp-gone": [12.2, 12.0, 11.9, 12.1, 12.0, 11.8, 12.2, 12.1, 11.9, 12.2],
        "cmp-other": [18.3, 17.9, 18.1, 18.0, 17.8, 18.2, 18.4, 17.7, 18.0, 18.1],
    },
}

# The training frame of every run but `cmp-deep`, whose copy has two more rows: the same dataset
# name and context with another digest, so the datasets row differs in one run only.
CHURN_TRAIN = pd.DataFrame(
    {
        "tenure_months": [1, 5, 12, 24, 36, 48],
        "monthly_charges": [20.5, 64.0, 99.9, 45.25, 70.0, 88.8],
        "churned": [1, 1, 0, 0, 0, 1],
    }
)
CHURN_TRAIN_MORE = pd.concat(
    [CHURN_TRAIN, pd.DataFrame({"tenure_months": [60, 3], "monthly_charges": [30.0, 110.0], "churned": [0, 1]})],
    ignore_index=True,
)


def model_config(lr: float, layers: list[int]) -> str:
    # JSON, as code logging json.dumps(config) writes it: the diff flattens it into sub-keys.
    return json.dumps({"lr": lr, "layers": layers})


def regularization(dropout: float) -> str:
    # str() of a dict, as Python code logging a dict writes it: single quotes, True and None.
    return str({"dropout": dropout, "act": "relu", "batch_norm": True, "clip": None})


def feature_list(last: str) -> str:
    """600 characters: 49 feature names and `last` (12 characters). Runs differ only in `last`,
    past where a table cell cuts a long value short."""
    value = ",".join([f"feature_{i:03d}" for i in range(49)] + [last])
    assert len(value) == 600, len(value)
    return value


def params(
    lr: float,
    max_depth: int,
    n_estimators: int,
    *,
    dropout: float = 0.1,
    target: str = "target_churn",
    seed: int = 7,
    optimizer: str = "adam",
    dataset: str = "churn-v3",
) -> dict[str, str]:
    """A run's params as MLflow keeps them (text); the defaults are what compare-a's live runs share."""
    return {
        "seed": str(seed),
        "optimizer": optimizer,
        "dataset": dataset,
        "lr": str(lr),
        "max_depth": str(max_depth),
        "n_estimators": str(n_estimators),
        "model_config": model_config(lr, [64, 32]),
        "regularization": regularization(dropout),
        "features": feature_list(target),
    }


def config_yaml(lr: float, scheduler: str) -> dict:
    """`config.yaml` of cmp-base and cmp-lr: the same but for two lines, learning_rate and scheduler."""
    return {
        "model": {
            "type": "gradient_boosting",
            "n_estimators": 100,
            "max_depth": 4,
            "learning_rate": lr,
            "scheduler": scheduler,
        },
        "data": {"table": "features.daily_customer", "target": "churned", "seed": 7},
        "features": ["tenure_months", "monthly_charges", "support_tickets_90d"],
    }


CONFIGS = {"cmp-base": config_yaml(0.01, "constant"), "cmp-lr": config_yaml(0.1, "cosine")}


@dataclass
class CompareRun:
    name: str
    experiment: str  # a key of COMPARE_EXPERIMENTS
    params: dict[str, str]
    note: str
    training: pd.DataFrame
    files: dict[str, object] = field(default_factory=dict)
    deleted: bool = False


RUNS = [
    CompareRun(
        "cmp-base",
        "a",
        params(0.01, 4, 100),
        "baseline",
        CHURN_TRAIN,
        {"config.yaml": CONFIGS["cmp-base"], "only_in_base.txt": "Only cmp-base has this file.\n"},
    ),
    CompareRun(
        "cmp-lr", "a", params(0.1, 4, 100), "learning rate x10", CHURN_TRAIN, {"config.yaml": CONFIGS["cmp-lr"]}
    ),
    CompareRun(
        "cmp-deep", "a", params(0.01, 8, 300, dropout=0.3, target="target_lapse"), "deeper trees", CHURN_TRAIN_MORE
    ),
    # Logged in full, then deleted: a compare URL may still name it.
    CompareRun("cmp-gone", "a", params(0.03, 4, 100), "deleted after logging", CHURN_TRAIN, deleted=True),
    CompareRun(
        "cmp-other",
        "b",
        params(0.05, 6, 200, dropout=0.2, seed=11, optimizer="sgd", dataset="churn-v2"),
        "another experiment",
        CHURN_TRAIN,
    ),
]
TAGS = {"team": "ds"}  # besides `note`, which each run has its own of


def training_dataset(frame: pd.DataFrame) -> PandasDataset:
    # An explicit source: without one, MLflow records the seeding user and script, which vary.
    source = "s3://parallax-e2e/churn/train.parquet"
    return mlflow.data.from_pandas(frame, source=source, name="churn-train", targets="churned")


def log_compare_run(client: MlflowClient, experiment_id: str, run: CompareRun, start_ms: int, user: str) -> str:
    """Logs one run, deleting it last if it is to be deleted; returns its id."""
    tags = {"mlflow.user": user, **TAGS, "note": run.note}
    run_id = create_run(client, experiment_id, run.name, start_ms, tags, run.params)
    steps = list(range(STEPS))
    # Explicit steps and increasing times: the last step is the latest value by either rule.
    stamps = [start_ms + (step + 1) * STEP_MS for step in steps]
    points = [point for key, runs in HISTORIES.items() for point in series(key, runs[run.name], steps, stamps)]
    log_metrics(client, run_id, points)
    log_datasets(client, run_id, {"training": training_dataset(run.training)})
    if run.files:
        upload_files(client, run_id, run.files)
    finish_run(client, run_id, stamps[-1] + STEP_MS)
    if run.deleted:
        client.delete_run(run_id)
    return run_id


PER_RUN_KEYS = ("params", "tags", "datasets", "artifacts")


def manifest_of(run: CompareRun) -> dict:
    """What a test may assert about a run, beside its id and histories."""
    dataset = training_dataset(run.training)
    return {
        "params": run.params,
        "tags": {**TAGS, "note": run.note},
        "datasets": [{"name": dataset.name, "digest": dataset.digest, "context": "training"}],
        "artifacts": sorted(run.files),
    }


def seed_compare(client: MlflowClient, base_ms: int, user: str) -> dict:
    """Seeds both experiments; returns the manifest's `experiments.compare` (SeededCompare)."""
    ids = {
        key: create_experiment(client, name, f"End-to-end fixture (compare-{key}); read-only.", {"purpose": "e2e"})
        for key, name in COMPARE_EXPERIMENTS.items()
    }
    # A handful of small requests per run: sequential is fast enough (about a second).
    run_ids = {
        run.name: log_compare_run(client, ids[run.experiment], run, base_ms + index * RUN_MS, user)
        for index, run in enumerate(RUNS)
    }
    entries = {run.name: manifest_of(run) for run in RUNS}
    # {params: {run name: …}, tags: …}: the manifest is read one aspect at a time.
    per_run = {key: {name: entry[key] for name, entry in entries.items()} for key in PER_RUN_KEYS}
    # The files' text as upload_files writes it.
    texts = {name: yaml.safe_dump(config, sort_keys=False) for name, config in CONFIGS.items()}
    base, lr = texts["cmp-base"].splitlines(), texts["cmp-lr"].splitlines()
    return {
        "id": ids["a"],
        "name": COMPARE_EXPERIMENTS["a"],
        "run_ids": [run_ids[run.name] for run in RUNS if run.experiment == "a" and not run.deleted],
        "other": {"id": ids["b"], "name": COMPARE_EXPERIMENTS["b"], "run_ids": [run_ids["cmp-other"]]},
        "run_id_by_name": run_ids,
        "deleted_run_id": run_ids["cmp-gone"],
        "metrics": {
            key: {name: [[step, value] for step, value in enumerate(values)] for name, values in by_run.items()}
            for key, by_run in HISTORIES.items()
        },
        **per_run,
        "config_yaml": texts,
        "config_yaml_changed_lines": [[old, new] for old, new in zip(base, lr) if old != new],
    }
