#!/usr/bin/env python3
"""Seeds a running MLflow server with the realistic demo Parallax starts with.

    seed_demo.py --tracking-uri http://127.0.0.1:5000

Four experiments named by workspace path: churn prediction (baselines, a grid search of 9 nested
runs, a retrain on feature set v2, a failed, a killed and a running run), a cost anomaly detector (20 runs), a ResNet fine-tune
(a 200,000-step loss curve with known spikes, and a short learning-rate sweep) and a daily ETL job
logging data-quality metrics (21 runs). Real scikit-learn models logged with signatures and input
examples; plots, tables, configs and logs as artifacts; a registry with versions, stages, aliases,
tags and descriptions. Values are deterministic (fixed seeds); times are relative to now, so that
the demo looks recent. Refuses to run on a server that already holds these experiments; the start
script starts an unfinished demo over in an empty store (scripts/lib/seed.mjs).
"""

from __future__ import annotations

import hashlib
import json
import os
import signal
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from functools import cached_property

import mlflow.data
import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from mlflow import MlflowClient
from mlflow.data.pandas_dataset import PandasDataset
from seed_common import (
    Progress,
    connect,
    create_experiment,
    create_run,
    finish_run,
    log_datasets,
    log_metrics,
    log_sklearn_model,
    now_ms,
    parse_args,
    quiet_mlflow,
    require_absent,
    run_main,
    say,
    series,
    upload_files,
)
from sklearn.datasets import make_classification
from sklearn.dummy import DummyClassifier
from sklearn.ensemble import GradientBoostingClassifier, IsolationForest, RandomForestClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import (
    accuracy_score,
    confusion_matrix,
    f1_score,
    log_loss,
    precision_score,
    recall_score,
    roc_auc_score,
    roc_curve,
)
from sklearn.model_selection import train_test_split
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler

MINUTE = 60_000
HOUR = 60 * MINUTE
DAY = 24 * HOUR

ADA, GRACE, ALAN = "ada@example.com", "grace@example.com", "alan@example.com"
KATHERINE, ETL_BOT, RETRAIN_BOT = "katherine@example.com", "svc-etl@example.com", "svc-retrain@example.com"

EXPERIMENTS = {
    "churn": (
        "/Shared/churn_prediction",
        {"team": "growth-ds", "domain": "churn", "project": "retention-2025"},
        "# Churn prediction\n\n"
        "Predicts which subscribers cancel in the next **30 days**, from 12 account and usage "
        "features.\n\n"
        "- Target: `churned` (about 22% positives)\n"
        "- Selection metric: validation `roc_auc`; `f1` at threshold 0.5 as a guard\n"
        "- Promotion: the registry's `champion` alias serves; `challenger` runs in shadow\n",
    ),
    "cost": (
        "/Shared/cost_anomaly_detector",
        {"team": "finops", "domain": "cost", "project": "cloud-spend"},
        "# Cost anomaly detector\n\n"
        "Flags days whose cloud spend does not look like the rest, per account, with an "
        "`IsolationForest` over six daily usage features.\n\n"
        "Labelled incidents from the FinOps tracker give `precision` and `recall`.\n",
    ),
    "resnet": (
        "/Users/ada@example.com/resnet_finetune",
        {"team": "perception", "domain": "vision", "framework": "pytorch"},
        "# ResNet fine-tune\n\n"
        "ImageNet-pretrained ResNets fine-tuned on the product-photo set (10 classes).\n\n"
        "> The long run logs `train/loss` at every step: look for the spikes from the bad shards.\n",
    ),
    "etl": (
        "/Shared/etl/daily_features",
        {"team": "data-platform", "domain": "etl", "schedule": "daily 02:00 UTC"},
        "# Daily features (ETL)\n\n"
        "Builds `features.daily_customer` from `raw.billing_events` every night. Each run logs "
        "data-quality metrics per hourly partition (step = hour): `row_count`, `null_fraction`, "
        "`duplicate_rows`, `freshness_hours`.\n",
    ),
}
CHURN_MODEL, COST_MODEL = "churn-classifier", "cost-anomaly-detector"


# ── shared helpers ─────────────────────────────────────────────────────────────────────────────


def run_tags(user: str, source: str, start_ms: int, **tags: str) -> dict[str, str]:
    """Tags every run carries: who ran it, from where, at which commit, plus its own tags."""
    kind = "NOTEBOOK" if source.endswith(".ipynb") else "JOB" if source.startswith("jobs/") else "LOCAL"
    # One commit per source file and week, so that runs of the same week share a code version.
    commit = hashlib.sha1(f"{source}@{start_ms // (7 * DAY)}".encode()).hexdigest()
    return {
        "mlflow.user": user,
        "mlflow.source.name": source,
        "mlflow.source.type": kind,
        "mlflow.source.git.commit": commit,
        "mlflow.source.git.branch": "main",
        **tags,
    }


def spread(start_ms: int, end_ms: int, count: int) -> list[int]:
    """`count` increasing timestamps from start to end, for points logged during a run."""
    return np.linspace(start_ms, end_ms, count, dtype=np.int64).tolist()


def finals(metrics: dict[str, float], end_ms: int) -> list:
    """End-of-run scores: one point each, at step 0."""
    return [point for key, value in metrics.items() for point in series(key, [value], [0], [end_ms])]


def clock(ms: int) -> str:
    return time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime(ms / 1000))


def day_of(ms: int) -> str:
    return time.strftime("%Y-%m-%d", time.gmtime(ms / 1000))


def line_figure(title: str, xlabel: str, ylabel: str, curves: dict[str, tuple], logy: bool = False) -> Figure:
    # The object-oriented API needs no pyplot backend and keeps no global figure state.
    figure = Figure(figsize=(6.4, 4))
    axes = figure.subplots()
    for label, (xs, ys) in curves.items():
        axes.plot(xs, ys, label=label, linewidth=1)
    axes.set(title=title, xlabel=xlabel, ylabel=ylabel)
    if logy:
        axes.set_yscale("log")
    axes.grid(alpha=0.3)
    axes.legend()
    return figure


@dataclass
class Candidate:
    """A run that logged a model: what the registry needs to make a version of it."""

    name: str
    kind: str
    run_id: str
    model_id: str
    metrics: dict[str, float]


