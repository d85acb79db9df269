#!/usr/bin/env python3
"""Seeds the read-only fixtures the end-to-end tests read, and writes their ids to a manifest.

    seed_e2e.py --tracking-uri http://127.0.0.1:5991 --manifest /tmp/parallax-e2e/manifest.json

- `/Shared/e2e/churn`: 12 runs `run-01`…`run-12` with params `C`, `max_depth`, metrics `accuracy`,
  `f1` and `loss` (50 steps, decreasing), tag `domain` = churn or cost. `run-09` is a parent whose
  children are `run-10`…`run-12`; `run-05`'s description holds a literal `<script>`; `run-07` is
  named `run-07 <b>bold</b>`; `run-01` carries one artifact of every previewable kind and a model.
- `/Shared/e2e/empty`: no runs.
- `/Shared/e2e/paging`: 150 runs `page-001`…`page-150`, one param `p` and one metric `m`.
- `/Shared/e2e/compare-a` and `/Shared/e2e/compare-b`: runs for the compare page, which differ in
  known ways (seed_compare.py).
- `/Shared/e2e/promote`: two runs with logged models whose signatures differ, for the promotion
  view (seed_promote.py).
- `/Shared/e2e/register`: run `register-source` with a real scikit-learn model (an MLflow 3 logged
  model, its files also in the run's `model/` folder), which the register tests register.

Everything is deterministic, times included (a fixed base date), so tests may assert exact values;
the manifest also lists each churn run's values. Tests that change data make their own experiments.
"""

from __future__ import annotations

import json
import math
import os
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import mlflow
import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from mlflow import MlflowClient
from mlflow.entities import Metric, Param
from seed_compare import COMPARE_EXPERIMENTS, seed_compare
from seed_promote import seed_promote
from seed_common import (
    Progress,
    connect,
    create_experiment,
    create_run,
    finish_run,
    log_metrics,
    log_sklearn_model,
    parse_args,
    quiet_mlflow,
    require_absent,
    run_main,
    say,
    series,
    upload_files,
)
from sklearn.linear_model import LogisticRegression

BASE_MS = 1_736_931_600_000  # 2025-01-15T09:00:00Z
USER = "e2e@example.com"
EXPERIMENTS = {
    "churn": "/Shared/e2e/churn",
    "empty": "/Shared/e2e/empty",
    "paging": "/Shared/e2e/paging",
    "charts": "/Shared/e2e/charts",
}
CHURN_RUNS = 12
PARENT, CHILDREN = 9, (10, 11, 12)
XSS_RUN, BOLD_RUN, ARTIFACT_RUN = 5, 7, 1
LOSS_STEPS = 50
PAGING_RUNS = 150
XSS_DESCRIPTION = (
    "Notes with markup that must stay text: <script>window.__xss=1</script>\n\n"
    "**bold markdown** is fine."
)


def churn_values(i: int) -> dict:
    """Run i's name, tags, params and metrics. Multipliers coprime with 12 permute the values, so
    that sorting by a metric gives an order different from the creation order."""
    name = f"run-{i:02d}" + (" <b>bold</b>" if i == BOLD_RUN else "")
    accuracy = round(0.70 + 0.02 * (5 * i % CHURN_RUNS), 4)
    final_loss = round(1 - accuracy, 4)
    return {
        "name": name,
        "domain": "cost" if i % 3 == 0 else "churn",
        "params": {"C": (0.01, 0.1, 1.0, 10.0)[(i - 1) % 4], "max_depth": (2, 4, 6)[(i - 1) % 3]},
        "metrics": {"accuracy": accuracy, "f1": round(0.60 + 0.025 * (7 * i % CHURN_RUNS), 4), "loss": final_loss},
    }


def loss_curve(final: float) -> list[float]:
    """Decreases from about final + 1 at step 0 to exactly `final` at the last step."""
    last = LOSS_STEPS - 1
    return [round(final + (math.exp(-step / 12) - math.exp(-last / 12)), 6) for step in range(LOSS_STEPS)]


