import { readFileSync } from 'node:fs';

export interface SeededExperiment {
  id: string;
  name: string;
  run_ids: string[];
  parent_run_id?: string;
  child_run_ids?: string[];
}

/** `/Shared/e2e/charts`: run `spiky` (`loss` with spikes and NaNs, `lr`) and run `spiky-b`. */
export interface SeededChartsExperiment extends SeededExperiment {
  spiky_run_id: string;
  spiky_b_run_id: string;
  loss_steps: number;
  spike_steps: number[];
  spike_values: number[];
  nan_steps: number[];
}

/** `/Shared/e2e/extreme`: run `extreme`, metric `edge` with NaN, ±Infinity and ±1e308 among finite values. */
export interface SeededExtremeExperiment extends SeededExperiment {
  extreme_run_id: string;
  metric: string;
  /** The steps whose values are finite and within the chart's range (drawn). */
  finite_steps: number[];
}

/**
 * `/Shared/e2e/hostile …`: run `hostile` (HTML, `javascript:`, RTL, zero-width and 6,000-character
 * params and tags, a hostile description, metrics and artifacts), run `LLL…` (a 250-character
 * name), hostile experiment tags and description, and a registered model with a version.
 */
export interface SeededHostileExperiment extends SeededExperiment {
  hostile_run_id: string;
  hostile_run_name: string;
  long_run_id: string;
  long_run_name: string;
  model_name: string;
  /** The hostile run's artifact file names (all at the top level). */
  artifacts: string[];
  /** The payloads, as seeded, for checks that they show as text. */
  texts: {
    html: string;
    javascript: string;
    rtl: string;
    zero_width: string;
    long_param: string;
    long_key: string;
    long_metric: string;
    unicode_metric: string;
    alert_img: string;
    alert_script: string;
    svg_onload: string;
  };
}

/** cmp-base, cmp-lr, cmp-deep and cmp-gone (deleted) are in compare-a; cmp-other in compare-b. */
export type CompareRunName = 'cmp-base' | 'cmp-lr' | 'cmp-deep' | 'cmp-gone' | 'cmp-other';
export type CompareMetric = 'val_loss' | 'val_accuracy' | 'epoch_time_s';

/**
 * `/Shared/e2e/compare-a` (`id`, `name`; `run_ids`: its live runs cmp-base, cmp-lr, cmp-deep) with
 * the deleted run cmp-gone, and `/Shared/e2e/compare-b` (`other`) with cmp-other: params equal,
 * varying, a JSON dict, a Python-style dict and a 600-character value; metrics over steps 0…9
 * whose latest, step-5, min and max values differ per run; a dataset whose digest differs in
 * cmp-deep; `config.yaml` in cmp-base and cmp-lr, 2 lines apart; `only_in_base.txt` in cmp-base.
 */
export interface SeededCompare extends SeededExperiment {
  other: SeededExperiment;
  run_id_by_name: Record<CompareRunName, string>;
  deleted_run_id: string;
  /** Every point logged, `[step, value]` for steps 0…9 in order: the last is the latest value. */
  metrics: Record<CompareMetric, Record<CompareRunName, [number, number][]>>;
  /** Every param as MLflow keeps it (text). */
  params: Record<CompareRunName, Record<string, string>>;
  /** The run's own tags (`mlflow.*` left out): `team` equal in all runs, `note` varying. */
  tags: Record<CompareRunName, { team: string; note: string }>;
  /** The run's dataset inputs; `context` is the input's `mlflow.data.context` tag. */
  datasets: Record<CompareRunName, { name: string; digest: string; context: string }[]>;
  /** The run's artifact file paths (all at the top level). */
  artifacts: Record<CompareRunName, string[]>;
  /** The text of each `config.yaml`, as stored. */
  config_yaml: Record<'cmp-base' | 'cmp-lr', string>;
  /** The lines that differ, `[in cmp-base, in cmp-lr]`; the other lines are equal. */
  config_yaml_changed_lines: [string, string][];
}

/** A signature column as MLflow's own `Schema.to_dict()` reads it back. */
export interface SeededColumn {
  name?: string;
  type: string;
  required?: boolean;
  'tensor-spec'?: { dtype: string; shape: number[] };
}

/** One side of `/Shared/e2e/promote`: a run with a logged scikit-learn model (nothing registered). */
export interface SeededPromoteRun {
  run_id: string;
  run_name: string;
  model_id: string;
  params: Record<string, string>;
  /** The latest values; `loss` is also a curve over 20 steps ending there. */
  metrics: { loss: number; accuracy: number };
  inputs: SeededColumn[];
  outputs: SeededColumn[];
}

/**
 * `/Shared/e2e/promote` (seed_promote.py): the champion's model takes `tenure_months` as double,
 * the candidate's as long; the candidate has the lower loss and the higher accuracy.
 */
export interface SeededPromote extends SeededExperiment {
  champion: SeededPromoteRun;
  candidate: SeededPromoteRun;
}

/**
 * `/Shared/e2e/register`: run `register-source` holding one scikit-learn model both as an MLflow 3
 * logged model (`logged_model_id`) and as the folder `model_folder` of its artifacts.
 */
export interface SeededRegister extends SeededExperiment {
  source_run_id: string;
  logged_model_id: string;
  model_folder: string;
}

export interface Manifest {
  experiments: {
    churn: SeededExperiment;
    empty: SeededExperiment;
    paging: SeededExperiment;
    charts: SeededChartsExperiment;
    hostile: SeededHostileExperiment;
    extreme: SeededExtremeExperiment;
    compare: SeededCompare;
    promote: SeededPromote;
    register: SeededRegister;
  };
  mlflow_version: string;
}

export function readManifest(): Manifest {
  const file = process.env.E2E_MANIFEST;
  if (!file)
    throw new Error('E2E_MANIFEST is not set: run the suite through playwright (global setup)');
  return JSON.parse(readFileSync(file, 'utf8')) as Manifest;
}