# ── churn ──────────────────────────────────────────────────────────────────────────────────────

# name, mean, spread, decimals, floor: make_classification's unit-scale columns mapped onto
# plausible account features, so that tables and input examples read like real data.
CHURN_FEATURES = [
    ("tenure_months", 28, 16, 0, 0),
    ("monthly_charges", 64, 22, 2, 9.99),
    ("total_charges", 1850, 1200, 2, 0),
    ("contract_months", 12, 9, 0, 1),
    ("support_tickets_90d", 1.6, 1.4, 0, 0),
    ("days_since_last_login", 9, 8, 0, 0),
    ("num_products", 2.2, 1.1, 0, 1),
    ("avg_session_minutes", 24, 11, 1, 0),
    ("late_payments_12m", 0.8, 1.0, 0, 0),
    ("discount_pct", 8, 6, 1, 0),
    ("referrals", 0.7, 0.9, 0, 0),
    ("satisfaction_score", 3.6, 0.9, 1, 1),
]
CHURN_SOURCE = "notebooks/churn_training.ipynb"
GRID = [("logistic_regression", {"C": c}) for c in (0.01, 0.1, 1.0)] + [
    ("gradient_boosting", {"n_estimators": 100, "max_depth": depth, "learning_rate": rate})
    for depth in (2, 3)
    for rate in (0.05, 0.1, 0.3)
]


@dataclass
class ChurnData:
    x_train: pd.DataFrame
    x_val: pd.DataFrame
    y_train: np.ndarray
    y_val: np.ndarray
    feature_set: str = "v1"

    @cached_property
    def inputs(self) -> dict[str, PandasDataset]:
        """The split as the MLflow datasets a churn run logs, by context. Built once: MLflow hashes
        each frame for its digest, and every churn run trains and validates on this same split."""
        return {
            "training": churn_dataset(self.x_train, self.y_train, "train", self.feature_set),
            "validation": churn_dataset(self.x_val, self.y_val, "validation", self.feature_set),
        }

    def feature_set_v2(self) -> ChurnData:
        """The same rows as feature set v2 reads them: `tenure_months` as an integer column. The
        values are whole months either way, so the scores stay comparable; a model trained on it
        takes a `long` input where v1 models take a `double`, which changes its signature."""
        integer = {"tenure_months": "int64"}
        return ChurnData(self.x_train.astype(integer), self.x_val.astype(integer), self.y_train, self.y_val, "v2")


def churn_dataset(x: pd.DataFrame, y: np.ndarray, split: str, feature_set: str) -> PandasDataset:
    # Where a real pipeline would have read it from (the feature set's table), not the default code
    # source, which records the seeding user and script.
    source = f"s3://growth-ds/churn/features_{feature_set}/{split}.parquet"
    return mlflow.data.from_pandas(x.assign(churned=y), source=source, name=f"churn_{split}", targets="churned")


@dataclass(eq=False)  # compared by identity: its fields hold numpy arrays
class Trial:
    """One trained churn model, its validation scores and learning curves (nothing logged yet)."""

    name: str
    model_type: str
    params: dict
    model: object
    proba: np.ndarray
    metrics: dict[str, float]
    curves: dict[str, list[float]] = field(default_factory=dict)


def churn_data() -> ChurnData:
    x, y = make_classification(
        n_samples=4000,
        n_features=len(CHURN_FEATURES),
        n_informative=6,
        n_redundant=2,
        n_clusters_per_class=1,
        weights=[0.78],
        flip_y=0.03,
        class_sep=0.9,
        random_state=7,
    )
    frame = pd.DataFrame(
        {
            name: np.maximum(floor, np.round(mean + scale * x[:, j], decimals))
            for j, (name, mean, scale, decimals, floor) in enumerate(CHURN_FEATURES)
        }
    )
    x_train, x_val, y_train, y_val = train_test_split(frame, y, test_size=0.25, stratify=y, random_state=7)
    return ChurnData(x_train.reset_index(drop=True), x_val.reset_index(drop=True), y_train, y_val)


def churn_model(model_type: str, params: dict):
    if model_type == "logistic_regression":
        classifier = LogisticRegression(C=params["C"], class_weight=params.get("class_weight"), max_iter=1000)
        return Pipeline([("scale", StandardScaler()), ("classifier", classifier)])
    if model_type == "gradient_boosting":
        return GradientBoostingClassifier(**params, subsample=0.9, random_state=7)
    if model_type == "random_forest":
        return RandomForestClassifier(**params, random_state=7)
    return DummyClassifier(**params)


def train_churn(data: ChurnData, name: str, model_type: str, params: dict) -> Trial:
    model = churn_model(model_type, params).fit(data.x_train, data.y_train)
    proba = model.predict_proba(data.x_val)[:, 1]
    predicted = proba >= 0.5
    metrics = {
        "accuracy": accuracy_score(data.y_val, predicted),
        "precision": precision_score(data.y_val, predicted, zero_division=0),
        "recall": recall_score(data.y_val, predicted),
        "f1": f1_score(data.y_val, predicted),
        "roc_auc": roc_auc_score(data.y_val, proba),
        "log_loss": log_loss(data.y_val, proba),
    }
    curves = {}
    if model_type == "gradient_boosting":
        # Real learning curves: the loss after each boosting stage, on both splits.
        for key, x, y in (("train_log_loss", data.x_train, data.y_train), ("val_log_loss", data.x_val, data.y_val)):
            curves[key] = [log_loss(y, stage[:, 1]) for stage in model.staged_predict_proba(x)]
    return Trial(name, model_type, params, model, proba, metrics, curves)


def churn_metrics(trial: Trial, start_ms: int, end_ms: int, stages: int | None = None) -> list:
    """A run's metric points: its curves, and its final scores if it completed (`stages` None).

    A run that stopped early gets only the first `stages` points of its curves.
    """
    points = []
    for key, values in trial.curves.items():
        values = values[:stages]
        stamps = spread(start_ms, end_ms - MINUTE, len(values))
        points += series(key, values, range(1, len(values) + 1), stamps)
    return points + (finals(trial.metrics, end_ms) if stages is None else [])


