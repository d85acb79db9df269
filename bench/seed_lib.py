"""Shared plumbing for the benchmark seeds: an in-process MLflow client on a SQLite file, progress lines.

Seeding goes through the real `MlflowClient` (SqlAlchemyStore behind `sqlite:///…`), which is much
faster than REST and writes exactly what a real server would read back.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import time
import warnings
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Callable, Sequence

BATCH_LIMIT = 1000  # the server's own cap on metrics per log_batch call


def say(message: str) -> None:
    print(f"seed: {message}", flush=True)


def args() -> argparse.Namespace:
    p = argparse.ArgumentParser()
    p.add_argument("--dir", required=True, help="cache dir: mlflow.db, artifacts/ and meta.json go here")
    p.add_argument("--scale", type=float, default=1.0, help="fraction of the full size (smoke runs)")
    return p.parse_args()


def connect(data_dir: str):
    warnings.filterwarnings("ignore")
    logging.getLogger("mlflow").setLevel(logging.ERROR)
    logging.getLogger("alembic").setLevel(logging.ERROR)
    os.environ.setdefault("MLFLOW_ENABLE_ASYNC_LOGGING", "false")
    from mlflow import MlflowClient
    from sqlalchemy import event
    from sqlalchemy.engine import Engine

    # Seeding only: no fsync per commit and a WAL journal. The rows are the ones MLflow's own store
    # writes; only the durability of this one-off write changes (the cache is rebuilt if it breaks).
    @event.listens_for(Engine, "connect")
    def _fast_sqlite(dbapi_conn, _record):  # noqa: ANN001
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA synchronous=OFF")
        cur.execute("PRAGMA journal_mode=WAL")
        cur.close()

    Path(data_dir, "artifacts").mkdir(parents=True, exist_ok=True)
    uri = f"sqlite:///{Path(data_dir, 'mlflow.db')}"
    return MlflowClient(tracking_uri=uri, registry_uri=uri)


def create_experiment(client, data_dir: str, name: str) -> str:
    return client.create_experiment(name, artifact_location=f"mlflow-artifacts:/{name}")


def retry(fn, attempts: int = 20):
    """Calls fn again while SQLite says "database is locked" (concurrent writers), backing off."""
    for attempt in range(attempts):
        try:
            return fn()
        except Exception as e:  # SQLite "database is locked" under concurrent writers: retry
            if "locked" not in str(e) or attempt == attempts - 1:
                raise
            time.sleep(0.05 * (attempt + 1))


def log_series(client, run_id: str, key: str, steps: Sequence[int], values: Sequence[float], t0: int,
               workers: int = 3, on_chunk: Callable[[int], None] | None = None) -> None:
    """Logs one metric series in batches of 1000 through a few threads (SQLite serialises the writes)."""
    from mlflow.entities import Metric

    chunks = []
    for i in range(0, len(steps), BATCH_LIMIT):
        chunks.append([Metric(key, float(values[j]), t0 + int(steps[j]) * 10, int(steps[j]))
                       for j in range(i, min(i + BATCH_LIMIT, len(steps)))])

    def send(chunk):
        retry(lambda: client.log_batch(run_id, metrics=chunk), attempts=8)
        if on_chunk:
            on_chunk(len(chunk))

    with ThreadPoolExecutor(workers) as pool:
        list(pool.map(send, chunks))


def write_meta(data_dir: str, meta: dict) -> None:
    Path(data_dir, "meta.json").write_text(json.dumps(meta, indent=1))


class Ticker:
    """Prints progress at most every 2 s."""

    def __init__(self, label: str, total: int) -> None:
        self.label, self.total, self.done, self.t0, self.last = label, total, 0, time.time(), 0.0

    def add(self, n: int) -> None:
        self.done += n
        now = time.time()
        if now - self.last > 2 or self.done >= self.total:
            self.last = now
            say(f"{self.label}: {self.done:,}/{self.total:,} ({now - self.t0:.0f}s)")