def log_churn_run(client: MlflowClient, experiment_id: str, i: int, parent_id: str | None) -> dict:
    values = churn_values(i)
    start = BASE_MS + i * 60_000
    end = start + 30_000
    tags = {"mlflow.user": USER, "domain": values["domain"]}
    description = XSS_DESCRIPTION if i == XSS_RUN else None
    run_id = create_run(client, experiment_id, values["name"], start, tags, values["params"], parent_id, description)
    metrics = values["metrics"]
    points = series("loss", loss_curve(metrics["loss"]), range(LOSS_STEPS), range(start, start + LOSS_STEPS * 500, 500))
    points += [Metric(key, metrics[key], end, 0) for key in ("accuracy", "f1")]
    log_metrics(client, run_id, points)
    if i == ARTIFACT_RUN:
        seed_artifacts(client, run_id)
    finish_run(client, run_id, end)
    return {"id": run_id, **values}


def seed_churn(client: MlflowClient, experiment_id: str) -> dict:
    """The 12 churn runs, logged 4 at a time: first the parent and the other top-level runs, then the
    children, which need the parent's id."""
    top_level = [i for i in range(1, CHURN_RUNS + 1) if i not in CHILDREN]
    with ThreadPoolExecutor(max_workers=4) as pool:
        runs = dict(zip(top_level, pool.map(lambda i: log_churn_run(client, experiment_id, i, None), top_level)))
        parent_id = runs[PARENT]["id"]
        runs.update(zip(CHILDREN, pool.map(lambda i: log_churn_run(client, experiment_id, i, parent_id), CHILDREN)))
    ordered = [runs[i] for i in range(1, CHURN_RUNS + 1)]
    return {
        "run_ids": [run["id"] for run in ordered],
        "parent_run_id": parent_id,
        "child_run_ids": [runs[i]["id"] for i in CHILDREN],
        "xss_run_id": runs[XSS_RUN]["id"],
        "html_name_run_id": runs[BOLD_RUN]["id"],
        "artifact_run_id": runs[ARTIFACT_RUN]["id"],
        "artifacts": artifacts_of(client, runs[ARTIFACT_RUN]["id"]),
        "runs": ordered,
    }


def seed_artifacts(client: MlflowClient, run_id: str) -> None:
    """One file of each kind the run page previews, two it must not execute or garble, and a model."""
    steps, loss = np.arange(LOSS_STEPS), loss_curve(0.2)
    figure = Figure(figsize=(4, 3))
    figure.subplots().plot(steps, loss)
    # A cell holding markup: the table preview must show it as text.
    labels = ["<b>x</b>" if step == 3 else "ok" for step in steps]
    table = pd.DataFrame({"step": steps, "loss": loss, "label": labels})
    upload_files(
        client,
        run_id,
        {
            "plots/loss.png": figure,
            "data/table.csv": table,
            "metrics.json": {"accuracy": 0.9, "nested": {"confusion_matrix": [[50, 5], [4, 41]]}},
            "config.yaml": {"model": {"C": 0.01, "max_depth": 2}, "tags": ["e2e", "fixture"]},
            "logs/train.log": "".join(f"step {step} loss {value}\n" for step, value in zip(steps, loss)),
            "report.html": "<h1>Report</h1><script>window.__xss=1</script>\n",
            # Bytes that are not text, under a text extension: the preview must not garble the page.
            "binary.txt": bytes(range(256)) * 16,
        },
    )
    x = pd.DataFrame({"tenure_months": np.arange(20.0), "monthly_charges": np.linspace(20, 120, 20)})
    model = LogisticRegression(C=1.0).fit(x, np.arange(20) % 2)
    log_sklearn_model(client, run_id, model, x, {"C": 1.0})


def artifacts_of(client: MlflowClient, run_id: str, path: str | None = None) -> list[str]:
    """Every file path in the run's artifact tree, for tests to know what to expect."""
    files = set()
    # The MLflow 3 client lists a logged model's files next to the run's own copy: hence a set.
    for entry in client.list_artifacts(run_id, path):
        files.update(artifacts_of(client, run_id, entry.path) if entry.is_dir else [entry.path])
    return sorted(files)


