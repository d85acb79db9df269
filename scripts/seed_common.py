"""Plumbing shared by the seed scripts: a quiet MLflow client, the CLI, progress lines, fast logging."""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
import tempfile
import time
import traceback
import urllib.error
import urllib.request
import warnings
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Callable, Iterable, Sequence

import mlflow
import mlflow.artifacts
import mlflow.sklearn
import pandas as pd
import sklearn
import yaml
from matplotlib.figure import Figure
from mlflow import MlflowClient
from mlflow.data.dataset import Dataset
from mlflow.entities import DatasetInput, InputTag, Metric, Param
from mlflow.exceptions import MlflowException
from mlflow.models import infer_signature
from mlflow.utils.mlflow_tags import MLFLOW_DATASET_CONTEXT

# The server rejects a log-batch request with more than 1000 metrics.
BATCH_LIMIT = 1000

# Pinned so that log_model does not spend seconds inferring requirements from imports.
PIP_REQUIREMENTS = [f"mlflow=={mlflow.__version__}", f"scikit-learn=={sklearn.__version__}"]

# log_model checks that a model saved with skops (the default format) loads back, and skops refuses
# the node arrays of trees unless they are declared trusted. These models are our own.
SKOPS_TRUSTED_TYPES = ["sklearn.tree._tree.Tree"]


class SeedError(Exception):
    """A failure whose message is meant for the person running the seed (no traceback)."""


def say(message: str) -> None:
    # Flushed at once: the start script relays these lines while the seed is still running.
    print(f"seed: {message}", flush=True)


class Progress:
    """Prints `seed: [3/8] label…` lines, one per step of a known number of steps."""

    def __init__(self, total: int) -> None:
        self.total = total
        self.done = 0

    def step(self, label: str) -> None:
        self.done += 1
        say(f"[{self.done}/{self.total}] {label}…")


def quiet_mlflow() -> None:
    """Keeps stdout to our progress lines: no URLs, model-logging chatter, warnings or git noise."""
    # Synchronous logging, so that an error surfaces at the call that caused it.
    os.environ["MLFLOW_ENABLE_ASYNC_LOGGING"] = "false"
    os.environ["MLFLOW_SUPPRESS_PRINTING_URL_TO_STDOUT"] = "true"
    # GitPython is imported lazily and complains when there is no git executable or repository.
    os.environ["GIT_PYTHON_REFRESH"] = "quiet"
    # Stage APIs are deprecated (FutureWarning) and scikit-learn warns about convergence; neither
    # is news to the person seeding a demo.
    warnings.filterwarnings("ignore")
    logging.getLogger("mlflow").setLevel(logging.ERROR)


def parse_args(description: str, add_arguments: Callable[[argparse.ArgumentParser], None] | None = None):
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument(
        "--tracking-uri",
        default=os.environ.get("MLFLOW_TRACKING_URI"),
        help="MLflow tracking server URL (default: $MLFLOW_TRACKING_URI)",
    )
    if add_arguments:
        add_arguments(parser)
    args = parser.parse_args()
    if not args.tracking_uri:
        parser.error("no tracking server: pass --tracking-uri URL or set MLFLOW_TRACKING_URI")
    return args


def connect(tracking_uri: str) -> MlflowClient:
    """Points both the fluent API and a client at the server, failing fast if it is not up."""
    if tracking_uri.startswith(("http://", "https://")):
        # The client retries with back-off for a long while before giving up on a dead server;
        # one probe up front says clearly what is wrong.
        health = tracking_uri.rstrip("/") + "/health"
        try:
            with urllib.request.urlopen(health, timeout=10) as response:
                response.read()
        except (urllib.error.URLError, OSError) as error:
            raise SeedError(f"MLflow server at {tracking_uri} is not reachable ({error})") from error
    mlflow.set_tracking_uri(tracking_uri)
    mlflow.set_registry_uri(tracking_uri)
    return MlflowClient(tracking_uri=tracking_uri, registry_uri=tracking_uri)


def require_absent(client: MlflowClient, experiments: Iterable[str], models: Iterable[str] = ()) -> None:
    """Refuses to seed twice: the caller seeds a data directory once; a second run would duplicate."""
    for name in experiments:
        # Deleted experiments are returned too, and their names are still taken.
        if client.get_experiment_by_name(name) is not None:
            raise SeedError(f"experiment {name!r} already exists: this server is already seeded")
    for name in models:
        if client.search_registered_models(filter_string=f"name = '{name}'"):
            raise SeedError(f"registered model {name!r} already exists: this server is already seeded")


def create_experiment(client: MlflowClient, name: str, description: str, tags: dict[str, str]) -> str:
    return client.create_experiment(name, tags={**tags, "mlflow.note.content": description})


def create_run(
    client: MlflowClient,
    experiment_id: str,
    name: str,
    start_ms: int,
    tags: dict[str, str],
    params: dict[str, object] | None = None,
    parent_id: str | None = None,
    description: str | None = None,
) -> str:
    """Creates a RUNNING run started at `start_ms`, with its tags and params; returns its id."""
    all_tags = dict(tags)
    if parent_id:
        all_tags["mlflow.parentRunId"] = parent_id
    if description:
        all_tags["mlflow.note.content"] = description
    run = client.create_run(experiment_id, start_time=start_ms, tags=all_tags, run_name=name)
    if params:
        client.log_batch(run.info.run_id, params=[Param(key, str(value)) for key, value in params.items()])
    return run.info.run_id


