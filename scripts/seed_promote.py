"""The promotion view's fixtures: two runs, each with a real logged scikit-learn model, whose
signatures differ in one input's type.

- `/Shared/e2e/promote`: `promote-champion` (params `C` 1.0, `feature_set` v1; `loss` over 20 steps
  ending at 0.4, `accuracy` 0.8) and `promote-candidate` (`C` 0.3, `feature_set` v2; `loss` ending
  at 0.3, `accuracy` 0.85). Both models take `tenure_months` and `monthly_charges`; the champion's
  `tenure_months` is a float column (MLflow: double), the candidate's an integer one (long).

Nothing is registered: each test registers versions of its own from these logged models (one by
its `models:/m-…` URI, one by the run's `model/` folder, the two ways a version points at its
files), so that a Promote changes nothing another test reads. seed_e2e.py puts what seed_promote
returns under the manifest's `experiments.promote` (e2e/support/manifest.ts: SeededPromote), with
each signature as MLflow itself reads it back.
"""

from __future__ import annotations

import math

import mlflow.models
import numpy as np
import pandas as pd
from mlflow import MlflowClient
from mlflow.entities import Metric
from seed_common import create_experiment, create_run, finish_run, log_metrics, log_sklearn_model, series
from sklearn.linear_model import LogisticRegression

PROMOTE_EXPERIMENT = "/Shared/e2e/promote"
STEPS = 20
RUNS = {
    "champion": {
        "name": "promote-champion",
        "params": {"C": 1.0, "feature_set": "v1"},
        "loss": 0.4,
        "accuracy": 0.8,
        "tenure_dtype": "float64",
    },
    "candidate": {
        "name": "promote-candidate",
        "params": {"C": 0.3, "feature_set": "v2"},
        "loss": 0.3,
        "accuracy": 0.85,
        "tenure_dtype": "int64",
    },
}


def loss_curve(final: float) -> list[float]:
    """Decreases to exactly `final` at the last step."""
    last = STEPS - 1
    return [round(final + 0.8 * (math.exp(-step / 5) - math.exp(-last / 5)), 6) for step in range(STEPS)]


def seed_promote(client: MlflowClient, base_ms: int, user: str) -> dict:
    experiment_id = create_experiment(
        client, PROMOTE_EXPERIMENT, "End-to-end fixture (promote); read-only.", {"purpose": "e2e"}
    )
    out: dict = {"id": experiment_id, "name": PROMOTE_EXPERIMENT, "run_ids": []}
    for index, (role, spec) in enumerate(RUNS.items()):
        start = base_ms + index * 60_000
        end = start + 30_000
        run_id = create_run(client, experiment_id, spec["name"], start, {"mlflow.user": user}, spec["params"])
        stamps = range(start, start + STEPS * 500, 500)
        log_metrics(
            client,
            run_id,
            series("loss", loss_curve(spec["loss"]), range(STEPS), stamps) + [Metric("accuracy", spec["accuracy"], end, 0)],
        )
        x = pd.DataFrame(
            {
                "tenure_months": np.arange(STEPS).astype(spec["tenure_dtype"]),
                "monthly_charges": np.linspace(20, 120, STEPS),
            }
        )
        model = LogisticRegression(C=spec["params"]["C"]).fit(x, np.arange(STEPS) % 2)
        model_id = log_sklearn_model(client, run_id, model, x, spec["params"])
        finish_run(client, run_id, end)
        # What MLflow itself reads back: the tests expect these, not what Parallax parses.
        signature = mlflow.models.get_model_info(f"models:/{model_id}").signature
        out["run_ids"].append(run_id)
        out[role] = {
            "run_id": run_id,
            "run_name": spec["name"],
            "model_id": model_id,
            "params": {key: str(value) for key, value in spec["params"].items()},
            "metrics": {"loss": spec["loss"], "accuracy": spec["accuracy"]},
            "inputs": signature.inputs.to_dict(),
            "outputs": signature.outputs.to_dict(),
        }
    return out