def seed_paging(client: MlflowClient, experiment_id: str) -> list[str]:
    def one(i: int) -> str:
        start = BASE_MS + i * 1_000
        run = client.create_run(experiment_id, start_time=start, tags={"mlflow.user": USER}, run_name=f"page-{i:03d}")
        client.log_batch(run.info.run_id, metrics=[Metric("m", float(i), start, 0)], params=[Param("p", str(i))])
        finish_run(client, run.info.run_id, start + 500)
        return run.info.run_id

    # Three short requests per run and no dependency between runs: the server's workers take
    # several at once.
    with ThreadPoolExecutor(max_workers=8) as pool:
        return list(pool.map(one, range(1, PAGING_RUNS + 1)))


def seed_charts(client: MlflowClient, experiment_id: str) -> dict:
    """`spiky`: `loss` over 20,000 steps, a smooth decay with noise (sigma 0.02), ten +10 sigma spikes
    and three NaN values at fixed steps, and `lr` (cosine, every 10 steps); `spiky-b`: `loss` over
    5,000 steps. MLflow's evenly spaced sample misses most spikes; the charts must not."""
    rng = np.random.default_rng(5)
    sigma = 0.02
    spike_steps = [1_234, 3_001, 4_567, 7_003, 9_999, 11_111, 13_579, 15_013, 17_777, 19_001]
    nan_steps = [2_500, 10_500, 18_500]
    steps = np.arange(20_000)
    loss = 1.9 * np.exp(-steps / 4_000) + 0.1 + rng.normal(0, sigma, steps.size)
    loss[spike_steps] += 10 * sigma
    loss[nan_steps] = np.nan
    times = BASE_MS + steps * 100
    spiky = create_run(client, experiment_id, "spiky", BASE_MS, {"mlflow.user": USER})
    lr_steps = steps[::10]
    lr = 3e-4 * 0.5 * (1 + np.cos(np.pi * lr_steps / steps[-1]))
    log_metrics(client, spiky, series("loss", loss, steps, times) + series("lr", lr, lr_steps, times[::10]))
    finish_run(client, spiky, int(times[-1]) + 1_000)

    steps_b = np.arange(5_000)
    loss_b = 1.5 * np.exp(-steps_b / 1_500) + 0.2 + rng.normal(0, sigma, steps_b.size)
    spiky_b = create_run(client, experiment_id, "spiky-b", BASE_MS + 60_000, {"mlflow.user": USER})
    log_metrics(client, spiky_b, series("loss", loss_b, steps_b, BASE_MS + 60_000 + steps_b * 100))
    finish_run(client, spiky_b, BASE_MS + 60_000 + 5_000 * 100)
    return {
        "run_ids": [spiky, spiky_b],
        "spiky_run_id": spiky,
        "spiky_b_run_id": spiky_b,
        "loss_steps": int(steps.size),
        "spike_steps": spike_steps,
        "spike_values": [float(loss[s]) for s in spike_steps],
        "nan_steps": nan_steps,
    }


EXTREME_EXPERIMENT = "/Shared/e2e/extreme"
# NaN, ±Infinity (MLflow's SQL store keeps these as ±1.797e308) and ±1e308 between finite values:
# nothing off the chart's range may reach an SVG attribute, and the finite points are still drawn.
EXTREME_VALUES = [0.5, math.nan, 0.4, math.inf, 0.3, -math.inf, 1e308, -1e308, 0.2, 0.1]