def train_log(trial: Trial, start_ms: int, end_ms: int, stages: int | None = None) -> list[str]:
    """The training script's log: what it loaded, two lines per boosting stage, the scores."""
    lines = [
        f"{clock(start_ms)} INFO  train_churn: model_type={trial.model_type} params={trial.params}",
        f"{clock(start_ms)} INFO  train_churn: 3000 train / 1000 validation rows, 12 features",
    ]
    train, val = trial.curves.get("train_log_loss", [])[:stages], trial.curves.get("val_log_loss", [])
    for stage, ms in enumerate(spread(start_ms, end_ms, len(train))):
        leaves = trial.model.estimators_[stage, 0].get_n_leaves()
        lines.append(f"{clock(ms)} DEBUG stage={stage + 1:4d} tree_leaves={leaves}")
        lines.append(
            f"{clock(ms)} INFO  stage={stage + 1:4d} train_log_loss={train[stage]:.5f} val_log_loss={val[stage]:.5f}"
        )
    if stages is None:
        lines += [f"{clock(end_ms)} INFO  validation {key}={value:.4f}" for key, value in trial.metrics.items()]
        lines.append(f"{clock(end_ms)} INFO  train_churn: done")
    return lines


def importances(trial: Trial, columns: list[str]) -> pd.DataFrame:
    model = trial.model
    weights = np.abs(model[-1].coef_[0]) if isinstance(model, Pipeline) else model.feature_importances_
    table = pd.DataFrame({"feature": columns, "importance": np.round(weights / weights.sum(), 5)})
    return table.sort_values("importance", ascending=False)


def model_config(trial: Trial) -> dict:
    """The model's part of the training config: in `config.yaml`, and as the JSON param `model_config`."""
    return {"type": trial.model_type, "params": trial.params}


def churn_artifacts(trial: Trial, data: ChurnData, start_ms: int, end_ms: int) -> dict[str, object]:
    fpr, tpr, _ = roc_curve(data.y_val, trial.proba)
    roc = line_figure(
        f"ROC — {trial.name}",
        "false positive rate",
        "true positive rate",
        {f"AUC {trial.metrics['roc_auc']:.3f}": (fpr, tpr), "chance": ([0, 1], [0, 1])},
    )
    head = trial.proba[:200]
    sample = data.x_val.head(200).assign(
        churned=data.y_val[:200], churn_probability=np.round(head, 4), predicted=(head >= 0.5).astype(int)
    )
    return {
        "plots/roc_curve.png": roc,
        "feature_importances.csv": importances(trial, list(data.x_train.columns)),
        "predictions_sample.csv": sample,
        "metrics.json": {
            "threshold": 0.5,
            "metrics": {key: round(value, 5) for key, value in trial.metrics.items()},
            "confusion_matrix": {
                "labels": ["retained", "churned"],
                "matrix": confusion_matrix(data.y_val, trial.proba >= 0.5).tolist(),
            },
        },
        "config.yaml": {
            "model": model_config(trial),
            "data": {"table": "features.daily_customer", "target": "churned", "test_size": 0.25, "seed": 7},
            "features": list(data.x_train.columns),
        },
        "logs/train.log": "\n".join(train_log(trial, start_ms, end_ms)) + "\n",
    }


def create_churn_run(
    client: MlflowClient, experiment_id: str, data: ChurnData, trial: Trial, start_ms: int, user: str, **options
) -> str:
    """Creates the run for a trial, with the split it trains on as its datasets; `options` are
    create_run's parent_id and description."""
    tags = run_tags(user, CHURN_SOURCE, start_ms, domain="churn", team="growth-ds", model_type=trial.model_type)
    params = {
        "model_type": trial.model_type,
        **trial.params,
        "feature_set": data.feature_set,
        "test_size": 0.25,
        # Nested as a training script logs its config: the run diff shows which sub-key differs.
        "model_config": json.dumps(model_config(trial)),
    }
    run_id = create_run(client, experiment_id, trial.name, start_ms, tags, params, **options)
    log_datasets(client, run_id, data.inputs)
    return run_id


def log_churn_run(
    client: MlflowClient,
    experiment_id: str,
    data: ChurnData,
    trial: Trial,
    start_ms: int,
    minutes: int,
    user: str,
    *,
    parent_id: str | None = None,
    description: str | None = None,
    with_files: bool = False,
    with_model: bool = False,
) -> Candidate | None:
    """Logs a completed churn run; returns it as a registry Candidate when it carries a model."""
    end_ms = start_ms + minutes * MINUTE
    run_id = create_churn_run(
        client, experiment_id, data, trial, start_ms, user, parent_id=parent_id, description=description
    )
    log_metrics(client, run_id, churn_metrics(trial, start_ms, end_ms))
    if with_files:
        upload_files(client, run_id, churn_artifacts(trial, data, start_ms, end_ms))
    candidate = None
    if with_model:
        model_id = log_sklearn_model(client, run_id, trial.model, data.x_val, trial.params)
        candidate = Candidate(trial.name, trial.model_type, run_id, model_id, trial.metrics)
    finish_run(client, run_id, end_ms)
    return candidate


def seed_churn_baselines(client: MlflowClient, experiment_id: str, data: ChurnData, now: int) -> Candidate:
    """Three standalone runs; the random forest becomes the registry's first version."""
    dummy = train_churn(data, "dummy-baseline", "dummy", {"strategy": "prior"})
    log_churn_run(
        client, experiment_id, data, dummy, now - 27 * DAY, 1, KATHERINE,
        description="Majority-class baseline: a real model has to beat `roc_auc` 0.5 and this `log_loss`.",
    )
    forest = train_churn(data, "rf-baseline", "random_forest", {"n_estimators": 100, "max_depth": 6})
    candidate = log_churn_run(
        client, experiment_id, data, forest, now - 25 * DAY, 6, GRACE, with_files=True, with_model=True,
        description="## Random-forest baseline\n\nFirst model in production. No tuning; "
        "`max_depth=6` keeps it small enough for the batch scorer.",
    )
    balanced = train_churn(data, "lr-feature-set-v2", "logistic_regression", {"C": 0.3, "class_weight": "balanced"})
    log_churn_run(
        client, experiment_id, data, balanced, now - 6 * DAY, 2, KATHERINE,
        description="Class-weighted logistic regression: trades precision for **recall**, "
        "which retention campaigns prefer.",
    )
    return candidate