def now_ms() -> int:
    return int(time.time() * 1000)


def finish_run(client: MlflowClient, run_id: str, end_ms: int, status: str = "FINISHED") -> None:
    client.set_terminated(run_id, status=status, end_time=end_ms)


def series(key: str, values: Sequence[float], steps: Sequence[int], timestamps: Sequence[int]) -> list[Metric]:
    """One metric's points; values, steps and timestamps are parallel sequences."""
    return [Metric(key, float(v), int(t), int(s)) for v, s, t in zip(values, steps, timestamps)]


def log_metrics(client: MlflowClient, run_id: str, metrics: list[Metric], workers: int = 4) -> None:
    """Logs any number of metric points in log-batch requests of 1000, several at a time.

    The server updates a run's latest value per key by reading the stored one and then writing, so
    two concurrent batches can race and leave an older point as "latest". The last point of every
    key is therefore held back and logged alone, after all the other batches have landed.
    """
    if len(metrics) <= BATCH_LIMIT:
        if metrics:
            client.log_batch(run_id, metrics=metrics)
        return
    last: dict[str, Metric] = {}
    for metric in metrics:
        held = last.get(metric.key)
        if held is None or (metric.step, metric.timestamp) >= (held.step, held.timestamp):
            last[metric.key] = metric
    tail = list(last.values())
    tail_ids = {id(metric) for metric in tail}
    body = [metric for metric in metrics if id(metric) not in tail_ids]
    chunks = [body[i : i + BATCH_LIMIT] for i in range(0, len(body), BATCH_LIMIT)]
    with ThreadPoolExecutor(max_workers=workers) as pool:
        # list() re-raises the first failed batch here.
        list(pool.map(lambda chunk: client.log_batch(run_id, metrics=chunk), chunks))
    for i in range(0, len(tail), BATCH_LIMIT):
        client.log_batch(run_id, metrics=tail[i : i + BATCH_LIMIT])


def log_datasets(client: MlflowClient, run_id: str, datasets: dict[str, Dataset]) -> None:
    """Logs {context: dataset} as the run's dataset inputs, what mlflow.log_input(dataset, context)
    sends, in one request. Through the client: mlflow.log_input needs the run active, and resuming it
    through the fluent API would end it now instead of at its seeded end time."""
    inputs = [
        DatasetInput(dataset._to_mlflow_entity(), [InputTag(MLFLOW_DATASET_CONTEXT, context)])
        for context, dataset in datasets.items()
    ]
    client.log_inputs(run_id, datasets=inputs)


def upload_files(client: MlflowClient, run_id: str, files: dict[str, object]) -> None:
    """Writes {relative path: content} to a temp dir and logs it as the run's artifacts.

    Content is text, bytes, a DataFrame (CSV), a matplotlib figure (PNG), or a dict or list: JSON for
    `.json` paths, YAML for `.yaml`.
    """
    with tempfile.TemporaryDirectory() as tmp:
        for relative, content in files.items():
            path = Path(tmp, relative)
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(content, pd.DataFrame):
                content.to_csv(path, index=False)
            elif isinstance(content, Figure):
                content.savefig(path, dpi=110, bbox_inches="tight")
            elif relative.endswith(".json"):
                path.write_text(json.dumps(content, indent=2) + "\n")
            elif relative.endswith(".yaml"):
                path.write_text(yaml.safe_dump(content, sort_keys=False))
            elif isinstance(content, bytes):
                path.write_bytes(content)
            else:
                path.write_text(str(content))
        client.log_artifacts(run_id, tmp)


def log_sklearn_model(client: MlflowClient, run_id: str, model, sample: pd.DataFrame, params: dict) -> str:
    """Logs a real scikit-learn model to the run and returns its logged-model id.

    MLflow 3 stores the model under the logged model (`models/m-…`), not in the run's artifact tree,
    and the UI browses run artifacts: the same files are copied to the run's `model/` as well.
    Resuming the run through the fluent API ends it as FINISHED now: call finish_run afterwards.
    """
    with mlflow.start_run(run_id=run_id):
        info = mlflow.sklearn.log_model(
            model,
            name="model",
            signature=infer_signature(sample, model.predict(sample)),
            input_example=sample.head(5),
            pip_requirements=PIP_REQUIREMENTS,
            skops_trusted_types=SKOPS_TRUSTED_TYPES,
            params={key: str(value) for key, value in params.items()},
        )
    location = client.get_logged_model(info.model_id).artifact_location
    with tempfile.TemporaryDirectory() as tmp:
        local = mlflow.artifacts.download_artifacts(artifact_uri=location, dst_path=tmp)
        client.log_artifacts(run_id, local, "model")
    return info.model_id


def run_main(main: Callable[[], None]) -> None:
    """Runs a seed's main(): exits 1 with one clear line on a known failure, a traceback otherwise."""
    try:
        main()
    except KeyboardInterrupt:
        print("seed: interrupted", file=sys.stderr, flush=True)
        sys.exit(130)
    except (SeedError, MlflowException) as error:
        print(f"seed: error: {error}", file=sys.stderr, flush=True)
        sys.exit(1)
    except Exception as error:  # noqa: BLE001 -- anything else is a bug in the seed; show where
        traceback.print_exc()
        print(f"seed: error: {type(error).__name__}: {error}", file=sys.stderr, flush=True)
        sys.exit(1)