def seed_extreme(client: MlflowClient) -> dict:
    """`/Shared/e2e/extreme`: run `extreme` whose metric `edge` holds EXTREME_VALUES at steps 0…9."""
    experiment_id = create_experiment(client, EXTREME_EXPERIMENT, "Non-finite and huge metric values.", {"purpose": "e2e"})
    run_id = create_run(client, experiment_id, "extreme", BASE_MS, {"mlflow.user": USER})
    steps = list(range(len(EXTREME_VALUES)))
    log_metrics(client, run_id, series("edge", EXTREME_VALUES, steps, [BASE_MS + s * 1_000 for s in steps]))
    finish_run(client, run_id, BASE_MS + 60_000)
    finite = [i for i, v in enumerate(EXTREME_VALUES) if math.isfinite(v) and abs(v) <= 1e300]
    return {
        "id": experiment_id,
        "name": EXTREME_EXPERIMENT,
        "run_ids": [run_id],
        "extreme_run_id": run_id,
        "metric": "edge",
        "finite_steps": finite,
    }


# ── hostile input ──────────────────────────────────────────────────────────────────────────────

REGISTER_EXPERIMENT = "/Shared/e2e/register"


def seed_register(client: MlflowClient) -> dict:
    """`/Shared/e2e/register`: run `register-source` holding a real model twice over, as MLflow 3's
    log_model leaves it (a logged model, `models:/m-…`) and as a folder of the run's artifacts
    (`model/`). The register tests make versions of it in models of their own; nothing else reads it."""
    experiment_id = create_experiment(
        client, REGISTER_EXPERIMENT, "Registering a run's model (e2e).", {"purpose": "e2e"}
    )
    run_id = create_run(client, experiment_id, "register-source", BASE_MS, {"mlflow.user": USER}, {"C": 0.5})
    x = pd.DataFrame({"tenure_months": np.arange(12.0), "monthly_charges": np.linspace(30, 90, 12)})
    model = LogisticRegression(C=0.5).fit(x, np.arange(12) % 2)
    model_id = log_sklearn_model(client, run_id, model, x, {"C": 0.5})
    finish_run(client, run_id, BASE_MS + 60_000)
    return {
        "id": experiment_id,
        "name": REGISTER_EXPERIMENT,
        "run_ids": [run_id],
        "source_run_id": run_id,
        "logged_model_id": model_id,
        "model_folder": "model",
    }

HOSTILE_EXPERIMENT = '/Shared/e2e/hostile <img src=x onerror="window.__pwned=1">'
HOSTILE_MODEL = "hostile-model <img src=x onerror=alert(1)>"
# Payloads that would run if any page put them into the DOM as markup: each either sets
# window.__pwned or opens a dialog, and the sweep fails on both.
PWN_IMG = '<img src=x onerror="window.__pwned=1">'
PWN_SCRIPT = "<script>window.__pwned=1</script>"
ALERT_IMG = "<img src=x onerror=alert(1)>"
ALERT_SCRIPT = "<script>alert(1)</script>"
SVG_ONLOAD = '<svg onload="window.__pwned=1"></svg>'
JS_URL = "javascript:window.__pwned=1"
HTML_TEXT = PWN_IMG + PWN_SCRIPT + ALERT_IMG
# U+202E (RIGHT-TO-LEFT OVERRIDE) shows "evilgpj.exe" as "evilexe.jpg"; zero-width characters hide
# inside a word.
RTL_TEXT = "evil\u202egpj.exe"
ZW_TEXT = "zero\u200b\u200c\u200d\u2060\ufeffwidth"
# The longest values MLflow takes (param 6000, tag 8000), with no place to break a line.
LONG_PARAM = "0123456789" * 600
LONG_TAG = "T" * 8000
LONG_KEY = "long_key_" + "k" * 241  # keys stop at 250 characters
LONG_RUN_NAME = "L" * 250
UNICODE_METRIC = "Ünïcödé métric/ß"
LONG_METRIC = "metric_" + "m" * 243
HOSTILE_MARKDOWN = (
    f"# Hostile description {ZW_TEXT}\n\n"
    f"[javascript link]({JS_URL}) and [alert link](javascript:alert(1)) and "
    "[data link](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)\n\n"
    "![image](javascript:alert(1))\n\n"
    '<a href="javascript:alert(1)">raw anchor</a>\n\n'
    f"{ALERT_IMG}\n\n{ALERT_SCRIPT}\n\n{SVG_ONLOAD}\n\n"
    '<details open ontoggle="window.__pwned=1">details</details>\n\n'
    f"{RTL_TEXT}\n\n{LONG_PARAM}\n"
)
HOSTILE_SVG = (
    '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="40" onload="window.__pwned=1; alert(1)">'
    "<script>window.__pwned=1; alert(1)</script>"
    '<text x="4" y="24">hostile svg</text></svg>\n'
)
HOSTILE_HTML = (
    "<h1>Hostile report</h1>\n"
    "<script>alert(1); window.__pwned=1; parent.__pwned=1; top.__pwned=1</script>\n"
    '<img src=x onerror="alert(1); parent.__pwned=1">\n'
)