def grid_name(model_type: str, params: dict) -> str:
    if model_type == "logistic_regression":
        return f"logreg-C{params['C']}"
    return f"gbm-d{params['max_depth']}-lr{params['learning_rate']}"


def grid_report(ranked: list[Trial]) -> str:
    """The parent run's description: the candidates as a markdown table, the winner in bold."""
    rows = []
    for rank, trial in enumerate(ranked):
        name = f"**{trial.name}**" if rank == 0 else trial.name
        rows.append(f"| {name} | {trial.model_type} | {trial.metrics['roc_auc']:.4f} | {trial.metrics['f1']:.4f} |")
    return (
        "## Grid search\n\n9 candidates on the same 75/25 split, ranked by validation `roc_auc`:\n\n"
        "| candidate | model | roc_auc | f1 |\n|---|---|---|---|\n" + "\n".join(rows) + "\n"
    )


def seed_churn_grid(client: MlflowClient, experiment_id: str, data: ChurnData, now: int) -> list[Candidate]:
    """A grid-search parent with 9 nested children, each a real model with its plots and tables.

    Logging a model takes seconds, so only the children the registry may want carry one: the best
    logistic regression and the three best boosted models. Returns them by validation roc_auc, best
    first.
    """
    trials = [train_churn(data, grid_name(kind, params), kind, params) for kind, params in GRID]
    ranked = sorted(trials, key=lambda trial: trial.metrics["roc_auc"], reverse=True)
    best = ranked[0]
    keep = [next(t for t in ranked if t.model_type == "logistic_regression")]
    keep += [t for t in ranked if t.model_type == "gradient_boosting"][:3]
    start = now - 9 * DAY + 10 * HOUR
    tags = run_tags(
        ADA, "notebooks/churn_grid_search.ipynb", start,
        domain="churn", team="growth-ds", model_type="grid_search", best_candidate=best.name,
    )
    params = {"search": "grid", "n_candidates": len(GRID), "selection_metric": "roc_auc", "test_size": 0.25}
    parent_id = create_run(
        client, experiment_id, "churn-grid-search", start, tags, params, description=grid_report(ranked)
    )
    candidates = []
    for index, trial in enumerate(trials):
        note = None
        if trial is best:
            note = f"Best of the grid (`roc_auc` {best.metrics['roc_auc']:.4f}); proposed for the registry."
        candidate = log_churn_run(
            client, experiment_id, data, trial, start + (1 + 5 * index) * MINUTE, 4, ADA,
            parent_id=parent_id, description=note, with_files=True, with_model=trial in keep,
        )
        if candidate:
            candidates.append(candidate)
    end = start + (5 * len(trials) + 2) * MINUTE
    summary = {"best_roc_auc": best.metrics["roc_auc"], "best_f1": best.metrics["f1"]}
    log_metrics(client, parent_id, finals(summary, end))
    finish_run(client, parent_id, end)
    return sorted(candidates, key=lambda candidate: candidate.metrics["roc_auc"], reverse=True)


# The registry's challenger: the grid's best setup with more stages and larger leaves, trained on
# feature set v2. On this split it edges out the grid's best on validation roc_auc (0.9512 against
# 0.9507 with scikit-learn 1.9), with a different trade: more recall, less precision.
RETRAIN = {"n_estimators": 150, "max_depth": 3, "learning_rate": 0.3, "min_samples_leaf": 40}


def seed_churn_retrain(client: MlflowClient, experiment_id: str, data: ChurnData, now: int, best: Candidate) -> Candidate:
    """A retrain on feature set v2 with a logged model: the version the promotion view compares with
    the champion (`best`, the grid's winner). Its description says how it fares, as measured here."""
    v2 = data.feature_set_v2()
    trial = train_churn(v2, "gbm-d3-lr0.3-fs-v2", "gradient_boosting", RETRAIN)
    ours, theirs = trial.metrics["roc_auc"], best.metrics["roc_auc"]
    verdict = "beats" if ours > theirs else "does not beat"
    candidate = log_churn_run(
        client, experiment_id, v2, trial, now - 2 * DAY + 11 * HOUR, 6, ADA,
        description=f"Retrain on **feature set v2** (`tenure_months` is now an integer column): `roc_auc` "
        f"{ours:.4f} {verdict} the grid's best ({theirs:.4f}) on the same validation rows.",
        with_files=True, with_model=True,
    )
    assert candidate is not None  # with_model=True returns one
    return candidate


# The runs that did not complete share the grid's boosted setup, planned for 150 stages.
UNFINISHED = {"n_estimators": 150, "max_depth": 3}


def seed_churn_failed(client: MlflowClient, experiment_id: str, data: ChurnData, now: int) -> None:
    params = {**UNFINISHED, "max_depth": 6, "learning_rate": 0.5}
    deep = train_churn(data, "gbm-d6-lr0.5", "gradient_boosting", params)
    start = now - 12 * DAY + 14 * HOUR
    end = start + 7 * MINUTE
    run_id = create_churn_run(
        client, experiment_id, data, deep, start, ALAN,
        description="**Failed** at stage 38: the worker ran out of memory. See `logs/train.log`.",
    )
    log_metrics(client, run_id, churn_metrics(deep, start, end, stages=37))
    crash = train_log(deep, start, end, stages=37) + [
        f"{clock(end)} ERROR train_churn: stage 38 failed",
        "Traceback (most recent call last):",
        '  File "train_churn.py", line 88, in fit_stage',
        "    residuals = self._residuals(X, y, raw_predictions)",
        "MemoryError: Unable to allocate 1.91 GiB for an array with shape (256000000,) and data type float64",
    ]
    upload_files(client, run_id, {"logs/train.log": "\n".join(crash) + "\n"})
    finish_run(client, run_id, end, "FAILED")


def seed_churn_killed(client: MlflowClient, experiment_id: str, data: ChurnData, now: int) -> None:
    slow = train_churn(data, "gbm-d3-lr0.02-slow", "gradient_boosting", {**UNFINISHED, "learning_rate": 0.02})
    start = now - 3 * DAY + 16 * HOUR
    end = start + 11 * MINUTE
    run_id = create_churn_run(
        client, experiment_id, data, slow, start, ALAN, description="Killed by hand: far too slow for what it gains."
    )
    log_metrics(client, run_id, churn_metrics(slow, start, end, stages=64))
    finish_run(client, run_id, end, "KILLED")


