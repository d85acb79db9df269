// Metric series a test logs itself, and read back, straight through MLflow's REST API (not through
// Parallax): what a chart or a sparkline draws is compared with what MLflow really holds.

function mlflowUrl(path: string): URL {
  const base = process.env.E2E_MLFLOW_URL;
  if (!base) throw new Error('E2E_MLFLOW_URL is not set: run the suite through playwright');
  return new URL(`/api/2.0/mlflow/${path}`, base);
}

export async function mlflowPost(path: string, body: unknown): Promise<void> {
  const res = await fetch(mlflowUrl(path), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`${path} → ${res.status}: ${await res.text()}`);
}

/** Every raw point of a metric as MLflow holds it, page after page. */
export async function rawHistory(runId: string, key: string) {
  const points: { step: number; value: number }[] = [];
  let token = '';
  do {
    const url = mlflowUrl('metrics/get-history');
    url.searchParams.set('run_id', runId);
    url.searchParams.set('metric_key', key);
    url.searchParams.set('max_results', '25000');
    if (token) url.searchParams.set('page_token', token);
    const res = await fetch(url);
    if (!res.ok) throw new Error(`get-history → ${res.status}`);
    const body = (await res.json()) as {
      metrics?: { step?: string | number; value: number | string }[];
      next_page_token?: string;
    };
    // MLflow writes NaN and ±Infinity as strings; Number() reads them back.
    for (const m of body.metrics ?? [])
      points.push({ step: Number(m.step ?? 0), value: Number(m.value) });
    token = body.next_page_token ?? '';
  } while (token);
  return points;
}

/** Logs `values` at steps 0…n-1 and finishes the run, in MLflow's largest batches (1,000). */
export async function logSeries(runId: string, key: string, values: readonly number[]) {
  const t0 = Date.now();
  const batches: Promise<void>[] = [];
  for (let start = 0; start < values.length; start += 1_000) {
    const metrics = values
      .slice(start, start + 1_000)
      .map((value, i) => ({ key, value, step: start + i, timestamp: t0 + start + i }));
    batches.push(mlflowPost('runs/log-batch', { run_id: runId, metrics }));
    // A few at a time: the SQL store takes one write at a time anyway.
    if (batches.length === 4) await Promise.all(batches.splice(0));
  }
  await Promise.all(batches);
  await mlflowPost('runs/update', { run_id: runId, status: 'FINISHED', end_time: Date.now() });
}