def hostile_artifacts() -> dict[str, object]:
    """File names and contents a preview must show as text or sandbox."""
    return {
        "hostile.svg": HOSTILE_SVG,
        "report.html": HOSTILE_HTML,
        f"{ALERT_IMG}.txt": f"named {ALERT_IMG}\n",
        f"{RTL_TEXT}.txt": f"{RTL_TEXT}\n",
        f"{ZW_TEXT}.txt": f"{ZW_TEXT}\n",
        "long_line.txt": LONG_PARAM + "\n",
        "table.csv": pd.DataFrame({"html": [HTML_TEXT, JS_URL], "long": [LONG_PARAM, RTL_TEXT]}),
        "data.json": {"html": HTML_TEXT, "link": JS_URL, "rtl": RTL_TEXT, "long": LONG_PARAM},
        "config.yaml": {"html": HTML_TEXT, "long": LONG_PARAM},
    }


def seed_hostile(client: MlflowClient) -> dict:
    """`/Shared/e2e/hostile …`: HTML, `javascript:` links, SVG and HTML with script, RTL override,
    zero-width characters and the longest values MLflow takes, in every field the UI shows: run
    `hostile` (params, tags, description, metrics, artifacts), run `LLL…` (a 250-character name),
    the experiment's own tags and description, and a registered model with a version."""
    experiment_id = create_experiment(
        client,
        HOSTILE_EXPERIMENT,
        HOSTILE_MARKDOWN,
        {"purpose": "e2e", "html": ALERT_IMG, "long": LONG_TAG, "rtl": RTL_TEXT},
    )
    name = f"hostile {PWN_IMG} {RTL_TEXT} {ZW_TEXT}"
    tags = {
        "mlflow.user": USER,
        "html": SVG_ONLOAD + ALERT_SCRIPT,
        "javascript": "javascript:alert(1)",
        "long": LONG_TAG,
        "zero_width": ZW_TEXT,
    }
    params = {
        "html": HTML_TEXT,
        "javascript": JS_URL,
        "rtl": RTL_TEXT,
        "zero_width": ZW_TEXT,
        "long": LONG_PARAM,
        LONG_KEY: "v",
    }
    run_id = create_run(client, experiment_id, name, BASE_MS, tags, params, description=HOSTILE_MARKDOWN)
    steps = range(5)
    stamps = [BASE_MS + step * 1_000 for step in steps]
    log_metrics(
        client,
        run_id,
        series("loss", [1.0, 0.8, 0.6, 0.5, 0.4], steps, stamps)
        + series(LONG_METRIC, [1, 2, 3, 4, 5], steps, stamps)
        + series(UNICODE_METRIC, [5, 4, 3, 2, 1], steps, stamps),
    )
    upload_files(client, run_id, hostile_artifacts())
    finish_run(client, run_id, BASE_MS + 60_000)

    long_run = create_run(client, experiment_id, LONG_RUN_NAME, BASE_MS + 1_000, {"mlflow.user": USER}, {"long": LONG_PARAM})
    log_metrics(client, long_run, series("loss", [0.9, 0.7], [0, 1], [BASE_MS + 1_000, BASE_MS + 2_000]))
    finish_run(client, long_run, BASE_MS + 60_000)

    client.create_registered_model(
        HOSTILE_MODEL, tags={"html": ALERT_SCRIPT, "long": LONG_TAG}, description=HOSTILE_MARKDOWN
    )
    source = client.get_run(run_id).info.artifact_uri + "/hostile.svg"
    version = client.create_model_version(
        HOSTILE_MODEL, source, run_id=run_id, tags={"html": PWN_IMG}, description=HTML_TEXT + LONG_PARAM
    )
    client.set_registered_model_alias(HOSTILE_MODEL, "champion", version.version)
    return {
        "id": experiment_id,
        "name": HOSTILE_EXPERIMENT,
        "run_ids": [run_id, long_run],
        "hostile_run_id": run_id,
        "hostile_run_name": name,
        "long_run_id": long_run,
        "long_run_name": LONG_RUN_NAME,
        "model_name": HOSTILE_MODEL,
        "artifacts": sorted(hostile_artifacts()),
        "texts": {
            "html": HTML_TEXT,
            "javascript": JS_URL,
            "rtl": RTL_TEXT,
            "zero_width": ZW_TEXT,
            "long_param": LONG_PARAM,
            "long_key": LONG_KEY,
            "long_metric": LONG_METRIC,
            "unicode_metric": UNICODE_METRIC,
            "alert_img": ALERT_IMG,
            "alert_script": ALERT_SCRIPT,
            "svg_onload": SVG_ONLOAD,
        },
    }


