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

export interface Manifest {
  experiments: {
    churn: SeededExperiment;
    empty: SeededExperiment;
    paging: SeededExperiment;
    charts: SeededChartsExperiment;
    hostile: SeededHostileExperiment;
    extreme: SeededExtremeExperiment;
  };
  mlflow_version: string;
}

export function readManifest(): Manifest {
  const file = process.env.E2E_MANIFEST;
  if (!file)
    throw new Error('E2E_MANIFEST is not set: run the suite through playwright (global setup)');
  return JSON.parse(readFileSync(file, 'utf8')) as Manifest;
}
