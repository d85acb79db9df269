// Wire types from mlflow/protos as MLflow 3.x renders them: snake_case, omitted when empty, int64 as
// number (string on older servers), metric doubles possibly "NaN"/"Infinity"/"-Infinity".
import type { WireRunInputs } from '../lib/run-diff/diff-model';

export type Int64 = number | string;
export type WireDouble = number | 'NaN' | 'Infinity' | '-Infinity';

export interface KeyValue {
  key: string;
  value: string;
}

export type LifecycleStage = 'active' | 'deleted';
export type ViewType = 'ACTIVE_ONLY' | 'DELETED_ONLY' | 'ALL';

export interface Experiment {
  experiment_id: string;
  name: string;
  artifact_location?: string;
  lifecycle_stage?: LifecycleStage;
  last_update_time?: Int64;
  creation_time?: Int64;
  tags?: KeyValue[];
}

export type RunStatus = 'RUNNING' | 'SCHEDULED' | 'FINISHED' | 'FAILED' | 'KILLED';

export interface RunInfo {
  run_id: string;
  run_uuid?: string;
  run_name?: string;
  experiment_id: string;
  user_id?: string;
  status?: RunStatus;
  start_time?: Int64;
  end_time?: Int64;
  artifact_uri?: string;
  lifecycle_stage?: LifecycleStage;
}

export interface Metric {
  key: string;
  value: WireDouble;
  timestamp?: Int64;
  step?: Int64;
}

export interface RunData {
  metrics?: Metric[];
  params?: KeyValue[];
  tags?: KeyValue[];
}

export interface Run {
  info: RunInfo;
  data?: RunData;
  /** The datasets the run read (mlflow.log_input); MLflow 2.4+. */
  inputs?: WireRunInputs;
}

export interface FileInfo {
  path: string;
  is_dir?: boolean;
  file_size?: Int64;
}

export type ModelVersionStage = 'None' | 'Staging' | 'Production' | 'Archived';

export interface RegisteredModelAlias {
  alias: string;
  version: string;
}

export interface ModelVersion {
  name: string;
  version: string;
  creation_timestamp?: Int64;
  last_updated_timestamp?: Int64;
  user_id?: string;
  current_stage?: ModelVersionStage;
  description?: string;
  source?: string;
  run_id?: string;
  status?: 'PENDING_REGISTRATION' | 'FAILED_REGISTRATION' | 'READY';
  status_message?: string;
  tags?: KeyValue[];
  aliases?: string[];
  /** MLflow 3: the logged model this version was registered from. */
  model_id?: string;
}

export interface RegisteredModel {
  name: string;
  creation_timestamp?: Int64;
  last_updated_timestamp?: Int64;
  description?: string;
  latest_versions?: ModelVersion[];
  tags?: KeyValue[];
  aliases?: RegisteredModelAlias[];
}

// Shared with the server, which writes it: the contract lives in src/lib.
export type { ParallaxConfig } from '../lib/parallax-config';

/** Tags with meaning to MLflow's own UI (mlflow/utils/mlflow_tags.py). */
export const TAGS = {
  runName: 'mlflow.runName',
  parentRunId: 'mlflow.parentRunId',
  note: 'mlflow.note.content',
  user: 'mlflow.user',
  sourceName: 'mlflow.source.name',
  sourceType: 'mlflow.source.type',
  gitCommit: 'mlflow.source.git.commit',
  logModelHistory: 'mlflow.log-model.history',
} as const;

/** One tag to set: what MLflow's set-tag calls for runs and experiments take besides the id. */
export interface TagWrite {
  key: string;
  value: string;
}

/** `POST /api/2.0/mlflow/runs/search` response: both fields are omitted when empty / on the last page. */
export interface SearchRunsResponse {
  runs?: Run[];
  next_page_token?: string;
}

/** `GET /api/2.0/mlflow/runs/get` response. */
export interface GetRunResponse {
  run: Run;
}