def write_manifest(path: Path, manifest: dict) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(path.suffix + ".tmp")
    temporary.write_text(json.dumps(manifest, indent=2) + "\n")
    # Atomic: a test that finds the file finds it whole.
    os.replace(temporary, path)


def main() -> None:
    started = time.monotonic()
    quiet_mlflow()
    args = parse_args(
        "Seed the end-to-end test fixtures and write their ids to a manifest.",
        lambda parser: parser.add_argument("--manifest", required=True, type=Path, help="where to write the JSON"),
    )
    client = connect(args.tracking_uri)
    require_absent(client, [*EXPERIMENTS.values(), *COMPARE_EXPERIMENTS.values()])
    progress = Progress(4)

    progress.step(f"{len(EXPERIMENTS)} experiments")
    ids = {
        key: create_experiment(client, name, f"End-to-end fixture ({key}); read-only.", {"purpose": "e2e"})
        for key, name in EXPERIMENTS.items()
    }
    experiments = {key: {"id": ids[key], "name": EXPERIMENTS[key]} for key in EXPERIMENTS}
    # Paging is hundreds of small independent requests; it overlaps with the churn runs.
    with ThreadPoolExecutor(max_workers=1) as background:
        progress.step(f"paging ({PAGING_RUNS} runs), in the background")
        paging = background.submit(seed_paging, client, ids["paging"])
        # Two models to log (seconds each): in the background too, after paging.
        promote = background.submit(seed_promote, client, BASE_MS, USER)
        progress.step(f"churn ({CHURN_RUNS} runs, one parent with {len(CHILDREN)} children)")
        experiments["churn"].update(seed_churn(client, ids["churn"]))
        experiments["empty"]["run_ids"] = []
        experiments["paging"]["run_ids"] = paging.result()
        experiments["charts"].update(seed_charts(client, ids["charts"]))
        experiments["extreme"] = seed_extreme(client)
        experiments["hostile"] = seed_hostile(client)
        experiments["compare"] = seed_compare(client, BASE_MS, USER)
        experiments["promote"] = promote.result()
        experiments["register"] = seed_register(client)
    progress.step(f"manifest {args.manifest}")
    write_manifest(
        args.manifest,
        {"experiments": experiments, "mlflow_version": mlflow.__version__, "base_time_ms": BASE_MS},
    )
    runs = CHURN_RUNS + PAGING_RUNS
    say(f"done in {time.monotonic() - started:.1f}s — {len(ids)} experiments, {runs} runs")


if __name__ == "__main__":
    run_main(main)