def seed_churn_running(client: MlflowClient, experiment_id: str, data: ChurnData, now: int) -> None:
    """Tonight's retrain, still going: part of its curves, no final scores and no end time."""
    start = now - 25 * MINUTE
    name = f"nightly-retrain-{day_of(start)}"
    nightly = train_churn(data, name, "gradient_boosting", {**UNFINISHED, "learning_rate": 0.1})
    run_id = create_churn_run(client, experiment_id, data, nightly, start, RETRAIN_BOT)
    log_metrics(client, run_id, churn_metrics(nightly, start, now, stages=48))


# ── cost anomaly detector ──────────────────────────────────────────────────────────────────────

COST_FEATURES = [  # name, mean, scale
    ("daily_cost_usd", 4200, 650),
    ("cost_delta_pct", 0, 6),
    ("active_resources", 820, 90),
    ("cpu_hours", 15000, 2100),
    ("storage_gb", 52000, 3000),
    ("egress_gb", 1800, 400),
]
TOP_K = range(25, 301, 25)


@dataclass(eq=False)
class CostTrial:
    name: str
    params: dict
    model: IsolationForest
    scores: np.ndarray
    metrics: dict[str, float]
    precision_at_k: list[float]


def cost_data() -> tuple[pd.DataFrame, np.ndarray]:
    """Daily account usage with 3% labelled incidents, pushed 4-7σ out on one or two features."""
    rng = np.random.default_rng(11)
    rows, incidents = 3000, 90
    units = rng.normal(size=(rows, len(COST_FEATURES)))
    labels = np.zeros(rows, dtype=int)
    for row in rng.choice(rows, incidents, replace=False):
        columns = rng.choice(len(COST_FEATURES), rng.integers(1, 3), replace=False)
        units[row, columns] += rng.choice([-1, 1], len(columns)) * rng.uniform(4, 7, len(columns))
        labels[row] = 1
    frame = pd.DataFrame(
        {name: np.round(mean + scale * units[:, j], 2) for j, (name, mean, scale) in enumerate(COST_FEATURES)}
    )
    return frame, labels


def train_cost(x: pd.DataFrame, labels: np.ndarray, contamination: float, n_estimators: int) -> CostTrial:
    model = IsolationForest(n_estimators=n_estimators, contamination=contamination, random_state=11).fit(x)
    flagged = model.predict(x) == -1
    scores = -model.score_samples(x)  # higher = more anomalous
    ranking = np.argsort(-scores)
    metrics = {
        "precision": precision_score(labels, flagged, zero_division=0),
        "recall": recall_score(labels, flagged),
        "f1": f1_score(labels, flagged),
        "roc_auc": roc_auc_score(labels, scores),
        "anomalies_flagged": float(flagged.sum()),
    }
    params = {"n_estimators": n_estimators, "contamination": contamination, "max_samples": "auto", "window_days": 90}
    at_k = [float(labels[ranking[:k]].mean()) for k in TOP_K]
    return CostTrial(f"iforest-c{contamination}-n{n_estimators}", params, model, scores, metrics, at_k)


def cost_artifacts(trial: CostTrial, x: pd.DataFrame, labels: np.ndarray) -> dict[str, object]:
    top = np.argsort(-trial.scores)[:200]
    table = x.iloc[top].assign(anomaly_score=np.round(trial.scores[top], 4), labelled_incident=labels[top])
    return {
        "anomalies.csv": table.assign(day_index=top),
        "metrics.json": {"metrics": {k: round(v, 5) for k, v in trial.metrics.items()}, "params": trial.params},
    }


