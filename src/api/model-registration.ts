import { api } from './client';

/** The part of a logged model (MLflow 3's `log_model` output) that registering one needs. */
export interface LoggedModelSummary {
  modelId: string;
  name: string;
}

interface SearchLoggedModelsResponse {
  models?: { info: { model_id: string; name?: string; status?: string } }[];
  next_page_token?: string;
}

/** MLflow's ceiling for logged-models/search, and a bound on how many one run's dialog lists. */
const PAGE = 50;
const MAX_PAGES = 4;

/**
 * The logged models a run produced that finished uploading, newest first: logged-models/search in
 * the run's experiment, by source run. Run ids are letters, digits, `_` and `-` (MLflow's rule),
 * so the id is a plain literal; anything else is no run of MLflow's and has none.
 */
export async function searchRunLoggedModels(
  experimentId: string,
  runId: string,
  signal?: AbortSignal,
): Promise<LoggedModelSummary[]> {
  if (!/^[\w-]+$/.test(runId)) return [];
  const out: LoggedModelSummary[] = [];
  let pageToken: string | undefined;
  for (let page = 0; page < MAX_PAGES; page++) {
    const res = await api.post<SearchLoggedModelsResponse>(
      '/api/2.0/mlflow/logged-models/search',
      {
        experiment_ids: [experimentId],
        filter: `source_run_id = '${runId}'`,
        max_results: PAGE,
        order_by: [{ field_name: 'creation_timestamp', ascending: false }],
        page_token: pageToken,
      },
      signal,
    );
    for (const { info } of res.models ?? []) {
      // A model still uploading, or whose upload failed, has no files to register.
      if (info.status !== undefined && info.status !== 'LOGGED_MODEL_READY') continue;
      out.push({ modelId: info.model_id, name: info.name ?? info.model_id });
    }
    pageToken = res.next_page_token || undefined;
    if (!pageToken) break;
  }
  return out;
}