def seed_cost(client: MlflowClient, experiment_id: str, now: int) -> list[Candidate]:
    """20 IsolationForest runs, one a day; the best of each week logs a model for the registry."""
    x, labels = cost_data()
    trials = [train_cost(x, labels, c, n) for c in (0.01, 0.02, 0.03, 0.05, 0.08) for n in (50, 100, 150, 200)]
    weeks = ((0, 7), (7, 14), (14, len(trials)))
    weekly_best = {max(range(lo, hi), key=lambda i: trials[i].metrics["f1"]) for lo, hi in weeks}
    candidates = []
    for index, trial in enumerate(trials):
        start = now - (len(trials) - index) * DAY + 15 * HOUR
        end = start + (3 + index % 4) * MINUTE
        tags = run_tags(
            (GRACE, ALAN)[index // 5 % 2], "jobs/cost_anomaly/train.py", start,
            domain="cost", team="finops", model_type="isolation_forest",
            account=("prod-aws", "prod-gcp", "shared-azure")[index % 3],
        )
        run_id = create_run(client, experiment_id, trial.name, start, tags, trial.params)
        curve = series("precision_at_k", trial.precision_at_k, TOP_K, spread(start, end - MINUTE, len(TOP_K)))
        log_metrics(client, run_id, curve + finals(trial.metrics, end))
        if index in weekly_best:
            upload_files(client, run_id, cost_artifacts(trial, x, labels))
            model_id = log_sklearn_model(client, run_id, trial.model, x, trial.params)
            candidates.append(Candidate(trial.name, "isolation_forest", run_id, model_id, trial.metrics))
        finish_run(client, run_id, end)
    return candidates


# ── ETL data quality ───────────────────────────────────────────────────────────────────────────

ETL_DAYS = 21
NULL_INCIDENT_DAYS_AGO = 8  # an upstream rename nulled `plan_id` for four hours
REPLAY_DAYS_AGO = 16  # a replayed Kafka partition duplicated rows
ETL_NOTES = {
    NULL_INCIDENT_DAYS_AGO: "### Incident\n\n`null_fraction` jumped to ~15% for partitions 06-09: the "
    "billing service renamed `plan_id` upstream. Backfilled the next day; see `dq_report.json`.",
    REPLAY_DAYS_AGO: "Duplicate rows in partitions 11-12 after a replayed Kafka partition; deduplicated "
    "downstream.",
}


def etl_day(days_ago: int, weekday: int) -> dict[str, np.ndarray]:
    """One night's data-quality metrics per hourly partition (step = hour of the day)."""
    rng = np.random.default_rng(1000 + days_ago)
    hours = np.arange(24)
    daily = 52_000 * (0.8 if weekday >= 5 else 1.0)
    rows = daily * (1 + 0.35 * np.sin(2 * np.pi * (hours - 8) / 24)) * (1 + 0.02 * rng.normal(size=24))
    nulls = 0.002 + 0.001 * np.abs(rng.normal(size=24))
    duplicates = rng.poisson(3, 24).astype(float)
    freshness = 1.2 + 0.3 * np.abs(rng.normal(size=24))
    if days_ago == NULL_INCIDENT_DAYS_AGO:
        nulls[6:10] = 0.14 + 0.02 * rng.random(4)
        freshness[6:10] = [13.5, 14.2, 15.1, 15.8]
    if days_ago == REPLAY_DAYS_AGO:
        duplicates[11:13] = [912, 1377]
    return {
        "row_count": np.round(rows),
        "null_fraction": np.round(nulls, 5),
        "duplicate_rows": duplicates,
        "freshness_hours": np.round(freshness, 2),
    }


def etl_artifacts(day: dict[str, np.ndarray], date: str, start: int, end: int) -> dict[str, object]:
    failing = [int(hour) for hour in np.flatnonzero(day["null_fraction"] > 0.01)]
    log = []
    for hour, ms in enumerate(spread(start, end, 24)):
        line = (
            f"{clock(ms)} INFO  daily_features: partition {date}T{hour:02d} rows={int(day['row_count'][hour])} "
            f"null_fraction={day['null_fraction'][hour]:.4f} freshness_hours={day['freshness_hours'][hour]:.1f}"
        )
        log.append(line + ("  WARN expectation null_fraction <= 0.01 failed" if hour in failing else ""))
    return {
        "dq_report.json": {
            "partition_date": date,
            "status": "warn",
            "expectations": [
                {"name": "null_fraction <= 0.01", "column": "plan_id", "failed_partitions": failing},
                {"name": "freshness_hours <= 6", "failed_partitions": failing},
                {"name": "duplicate_rows <= 100", "failed_partitions": []},
            ],
        },
        "expectations.yaml": {
            "table": "features.daily_customer",
            "expectations": [
                {"column": "plan_id", "max_null_fraction": 0.01},
                {"metric": "freshness_hours", "max": 6},
                {"metric": "duplicate_rows", "max": 100},
            ],
        },
        "logs/etl.log": "\n".join(log) + "\n",
    }


def seed_etl(client: MlflowClient, experiment_id: str, now: int) -> None:
    """One run per night for the last three weeks, up to yesterday."""
    today = now - now % DAY
    params = {
        "source_table": "raw.billing_events",
        "target_table": "features.daily_customer",
        "spark_version": "3.5.1",
        "executors": 8,
    }
    for days_ago in range(ETL_DAYS, 0, -1):
        start = today - days_ago * DAY + 2 * HOUR + (days_ago * 7 % 5) * MINUTE
        end = start + (18 + days_ago % 9) * MINUTE
        date = day_of(start)
        day = etl_day(days_ago, time.gmtime(start / 1000).tm_wday)
        status = "warn" if days_ago in ETL_NOTES else "pass"
        tags = run_tags(
            ETL_BOT, "jobs/daily_features.py", start,
            domain="etl", team="data-platform", pipeline="daily_features", dq_status=status,
        )
        run_id = create_run(
            client, experiment_id, f"daily_features_{date}", start, tags,
            {"partition_date": date, **params}, description=ETL_NOTES.get(days_ago),
        )
        stamps = spread(start, end, 24)
        points = [point for key, values in day.items() for point in series(key, values, range(24), stamps)]
        log_metrics(client, run_id, points + finals({"total_rows": day["row_count"].sum()}, end))
        if days_ago == NULL_INCIDENT_DAYS_AGO:
            upload_files(client, run_id, etl_artifacts(day, date, start, end))
        finish_run(client, run_id, end)


# ── deep learning ──────────────────────────────────────────────────────────────────────────────

LONG_STEPS = 200_000
# Where the long run's train/loss jumps by 10σ (corrupt shards) and where it is NaN (bf16 overflow,
# update skipped). Fixed, so that tests and benchmarks can check that every one of them is drawn.
SPIKE_STEPS = (
    6_317, 14_902, 23_488, 31_045, 38_771, 47_203, 55_619, 63_084, 71_950, 80_337,
    88_612, 97_159, 104_826, 113_390, 121_747, 130_268, 139_514, 148_033, 166_891, 187_452,
)
NAN_STEPS = (42_117, 118_064, 173_330)

# name, architecture, peak learning rate, loss floor, steps
SWEEP = [
    ("resnet18-lr1e-3", "resnet18", 1e-3, 0.42, 10_000),
    ("resnet50-lr1e-3", "resnet50", 1e-3, 0.33, 10_000),
    ("resnet50-lr1e-4", "resnet50", 1e-4, 0.38, 10_000),
    ("resnet50-lr3e-5", "resnet50", 3e-5, 0.55, 10_000),
]
LONG_RUN = ("resnet50-lr3e-4-long", "resnet50", 3e-4, 0.21, LONG_STEPS)
LONG_NOTE = (
    "## Long fine-tune\n\n"
    f"{LONG_STEPS:,} steps, `train/loss` logged at every step. It spikes (+10σ) at {len(SPIKE_STEPS)} "
    "steps where the loader served corrupt shards, and is `NaN` at "
    + ", ".join(f"{step:,}" for step in NAN_STEPS)
    + " (bf16 overflow, update skipped). The spike steps are listed in `summary.json`."
)


def dl_curves(total: int, peak_lr: float, floor: float, seed: int, spikes=(), nans=()) -> dict[str, tuple]:
    """Training curves as {key: (steps, values)}: a noisy decaying loss at every step, the rest sparser."""
    rng = np.random.default_rng(seed)
    steps = np.arange(total)
    trend = floor + 1.9 * np.exp(-steps / (total / 6)) + 0.5 * np.exp(-steps / (total / 80))
    sigma = 0.02 + 0.06 * np.exp(-steps / (total / 4))
    loss = trend + sigma * rng.normal(size=total)
    spikes, nans = list(spikes), list(nans)
    loss[spikes] = trend[spikes] + 10 * sigma[spikes]
    loss[nans] = np.nan
    val_steps = np.arange(0, total, max(250, total // 400))
    val_loss = trend[val_steps] + 0.08 + 0.015 * rng.normal(size=len(val_steps))
    accuracy = np.clip(0.97 - 0.3 * (trend[val_steps] - 0.15) + 0.004 * rng.normal(size=len(val_steps)), 0, 1)
    lr_steps = np.arange(0, total, 100)
    warmup = total * 0.02
    cosine = 0.5 * (1 + np.cos(np.pi * (lr_steps - warmup) / (total - warmup)))
    lr = peak_lr * np.where(lr_steps < warmup, lr_steps / warmup, cosine)
    return {
        "train/loss": (steps, loss),
        "val/loss": (val_steps, val_loss),
        "val/accuracy": (val_steps, accuracy),
        "lr": (lr_steps, lr),
    }


def seed_dl_run(
    client: MlflowClient, experiment_id: str, spec: tuple, start_ms: int, ms_per_step: int, seed: int, **marks
) -> tuple[str, dict]:
    """Creates a training run and logs its curves; `marks` are dl_curves' spikes and nans."""
    name, arch, peak_lr, floor, total = spec
    curves = dl_curves(total, peak_lr, floor, seed, **marks)
    tags = run_tags(
        ADA, "train/finetune.py", start_ms, domain="vision", team="perception", model_type=arch, gpu="8xA100"
    )
    params = {
        "arch": arch,
        "lr": peak_lr,
        "max_steps": total,
        "batch_size": 256,
        "optimizer": "adamw",
        "weight_decay": 0.05,
        "lr_schedule": "cosine, 2% warmup",
        "image_size": 224,
        "mixed_precision": "bf16",
        "pretrained": "imagenet1k_v2",
    }
    description = LONG_NOTE if total == LONG_STEPS else None
    run_id = create_run(client, experiment_id, name, start_ms, tags, params, description=description)
    points = []
    for key, (steps, values) in curves.items():
        points += series(key, values, steps, start_ms + steps * ms_per_step)
    log_metrics(client, run_id, points)
    return run_id, curves


def seed_resnet_sweep(client: MlflowClient, experiment_id: str, now: int) -> None:
    ms_per_step = 95
    for index, spec in enumerate(SWEEP):
        start = now - (8 - index) * DAY + 9 * HOUR
        run_id, _ = seed_dl_run(client, experiment_id, spec, start, ms_per_step, seed=300 + index)
        finish_run(client, run_id, start + spec[4] * ms_per_step + MINUTE)


def seed_resnet_long(client: MlflowClient, experiment_id: str, now: int) -> None:
    start = now - 4 * DAY + 3 * HOUR
    ms_per_step = 110
    run_id, curves = seed_dl_run(
        client, experiment_id, LONG_RUN, start, ms_per_step, 404, spikes=SPIKE_STEPS, nans=NAN_STEPS
    )
    upload_files(client, run_id, resnet_artifacts(curves, start, ms_per_step))
    finish_run(client, run_id, start + LONG_STEPS * ms_per_step + 2 * MINUTE)


def resnet_log(curves: dict[str, tuple], start: int, ms_per_step: int) -> list[str]:
    """One line per validation, plus a warning at each spike and NaN, in time order."""
    _, loss = curves["train/loss"]
    val_steps, val_loss = curves["val/loss"]
    _, accuracy = curves["val/accuracy"]
    lr_steps, lr = curves["lr"]

    def at(step: int) -> str:
        return clock(start + int(step) * ms_per_step)

    log = [
        f"{at(step)} INFO  step={step:6d} train_loss={np.nanmean(loss[step:step + 500]):.4f} "
        f"val_loss={value:.4f} val_acc={acc:.4f} lr={lr[np.searchsorted(lr_steps, step)]:.3e}"
        for step, value, acc in zip(val_steps, val_loss, accuracy)
    ]
    log += [f"{at(step)} WARN  loss spike {loss[step]:.3f} at step={step} (bad shard)" for step in SPIKE_STEPS]
    log += [f"{at(step)} WARN  non-finite loss at step={step}; update skipped" for step in NAN_STEPS]
    return sorted(log)  # every line starts with its timestamp


def resnet_artifacts(curves: dict[str, tuple], start: int, ms_per_step: int) -> dict[str, object]:
    val_steps, val_loss = curves["val/loss"]
    _, accuracy = curves["val/accuracy"]
    plot = line_figure(
        "resnet50 fine-tune", "step", "loss", {key: curves[key] for key in ("train/loss", "val/loss")}, logy=True
    )
    best = int(np.argmin(val_loss))
    return {
        "plots/loss_curve.png": plot,
        "config.yaml": {
            "model": {"arch": "resnet50", "pretrained": "imagenet1k_v2", "num_classes": 10},
            "optim": {"name": "adamw", "lr": LONG_RUN[2], "weight_decay": 0.05, "schedule": "cosine", "warmup": 0.02},
            "data": {"dataset": "product-photos-v3", "image_size": 224, "batch_size": 256, "workers": 16},
            "trainer": {"max_steps": LONG_STEPS, "precision": "bf16", "val_every": int(val_steps[1])},
        },
        "logs/train.log": "\n".join(resnet_log(curves, start, ms_per_step)) + "\n",
        "summary.json": {
            "steps": LONG_STEPS,
            "best_val_loss": {"step": int(val_steps[best]), "value": round(float(val_loss[best]), 5)},
            "final_val_accuracy": round(float(accuracy[-1]), 5),
            "spike_steps": list(SPIKE_STEPS),
            "nan_steps": list(NAN_STEPS),
        },
    }


# ── model registry ─────────────────────────────────────────────────────────────────────────────


def register(client: MlflowClient, model: str, candidate: Candidate, description: str, tags: dict) -> str:
    """Registers a candidate's model and returns the new version number.

    Churn versions point at the MLflow 3 logged model (`models:/m-…`); cost versions at the `model/`
    folder in the run's artifacts, the 2.x way. The UI has to show both.
    """
    if model == CHURN_MODEL:
        source, model_id = f"models:/{candidate.model_id}", candidate.model_id
    else:
        source, model_id = client.get_run(candidate.run_id).info.artifact_uri + "/model", None
    version = client.create_model_version(
        model, source, run_id=candidate.run_id, tags=tags, description=description, model_id=model_id
    )
    return version.version


def version_tags(candidate: Candidate, metric: str, status: str) -> dict[str, str]:
    return {"validation_status": status, metric: f"{candidate.metrics[metric]:.4f}", "source_run": candidate.name}


def seed_churn_registry(client: MlflowClient, forest: Candidate, grid: list[Candidate], retrain: Candidate) -> None:
    """Four versions: the forest (retired), a rejected regression, the champion and a challenger
    (the retrain on feature set v2, whose signature retypes one input)."""
    logreg = next(c for c in grid if c.kind == "logistic_regression")
    first = next(c for c in grid if c.kind == "gradient_boosting")
    client.create_registered_model(
        CHURN_MODEL,
        tags={"team": "growth-ds", "domain": "churn", "task": "binary-classification"},
        description="# Churn classifier\n\nScores every active subscriber nightly; the batch scorer loads "
        "the `champion` alias. Promote a `challenger` only when it beats the champion's `roc_auc`.",
    )
    versions = [
        register(client, CHURN_MODEL, candidate, text, version_tags(candidate, "roc_auc", status))
        for candidate, text, status in (
            (forest, "Random-forest baseline, the first model in production.", "approved"),
            (logreg, "Best **logistic regression** of the grid: simple, but loses on `roc_auc`.", "rejected"),
            (first, f"Best of the grid search (`{first.name}`).", "approved"),
            (retrain, f"Retrain on feature set v2 (`{retrain.name}`), in shadow: `tenure_months` is an integer now.", "pending"),
        )
    ]
    for version, stage in zip(versions, ("Production", "Staging", "Staging", "Staging")):
        client.transition_model_version_stage(CHURN_MODEL, version, stage)
    client.transition_model_version_stage(CHURN_MODEL, versions[1], "Archived")
    # Promoting the grid's best retires the forest.
    client.transition_model_version_stage(CHURN_MODEL, versions[2], "Production", archive_existing_versions=True)
    client.set_registered_model_alias(CHURN_MODEL, "champion", versions[2])
    client.set_registered_model_alias(CHURN_MODEL, "challenger", versions[3])


def seed_cost_registry(client: MlflowClient, weekly: list[Candidate]) -> None:
    """Three weekly versions: the first retired by the second (champion), the third a challenger."""
    client.create_registered_model(
        COST_MODEL,
        tags={"team": "finops", "domain": "cost", "task": "anomaly-detection"},
        description="# Cost anomaly detector\n\nIsolationForest over daily account usage. Alerts go to "
        "`#finops-alerts` when the `champion` flags a day.",
    )
    first, second, third = (
        register(client, COST_MODEL, candidate, f"Best `f1` of week {week}.", version_tags(candidate, "f1", status))
        for week, (candidate, status) in enumerate(zip(weekly, ("approved", "approved", "pending")), start=1)
    )
    client.transition_model_version_stage(COST_MODEL, first, "Production")
    client.transition_model_version_stage(COST_MODEL, second, "Production", archive_existing_versions=True)
    client.transition_model_version_stage(COST_MODEL, third, "Staging")
    client.set_registered_model_alias(COST_MODEL, "champion", second)
    client.set_registered_model_alias(COST_MODEL, "challenger", third)


def exit_on_interrupt() -> None:
    """Makes Ctrl-C end the seed at once.

    A KeyboardInterrupt would wait for the background thread to finish logging the long run, tens
    of seconds. What is logged so far stays behind, and the start script starts it over.
    """

    def stop(_signum, _frame) -> None:
        print("seed: interrupted", file=sys.stderr, flush=True)
        os._exit(130)

    signal.signal(signal.SIGINT, stop)


# ── main ───────────────────────────────────────────────────────────────────────────────────────


def main() -> None:
    started = time.monotonic()
    exit_on_interrupt()
    quiet_mlflow()
    args = parse_args("Seed a running MLflow server with the Parallax demo (once per data directory).")
    client = connect(args.tracking_uri)
    require_absent(client, [name for name, _, _ in EXPERIMENTS.values()], (CHURN_MODEL, COST_MODEL))
    now = now_ms()
    progress = Progress(9)

    progress.step(f"{len(EXPERIMENTS)} experiments")
    ids = {key: create_experiment(client, name, text, tags) for key, (name, tags, text) in EXPERIMENTS.items()}
    # The long run is mostly the server writing 200,000 rows and the rest mostly this process
    # training models: the two overlap.
    with ThreadPoolExecutor(max_workers=1) as background:
        progress.step(f"resnet long run ({LONG_STEPS:,} steps, {len(SPIKE_STEPS)} loss spikes), in the background")
        long_run = background.submit(seed_resnet_long, client, ids["resnet"], now)
        data = churn_data()
        progress.step("churn baselines (3 runs)")
        forest = seed_churn_baselines(client, ids["churn"], data, now)
        progress.step(f"churn grid search ({len(GRID)} nested runs) and a retrain on feature set v2")
        grid = seed_churn_grid(client, ids["churn"], data, now)
        best = next(c for c in grid if c.kind == "gradient_boosting")
        retrain = seed_churn_retrain(client, ids["churn"], data, now, best)
        progress.step("churn runs that failed, were killed or are still running (3 runs)")
        for seed_unfinished in (seed_churn_failed, seed_churn_killed, seed_churn_running):
            seed_unfinished(client, ids["churn"], data, now)
        progress.step("cost anomaly detector (20 runs)")
        weekly = seed_cost(client, ids["cost"], now)
        progress.step(f"ETL daily features ({ETL_DAYS} runs)")
        seed_etl(client, ids["etl"], now)
        progress.step(f"resnet learning-rate sweep ({len(SWEEP)} runs of 10,000 steps)")
        seed_resnet_sweep(client, ids["resnet"], now)
        progress.step("model registry (2 models, 7 versions)")
        seed_churn_registry(client, forest, grid, retrain)
        seed_cost_registry(client, weekly)
        if not long_run.done():
            say("waiting for the resnet long run…")
        long_run.result()

    runs = len(client.search_runs(list(ids.values()), max_results=1000))
    say(f"done in {time.monotonic() - started:.1f}s — {len(ids)} experiments, {runs} runs, 2 models")


if __name__ == "__main__":
    run_main(main)
